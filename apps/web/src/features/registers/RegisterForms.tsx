import { useEffect, useEffectEvent, useId, useMemo } from 'react';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { MEETING_TYPES, meetingTypeLabels, type Meeting, type MeetingType, type Regulation, type RoundTree } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';
import { SaveModal, useSaving } from '../../shared/SaveModal';
import { useCreateMeeting, useCreateRegulation, useUpdateMeeting, useUpdateRegulation } from './api';

const toDay = (value: string | null | undefined) => (value ? dayjs(value) : null);
const fromDay = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** The round's measures as picker options, numbered as the tree numbers them (方面.问题.措施). */
export function measureOptions(tree: RoundTree | undefined) {
  return (tree?.categories ?? []).flatMap((c) =>
    c.problems.flatMap((p) =>
      p.measures.map((m) => ({ value: m.id, label: `${c.ordinal}.${p.ordinal}.${m.ordinal} ${m.text}` })),
    ),
  );
}

/** A form filled from the row when its dialog opens, saved, then closed. */
function useRegisterForm<V extends object>(open: boolean, initial: () => V, save: (values: V) => Promise<unknown>, onClose: () => void) {
  const [form] = Form.useForm<V>();
  const formId = useId().replace(/[^a-zA-Z0-9]/g, '');
  const saving = useSaving(async (values: V) => {
    await save(values);
    onClose();
  });
  const fill = useEffectEvent(() => {
    saving.clearError();
    form.resetFields();
    form.setFieldsValue(initial() as Parameters<typeof form.setFieldsValue>[0]);
  });
  useEffect(() => {
    if (open) fill();
  }, [open]);
  return { form, formId, saving };
}

interface RegulationValues {
  title: string;
  documentNumber?: string | null;
  issuedDate?: Dayjs | null;
  issuingUnit?: string | null;
  measureIds?: number[];
}

/** Adds or edits a rule issued (建章立制): title, 文号, issue date, issuing unit, the measures it answers. */
export function RegulationFormModal({ open, roundId, regulation, tree, defaultUnit, onClose }: {
  open: boolean;
  roundId: number;
  regulation?: Regulation;
  tree: RoundTree | undefined;
  /** The inspected unit: the usual issuer of its own rules. */
  defaultUnit: string;
  onClose: () => void;
}) {
  const t = useT();
  const create = useCreateRegulation(roundId);
  const update = useUpdateRegulation(roundId);
  const options = useMemo(() => measureOptions(tree), [tree]);
  const { form, formId, saving } = useRegisterForm<RegulationValues>(
    open,
    () =>
      regulation
        ? { title: regulation.title, documentNumber: regulation.documentNumber, issuedDate: toDay(regulation.issuedDate), issuingUnit: regulation.issuingUnit, measureIds: regulation.measureIds }
        : { title: '', documentNumber: null, issuedDate: null, issuingUnit: defaultUnit, measureIds: [] },
    (v) => {
      const body = {
        title: v.title.trim(),
        documentNumber: blankToNull(v.documentNumber),
        issuedDate: fromDay(v.issuedDate),
        issuingUnit: blankToNull(v.issuingUnit),
        measureIds: v.measureIds ?? [],
      };
      return regulation ? update.mutateAsync({ id: regulation.id, body: { version: regulation.version, ...body } }) : create.mutateAsync(body);
    },
    onClose,
  );
  return (
    <SaveModal open={open} title={regulation ? t('registers.editRegulation') : t('registers.addRegulation')} saving={saving.saving} error={saving.error} onCancel={onClose} onOk={() => form.submit()}>
      <Form<RegulationValues> form={form} name={`regulation${formId}`} layout="vertical" onFinish={(v) => void saving.run(v)} data-testid="regulation-form">
        <Form.Item name="title" label={t('registers.title')} rules={[{ required: true, whitespace: true, message: t('registers.titleRequired') }]}>
          <Input maxLength={500} autoComplete="off" placeholder={t('registers.titlePlaceholder')} data-testid="regulation-title" />
        </Form.Item>
        <Form.Item name="documentNumber" label={t('registers.documentNumber')}>
          <Input maxLength={100} autoComplete="off" placeholder={t('registers.documentNumberPlaceholder')} data-testid="regulation-number" />
        </Form.Item>
        <Form.Item name="issuedDate" label={t('registers.issuedDate')}>
          <DatePicker style={{ width: '100%' }} data-testid="regulation-date" />
        </Form.Item>
        <Form.Item name="issuingUnit" label={t('registers.issuingUnit')}>
          <Input maxLength={200} autoComplete="off" data-testid="regulation-unit" />
        </Form.Item>
        <Form.Item name="measureIds" label={t('registers.measures')} extra={t('registers.measuresHelp')}>
          <Select mode="multiple" allowClear showSearch optionFilterProp="label" options={options} placeholder={t('measure.selectPlaceholder')} data-testid="regulation-measures" />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}

interface MeetingValues {
  type: MeetingType;
  date?: Dayjs | null;
  topic: string;
  attendees?: string | null;
}

/** Adds or edits a meeting held: its type, date, topic and who attended. */
export function MeetingFormModal({ open, roundId, meeting, onClose }: { open: boolean; roundId: number; meeting?: Meeting; onClose: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const create = useCreateMeeting(roundId);
  const update = useUpdateMeeting(roundId);
  const { form, formId, saving } = useRegisterForm<MeetingValues>(
    open,
    () =>
      meeting
        ? { type: meeting.type, date: toDay(meeting.date), topic: meeting.topic, attendees: meeting.attendees }
        : { type: 'leadership', date: null, topic: '', attendees: null },
    (v) => {
      const body = { type: v.type, date: fromDay(v.date), topic: v.topic.trim(), attendees: blankToNull(v.attendees) };
      return meeting ? update.mutateAsync({ id: meeting.id, body: { version: meeting.version, ...body } }) : create.mutateAsync(body);
    },
    onClose,
  );
  return (
    <SaveModal open={open} title={meeting ? t('registers.editMeeting') : t('registers.addMeeting')} width={560} saving={saving.saving} error={saving.error} onCancel={onClose} onOk={() => form.submit()}>
      <Form<MeetingValues> form={form} name={`meeting${formId}`} layout="vertical" onFinish={(v) => void saving.run(v)} data-testid="meeting-form">
        <Form.Item name="type" label={t('registers.meetingType')} rules={[{ required: true }]}>
          <Select options={MEETING_TYPES.map((type) => ({ value: type, label: meetingTypeLabels[type][locale] }))} data-testid="meeting-type" />
        </Form.Item>
        <Form.Item name="date" label={t('registers.meetingDate')}>
          <DatePicker style={{ width: '100%' }} data-testid="meeting-date" />
        </Form.Item>
        <Form.Item name="topic" label={t('registers.topic')} rules={[{ required: true, whitespace: true, message: t('registers.topicRequired') }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="meeting-topic" />
        </Form.Item>
        <Form.Item name="attendees" label={t('registers.attendees')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('registers.attendeesPlaceholder')} data-testid="meeting-attendees" />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
