import { useEffect, useEffectEvent, useRef } from 'react';
import { Form } from 'antd';
import type { Department, MeasureStatus, Person } from '@rectify/domain';
import { SaveModal, useSaving } from '../../shared/SaveModal';
import { MeasureFields } from '../measure/MeasureFields';
import { syncStatus, type MeasureFormValues } from '../measure/measureForm';

interface Props {
  open: boolean;
  title: string;
  initial: MeasureFormValues;
  organizationId: number | undefined;
  people: Person[] | undefined;
  departments: Department[] | undefined;
  manifestations: { id: number; ordinal: number; text: string }[];
  onCancel: () => void;
  onSubmit: (values: MeasureFormValues) => Promise<void>;
}

export function MeasureFormModal({ open, title, initial, organizationId, people, departments, manifestations, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<MeasureFormValues>();
  const { saving, error, clearError, run } = useSaving(onSubmit);
  const statusRef = useRef<MeasureStatus>(initial.status);

  // Fill the form when it opens, from the values of that moment (later prop changes do not refill it).
  const fillOnOpen = useEffectEvent(() => {
    clearError();
    statusRef.current = initial.status;
    form.setFieldsValue(initial);
  });
  useEffect(() => {
    if (open) fillOnOpen();
  }, [open]);

  return (
    <SaveModal open={open} title={title} width={720} saving={saving} error={error} onCancel={onCancel} onOk={() => form.submit()}>
      <Form<MeasureFormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void run(v)}
        onValuesChange={(changed: Partial<MeasureFormValues>) => {
          syncStatus(form, changed, statusRef.current);
          if (changed.status) statusRef.current = changed.status;
        }}
      >
        <MeasureFields organizationId={organizationId} people={people} departments={departments} manifestations={manifestations} />
      </Form>
    </SaveModal>
  );
}
