import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Alert, Button, Drawer, Form, Space } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { editableMeasureFields, MEASURE_FIELDS, type MeasureDetail } from '@rectify/domain';
import { ApiError } from '../../api/client';
import { useDepartments, usePeople, useUpdateMeasure } from '../../api/hooks';
import { queryKeys } from '../../api/keys';
import { useLocale, useT } from '../../i18n';
import { fieldLabel } from './history';
import { useMe } from '../auth/api';
import { useScreen } from '../../shared/useScreen';
import { MeasureFields } from './MeasureFields';
import { editablePayload, syncStatus, toFormValues, type MeasureFormValues } from './measureForm';
import { useFeedback } from '../../shared/feedback';

interface Props {
  open: boolean;
  measure: MeasureDetail;
  organizationId: number | undefined;
  onClose: () => void;
  /** Fetches the latest measure from the server. */
  reload: () => Promise<MeasureDetail | undefined>;
}

/**
 * Edits a measure. The version is the one read when the form opened: if someone saved in
 * between, the server answers 409 and the form offers to load the latest data.
 */
export function MeasureEditDrawer({ open, measure, organizationId, onClose, reload }: Props) {
  const t = useT();
  const [locale] = useLocale();
  const { message } = useFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm<MeasureFormValues>();
  const versionRef = useRef(measure.version);
  const statusRef = useRef(measure.status);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const people = usePeople(organizationId);
  const departments = useDepartments(organizationId);
  const update = useUpdateMeasure();
  // Officers may change progress and outcome only, leaders all but the status: send just those.
  const role = useMe().data?.role;
  const editable = role ? editableMeasureFields(role) : undefined;
  const { phone } = useScreen();

  const fill = (m: MeasureDetail) => {
    versionRef.current = m.version;
    statusRef.current = m.status;
    form.setFieldsValue(toFormValues(m));
  };

  // Fill the form each time it opens, with the version read at that moment.
  const fillOnOpen = useEffectEvent(() => {
    setConflict(false);
    setError(null);
    fill(measure);
  });
  useEffect(() => {
    if (open) fillOnOpen();
  }, [open]);

  const submit = async (values: MeasureFormValues) => {
    setError(null);
    setConflict(false);
    try {
      const saved = await update.mutateAsync({
        id: measure.id,
        body: { version: versionRef.current, ...editablePayload(values, editable) },
      });
      client.setQueryData(queryKeys.measures.detail(measure.id), saved);
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.isConflict) setConflict(true);
      else setError(e instanceof Error ? e.message : String(e));
    }
  };

  const loadLatest = async () => {
    setReloading(true);
    try {
      const latest = await reload();
      if (latest) {
        fill(latest);
        setConflict(false);
        message.info(t('measure.reloaded'));
      }
    } finally {
      setReloading(false);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('measure.editTitle')}
      width={phone ? '100%' : 680}
      destroyOnHidden={false}
      forceRender
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()} data-testid="measure-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {conflict && (
        <Alert
          type="error"
          showIcon
          data-testid="conflict-alert"
          style={{ marginBottom: 16 }}
          message={t('measure.conflictTitle')}
          description={t('measure.conflictBody')}
          action={
            <Button danger icon={<ReloadOutlined />} loading={reloading} onClick={() => void loadLatest()} data-testid="reload-latest">
              {t('measure.reloadLatest')}
            </Button>
          }
        />
      )}
      {editable && editable.length < MEASURE_FIELDS.length && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('measure.limitedEdit', { fields: editable.map((f) => fieldLabel(f, locale)).join(locale === 'en' ? ', ' : '、') })}
          data-testid="limited-edit"
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setError(null)}
          style={{ marginBottom: 16 }}
          message={t('common.saveFailed', { message: error })}
        />
      )}
      <Form<MeasureFormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<MeasureFormValues>) => {
          syncStatus(form, changed, statusRef.current);
          if (changed.status) statusRef.current = changed.status;
        }}
      >
        <MeasureFields
          organizationId={organizationId}
          editable={editable}
          people={people.data}
          departments={departments.data}
          loadingRefs={people.isLoading || departments.isLoading}
        />
      </Form>
    </Drawer>
  );
}
