import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useT } from '../../i18n';

interface Props {
  open: boolean;
  title: string;
  label: string;
  placeholder?: string;
  okText: string;
  danger?: boolean;
  /** Rejects with an Error whose message is shown in the modal. */
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
  testId?: string;
}

/** Asks for a required reason (rejecting a closure, reopening a measure). */
export function ReasonModal({ open, title, label, placeholder, okText, danger, onSubmit, onClose, testId }: Props) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(reason.trim());
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, 'data-testid': testId ? `${testId}-ok` : undefined } as ButtonProps}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      // A fresh form at every opening: resetting it in an effect could wipe what was typed first.
      destroyOnHidden
      afterOpenChange={(visible) => visible || setError(null)}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: t('closure.reasonRequired') }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount placeholder={placeholder} data-testid={testId ? `${testId}-reason` : undefined} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
