import { useEffect, useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useT } from '../../i18n';

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
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) {
      setError(null);
      form.setFieldsValue({ text: initial.text, ordinal: initial.ordinal ?? null });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const finish = async (values: SimpleFormValues) => {
    setSaving(true);
    setError(null);
    try {
      await onSubmit({ text: values.text.trim(), ordinal: values.ordinal ?? null });
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
      width={640}
    >
      {error && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('common.saveFailed', { message: error })} />
      )}
      <Form<SimpleFormValues> form={form} layout="vertical" onFinish={(v) => void finish(v)}>
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
    </Modal>
  );
}
