import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useT } from '../../i18n';
import { useSubmitClosure } from '../closures/api';
import { useFeedback } from '../../shared/feedback';

/** 申请销号: a summary of what was done; the evidence is already on the measure. */
export function SubmitClosureModal({
  open,
  measureId,
  evidenceCount,
  onClose,
}: {
  open: boolean;
  measureId: number;
  evidenceCount: number;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ summary: string }>();
  const submit = useSubmitClosure();
  const [error, setError] = useState<string | null>(null);

  const send = async ({ summary }: { summary: string }) => {
    setError(null);
    try {
      await submit.mutateAsync({ measureId, summary: summary.trim() });
      message.success(t('closure.submitted'));
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal
      open={open}
      title={t('closure.submitTitle')}
      okText={t('closure.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'closure-submit-ok' } as ButtonProps}
      confirmLoading={submit.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      // A fresh form at every opening: resetting it in an effect could wipe what was typed first.
      destroyOnHidden
      afterOpenChange={(visible) => visible || setError(null)}
    >
      <Typography.Paragraph type="secondary">{t('closure.submitHint', { n: evidenceCount })}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void send(v)}>
        <Form.Item name="summary" label={t('closure.summary')} rules={[{ required: true, whitespace: true, message: t('closure.summaryRequired') }]}>
          <Input.TextArea rows={5} maxLength={20000} placeholder={t('closure.summaryPlaceholder')} data-testid="closure-summary-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
