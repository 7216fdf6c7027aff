import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Form, List, Modal, Result, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useMutation } from '@tanstack/react-query';
import {
  MEASURE_BULK_FIELDS,
  MEASURE_KINDS,
  type MeasureBulkField,
  type MeasureBulkResult,
  type MeasureBulkUpdate,
  type MeasureItem,
} from '@rectify/domain';
import { api } from '../../api/client';
import { invalidateRectification, useDepartments, usePeople } from '../../api/hooks';
import { useLocale, useT } from '../../i18n';
import { kindLabel } from '../../shared/labels';
import { useScreen } from '../../shared/useScreen';
import { useMe } from '../auth/api';
import { hasAccess } from '../auth/session';
import { DepartmentPicker, PersonPicker } from '../people/StaffPickers';
import { fieldLabel } from './history';
import { DATE_FORMAT } from './measureForm';

interface Values {
  apply: MeasureBulkField[];
  leaderId?: number | null;
  leadDepartmentId?: number | null;
  coDepartmentIds?: number[];
  deadline?: Dayjs | null;
  kind?: MeasureItem['kind'];
}

export const useBulkUpdate = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MeasureBulkUpdate) => api.post<MeasureBulkResult>('/api/measures/bulk', body),
    onSuccess: () => invalidateRectification(client),
  });
};

export interface BulkEditProps {
  open: boolean;
  organizationId: number | undefined;
  /** The selected measures, with the version each was read at. */
  measures: readonly Pick<MeasureItem, 'id' | 'version' | 'text'>[];
  onClose: () => void;
  /** After a run: which measures changed (the caller keeps only the failed ones selected). */
  onDone: (result: MeasureBulkResult) => void;
}

/**
 * 批量设置: tick the fields to set, choose their values, apply to every selected measure. The
 * server checks each measure's version and rights on its own; the summary says what changed,
 * what already was so, and what could not be changed and why.
 */
export function BulkEditModal({ open, organizationId, measures, onClose, onDone }: BulkEditProps) {
  const t = useT();
  const [locale] = useLocale();
  const { phone } = useScreen();
  const [form] = Form.useForm<Values>();
  const people = usePeople(organizationId);
  const departments = useDepartments(organizationId);
  const canAdd = hasAccess(useMe().data, 'hierarchy.write');
  const bulk = useBulkUpdate();
  const [result, setResult] = useState<MeasureBulkResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const apply = Form.useWatch('apply', form) ?? [];

  useEffect(() => {
    if (open) {
      setResult(null);
      setError(null);
      form.resetFields();
    }
  }, [open, form]);

  const submit = async (v: Values) => {
    setError(null);
    const set: MeasureBulkUpdate['set'] = {};
    if (v.apply.includes('leaderId')) set.leaderId = v.leaderId ?? null;
    if (v.apply.includes('leadDepartmentId')) set.leadDepartmentId = v.leadDepartmentId ?? null;
    if (v.apply.includes('coDepartmentIds')) set.coDepartmentIds = v.coDepartmentIds ?? [];
    if (v.apply.includes('deadline')) set.deadline = v.deadline ? v.deadline.format(DATE_FORMAT) : null;
    if (v.apply.includes('kind') && v.kind) set.kind = v.kind;
    try {
      const answer = await bulk.mutateAsync({ measures: measures.map(({ id, version }) => ({ id, version })), set });
      setResult(answer);
      onDone(answer);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const textOf = (id: number) => measures.find((m) => m.id === id)?.text ?? `#${id}`;
  const staff = { organizationId, people: people.data, departments: departments.data, loading: people.isLoading || departments.isLoading, canAdd };

  return (
    <Modal
      open={open}
      title={t('bulk.title', { n: measures.length })}
      width={phone ? '100vw' : 640}
      onCancel={onClose}
      destroyOnHidden={false}
      forceRender
      footer={
        result ? (
          <Button type="primary" onClick={onClose} data-testid="bulk-close">
            {t('common.close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={bulk.isPending} disabled={apply.length === 0} onClick={() => form.submit()} data-testid="bulk-apply">
              {t('bulk.apply', { n: measures.length })}
            </Button>
          </Space>
        )
      }
    >
      {result ? (
        <BulkSummary result={result} textOf={textOf} />
      ) : (
        <>
          {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={error} />}
          <Typography.Paragraph type="secondary">{t('bulk.intro')}</Typography.Paragraph>
          <Form<Values> form={form} name="bulk" layout="vertical" initialValues={{ apply: [] }} onFinish={(v) => void submit(v)} data-testid="bulk-form">
            <Form.Item name="apply" label={t('bulk.fields')}>
              <Checkbox.Group
                options={MEASURE_BULK_FIELDS.map((f) => ({ value: f, label: fieldLabel(f, locale) }))}
                data-testid="bulk-fields"
              />
            </Form.Item>
            {apply.includes('leaderId') && (
              <Form.Item name="leaderId" label={fieldLabel('leaderId', locale)}>
                <PersonPicker {...staff} data-testid="bulk-leader" />
              </Form.Item>
            )}
            {apply.includes('leadDepartmentId') && (
              <Form.Item name="leadDepartmentId" label={fieldLabel('leadDepartmentId', locale)}>
                <DepartmentPicker {...staff} data-testid="bulk-lead-department" />
              </Form.Item>
            )}
            {apply.includes('coDepartmentIds') && (
              <Form.Item name="coDepartmentIds" label={fieldLabel('coDepartmentIds', locale)} extra={t('bulk.coDepartmentsHint')}>
                <DepartmentPicker {...staff} multiple data-testid="bulk-co-departments" />
              </Form.Item>
            )}
            {apply.includes('deadline') && (
              <Form.Item name="deadline" label={fieldLabel('deadline', locale)}>
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="bulk-deadline" />
              </Form.Item>
            )}
            {apply.includes('kind') && (
              <Form.Item name="kind" label={fieldLabel('kind', locale)} rules={[{ required: true, message: t('bulk.kindRequired') }]}>
                <Select options={MEASURE_KINDS.map((k) => ({ value: k, label: kindLabel(k, locale) }))} data-testid="bulk-kind" />
              </Form.Item>
            )}
          </Form>
        </>
      )}
    </Modal>
  );
}

function BulkSummary({ result, textOf }: { result: MeasureBulkResult; textOf: (id: number) => string }) {
  const t = useT();
  const [locale] = useLocale();
  const status = result.failed.length === 0 ? 'success' : result.changed.length + result.unchanged.length > 0 ? 'warning' : 'error';
  return (
    <div data-testid="bulk-summary">
      <Result
        status={status}
        title={t('bulk.summary', { changed: result.changed.length, unchanged: result.unchanged.length, failed: result.failed.length })}
        style={{ padding: '8px 0 16px' }}
      />
      {result.changed.length > 0 && (
        <Typography.Paragraph data-testid="bulk-changed">
          {t('bulk.changedFields', {
            fields: [...new Set(result.changed.flatMap((c) => c.fields))].map((f) => fieldLabel(f, locale)).join(locale === 'en' ? ', ' : '、'),
          })}
        </Typography.Paragraph>
      )}
      {result.failed.length > 0 && (
        <List
          size="small"
          bordered
          header={<Typography.Text strong>{t('bulk.failedTitle')}</Typography.Text>}
          dataSource={result.failed}
          data-testid="bulk-failed"
          renderItem={(f) => (
            <List.Item>
              <div style={{ minWidth: 0 }}>
                <Typography.Text ellipsis style={{ display: 'block', maxWidth: '100%' }}>
                  {textOf(f.id)}
                </Typography.Text>
                <Typography.Text type="danger">{f.code === 'VERSION_CONFLICT' ? t('bulk.conflict') : f.message}</Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
