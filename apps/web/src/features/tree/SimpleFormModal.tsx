import { useEffect, useEffectEvent } from 'react';
import { Form, Input, InputNumber } from 'antd';
import { useT } from '../../i18n';
import { SaveModal, useSaving } from '../../shared/SaveModal';

export interface SimpleFormValues {
  text: string;
  ordinal?: number | null;
}

interface Props {
  open: boolean;
  title: string;
  /** The label of the text field (标题 or 内容). */
  textLabel: string;
  multiline?: boolean;
  initial: SimpleFormValues;
  onCancel: () => void;
  /** Resolves when saved; rejects with an Error whose message is shown in the modal. */
  onSubmit: (values: SimpleFormValues) => Promise<void>;
}

/** Create or edit a category, problem or manifestation: one text and an optional number. */
export function SimpleFormModal({ open, title, textLabel, multiline, initial, onCancel, onSubmit }: Props) {
  const t = useT();
  const [form] = Form.useForm<SimpleFormValues>();
  const { saving, error, clearError, run } = useSaving((values: SimpleFormValues) =>
    onSubmit({ text: values.text.trim(), ordinal: values.ordinal ?? null }),
  );

  // Fill the form when it opens, from the values of that moment (later prop changes do not refill it).
  const fillOnOpen = useEffectEvent(() => {
    clearError();
    form.setFieldsValue({ text: initial.text, ordinal: initial.ordinal ?? null });
  });
  useEffect(() => {
    if (open) fillOnOpen();
  }, [open]);

  return (
    <SaveModal open={open} title={title} saving={saving} error={error} onCancel={onCancel} onOk={() => form.submit()}>
      <Form<SimpleFormValues> form={form} layout="vertical" onFinish={(v) => void run(v)}>
        <Form.Item
          name="text"
          label={textLabel}
          rules={[{ required: true, whitespace: true, message: t('tree.field.required', { name: textLabel }) }]}
        >
          {multiline ? <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} /> : <Input />}
        </Form.Item>
        <Form.Item name="ordinal" label={t('tree.field.ordinal')}>
          <InputNumber min={1} max={10000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
