import { Alert, DatePicker, Form, Input, Modal, Radio, Typography, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { followUpResultEffect, todayInShanghai, type FollowUpDetail, type FollowUpItem, type FollowUpResult, type FollowUpUpdate } from '@rectify/domain';
import { useT } from '../../i18n';
import { useSaving } from '../../shared/SaveModal';
import { useCorrectFollowUp, useRecordFollowUp, useUpdateFollowUp } from './api';
import { FollowUpFields, type FollowUpForm } from './FollowUpFields';
import { useFeedback } from '../../shared/feedback';

// The 回头看 page's three dialogs; each keeps a failed save's message in the dialog (useSaving).

interface ResultForm {
  note?: string;
  /** 限期整改: the reopened measure's new deadline. */
  deadline?: Dayjs | null;
}

/** What a result form sends besides the result: the note and the new deadline, when filled in. */
const resultFields = (v: ResultForm) => ({
  ...(v.note?.trim() ? { note: v.note.trim() } : {}),
  ...(v.deadline ? { deadline: v.deadline.format('YYYY-MM-DD') } : {}),
});

/**
 * 限期整改: the deadline a 反弹 reopens the measure with, as the API says this measure needs it
 * (`relapseDeadline`): required once its deadline has passed, else optional (empty keeps it);
 * none for a long-term measure. Not before today.
 */
function RelapseDeadlineField({ measure }: { measure: FollowUpItem['measure'] }) {
  const t = useT();
  if (measure.relapseDeadline === 'none') return null;
  const required = measure.relapseDeadline === 'required';
  const today = todayInShanghai();
  const hint = required
    ? t('followUps.newDeadlineRequired', { deadline: measure.deadline ?? '' })
    : measure.deadline && t('followUps.newDeadlineKeeps', { deadline: measure.deadline });
  return (
    <Form.Item name="deadline" label={t('followUps.newDeadline')} extra={hint} rules={required ? [{ required: true, message: t('followUps.newDeadlineMissing') }] : []}>
      <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < today} data-testid="follow-up-deadline" />
    </Form.Item>
  );
}

/** Record 巩固 / 反弹 for one measure: a note (required for 反弹, which reopens the measure) and the reopened measure's deadline. */
export function RecordModal({ item, result, onClose }: { item: FollowUpItem | null; result: FollowUpResult; onClose: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const [form] = Form.useForm<ResultForm>();
  const record = useRecordFollowUp();
  const reopens = item !== null && followUpResultEffect(null, result, item.measure.status) === 'reopen';
  const { saving, error, run } = useSaving(async (v: ResultForm) => {
    if (!item) return;
    await record.mutateAsync({ itemId: item.id, body: { result, version: item.version, ...resultFields(v) } });
    message.success(t('followUps.recorded'));
    onClose();
  });
  return (
    <Modal
      open={item !== null}
      title={t(result === 'slid' ? 'followUps.recordTitleSlid' : 'followUps.recordTitleHeld')}
      okText={t(result === 'slid' ? 'followUps.recordSlid' : 'followUps.recordHeld')}
      okButtonProps={{ danger: result === 'slid', 'data-testid': 'follow-up-record-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {item && <Typography.Paragraph strong>{item.measure.text}</Typography.Paragraph>}
      {reopens && <Alert type="warning" showIcon message={t('followUps.slidWarning')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void run(v)}>
        <Form.Item
          name="note"
          label={t('followUps.recordNote')}
          rules={result === 'slid' ? [{ required: true, whitespace: true, message: t('followUps.recordNoteRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="follow-up-record-note" />
        </Form.Item>
        {item && reopens && <RelapseDeadlineField measure={item.measure} />}
      </Form>
    </Modal>
  );
}

/** 修改回头看 (the office): day, reviewer and scope while nothing is recorded (`locked` from the API); the note always. */
export function EditModal({ review, open, onClose }: { review: FollowUpDetail; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const [form] = Form.useForm<FollowUpForm>();
  const update = useUpdateFollowUp();
  const initial: FollowUpForm = {
    scheduledOn: dayjs(review.scheduledOn),
    reviewerId: review.reviewer?.id ?? null,
    scope: review.scope,
    categoryIds: review.categories.map((c) => c.id),
    measureIds: review.items.map((i) => i.measure.id),
    note: review.note,
  };
  const { saving, error, run } = useSaving(async (v: FollowUpForm) => {
    const note = v.note?.trim() || null;
    // A locked review sends its note only; otherwise what the form says (the API compares with what it has).
    const body: FollowUpUpdate = review.locked
      ? { version: review.version, note }
      : {
          version: review.version,
          scheduledOn: v.scheduledOn.format('YYYY-MM-DD'),
          reviewerId: v.reviewerId ?? null,
          scope: v.scope,
          ...(v.scope === 'categories' ? { categoryIds: v.categoryIds } : {}),
          ...(v.scope === 'measures' ? { measureIds: v.measureIds } : {}),
          note,
        };
    await update.mutateAsync({ id: review.id, body });
    message.success(t('followUps.saved'));
    onClose();
  });
  return (
    <Modal
      open={open}
      title={t('followUps.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'follow-up-edit-submit' } as ButtonProps}
      destroyOnHidden
    >
      {review.locked && <Alert type="info" showIcon message={t('followUps.lockedHint')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void run(v)}>
        <FollowUpFields form={form} roundId={review.roundId} open={open} fixed={review.locked} />
      </Form>
    </Modal>
  );
}

/** 更正结果 (the office): the other result or a better note; 反弹 reopens a closed measure (with its deadline), 巩固 never re-closes one. */
export function CorrectModal({ item, onClose }: { item: FollowUpItem | null; onClose: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const [form] = Form.useForm<ResultForm & { result: FollowUpResult }>();
  const correct = useCorrectFollowUp();
  const result = Form.useWatch('result', form) ?? item?.result ?? 'held';
  const effect = item ? followUpResultEffect(item.result, result, item.measure.status) : 'none';
  const { saving, error, run } = useSaving(async (v: ResultForm & { result: FollowUpResult }) => {
    if (!item) return;
    await correct.mutateAsync({ itemId: item.id, body: { result: v.result, version: item.version, ...resultFields(v) } });
    message.success(t('followUps.corrected'));
    onClose();
  });
  return (
    <Modal
      open={item !== null}
      title={t('followUps.correctTitle')}
      okText={t('followUps.correct')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ danger: result === 'slid' && item?.result !== 'slid', 'data-testid': 'follow-up-correct-submit' } as ButtonProps}
      destroyOnHidden
    >
      {item && <Typography.Paragraph strong>{item.measure.text}</Typography.Paragraph>}
      {effect === 'reopen' && <Alert type="warning" showIcon message={t('followUps.slidWarning')} style={{ marginBottom: 16 }} />}
      {effect === 'stays_open' && <Alert type="info" showIcon message={t('followUps.heldCorrectionHint')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ result: item?.result ?? 'held', note: item?.note ?? '' }} onFinish={(v) => void run(v)}>
        <Form.Item name="result" label={t('followUps.results')}>
          <Radio.Group data-testid="follow-up-correct-result">
            <Radio value="held" data-testid="follow-up-correct-held">{t('followUps.held')}</Radio>
            <Radio value="slid" data-testid="follow-up-correct-slid">{t('followUps.slid')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="note"
          label={t('followUps.recordNote')}
          rules={result === 'slid' ? [{ required: true, whitespace: true, message: t('followUps.recordNoteRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="follow-up-correct-note" />
        </Form.Item>
        {item && effect === 'reopen' && <RelapseDeadlineField measure={item.measure} />}
      </Form>
    </Modal>
  );
}
