import { useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Space, Tag, Typography } from 'antd';
import { InfoCircleOutlined, ReloadOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReportTexts, ReportTextsUpdate } from '@rectify/domain';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { useReportTexts, useSaveReportTexts } from './api';
import { useFeedback } from '../../shared/feedback';

interface Values {
  opening: string;
  nextSteps: string;
  contact: string;
  reportDate: Dayjs | null;
}

const toValues = (r: ReportTexts): Values => ({
  opening: r.opening ?? '',
  nextSteps: r.nextSteps ?? '',
  contact: r.contact ?? '',
  reportDate: r.reportDate ? dayjs(r.reportDate) : null,
});

const text = (value: string): string | null => (value.trim() ? value.trim() : null);

/** Only the fields that changed, with the version read. */
export function reportTextsPatch(read: ReportTexts, values: Values): ReportTextsUpdate {
  const patch: ReportTextsUpdate = { version: read.version };
  for (const field of ['opening', 'nextSteps', 'contact'] as const) {
    const next = text(values[field]);
    if (next !== (read[field] ?? null)) patch[field] = next;
  }
  const date = values.reportDate ? values.reportDate.format('YYYY-MM-DD') : null;
  if (date !== read.reportDate) patch.reportDate = date;
  return patch;
}

/** The office's parts of the report; `onSaved` refreshes the preview. */
export function ReportTextsEditor({ roundId, canWrite, onSaved }: { roundId: number; canWrite: boolean; onSaved: () => void }) {
  const t = useT();
  const { message } = useFeedback();
  const texts = useReportTexts(roundId);
  const save = useSaveReportTexts(roundId);
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState(false);

  // Load what the server holds whenever it changes and nothing is being edited.
  useEffect(() => {
    if (texts.data && !dirty) form.setFieldsValue(toValues(texts.data));
  }, [texts.data, dirty, form]);

  if (texts.isPending) return <Card title={t('reportTexts.title')}><Loading /></Card>;
  if (texts.isError) return <LoadError error={texts.error} onRetry={() => void texts.refetch()} />;
  const read = texts.data;

  const submit = async (values: Values) => {
    try {
      await save.mutateAsync(reportTextsPatch(read, values));
      setDirty(false);
      setConflict(false);
      message.success(t('reportTexts.saved'));
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.isConflict) setConflict(true);
      else message.error(t('common.saveFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  const reload = async () => {
    const fresh = await texts.refetch();
    if (fresh.data) form.setFieldsValue(toValues(fresh.data));
    setDirty(false);
    setConflict(false);
    onSaved();
  };

  return (
    <Card
      title={t('reportTexts.title')}
      data-testid="report-texts"
      extra={
        <Space size={6}>
          {dirty && <Tag color="orange" style={{ margin: 0 }}>{t('reportTexts.unsaved')}</Tag>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('reportTexts.version', { n: read.version })}
          </Typography.Text>
        </Space>
      }
    >
      <Alert
        type="info"
        showIcon
        icon={<InfoCircleOutlined />}
        message={t('reportTexts.computedNote')}
        style={{ marginBottom: 16, fontSize: 13 }}
        data-testid="computed-note"
      />
      {!canWrite && <Alert type="warning" showIcon message={t('reportTexts.readOnly')} style={{ marginBottom: 16 }} />}
      {conflict && (
        <Alert
          type="error"
          showIcon
          data-testid="report-texts-conflict"
          message={t('reportTexts.conflict')}
          style={{ marginBottom: 16 }}
          action={
            <Button size="small" icon={<ReloadOutlined />} onClick={() => void reload()} data-testid="report-texts-reload">
              {t('reportTexts.reload')}
            </Button>
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={!canWrite}
        initialValues={toValues(read)}
        onValuesChange={() => setDirty(true)}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="opening" label={t('reportTexts.opening')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} data-testid="report-opening" />
        </Form.Item>
        <Form.Item name="nextSteps" label={t('reportTexts.nextSteps')} extra={t('reportTexts.nextStepsHelp')}>
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} maxLength={20_000} data-testid="report-next-steps" />
        </Form.Item>
        <Form.Item name="contact" label={t('reportTexts.contact')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid="report-contact" />
        </Form.Item>
        <Form.Item name="reportDate" label={t('reportTexts.reportDate')}>
          <DatePicker style={{ width: 200 }} data-testid="report-date" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} disabled={!dirty || !canWrite} data-testid="report-texts-save">
            {t('common.save')}
          </Button>
          <Button
            icon={<UndoOutlined />}
            disabled={!dirty}
            onClick={() => {
              form.setFieldsValue(toValues(read));
              setDirty(false);
            }}
          >
            {t('reportTexts.discard')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
