import { useEffect, useRef, useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import type { Department, MeasureStatus, Person } from '@rectify/domain';
import { useT } from '../../i18n';
import { MeasureFields } from '../measure/MeasureFields';
import { syncStatus, type MeasureFormValues } from '../measure/measureForm';

interface Props {
  open: boolean;
  title: string;
  initial: MeasureFormValues;
  people: Person[] | undefined;
  departments: Department[] | undefined;
  manifestations: { id: number; ordinal: number; text: string }[];
  onCancel: () => void;
  onSubmit: (values: MeasureFormValues) => Promise<void>;
}

export function MeasureFormModal({ open, title, initial, people, departments, manifestations, onCancel, onSubmit }: Props) {
  const t = useT();
  const [form] = Form.useForm<MeasureFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const statusRef = useRef<MeasureStatus>(initial.status);

  useEffect(() => {
    if (open) {
      setError(null);
      statusRef.current = initial.status;
      form.setFieldsValue(initial);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const finish = async (values: MeasureFormValues) => {
    setSaving(true);
    setError(null);
    try {
      await onSubmit(values);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
      width={720}
    >
      {error && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('common.saveFailed', { message: error })} />
      )}
      <Form<MeasureFormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void finish(v)}
        onValuesChange={(changed: Partial<MeasureFormValues>) => {
          syncStatus(form, changed, statusRef.current);
          if (changed.status) statusRef.current = changed.status;
        }}
      >
        <MeasureFields people={people} departments={departments} manifestations={manifestations} />
      </Form>
    </Modal>
  );
}
