import { useState, type ReactNode } from 'react';
import { Alert, Modal } from 'antd';
import { useT } from '../i18n';

/**
 * The saving state of a form in a modal: `run` waits for the save, and a rejection's message stays
 * in the modal (the form keeps what was typed) instead of closing it.
 */
export function useSaving<V>(save: (values: V) => Promise<void>) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const run = async (values: V) => {
    setSaving(true);
    setError(null);
    try {
      await save(values);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, clearError: () => setError(null), run };
}

interface Props {
  open: boolean;
  title: string;
  width?: number;
  saving: boolean;
  error: string | null;
  onCancel: () => void;
  /** Usually `form.submit()`: the form's onFinish then saves. */
  onOk: () => void;
  children: ReactNode;
}

/** A modal with Save / Cancel, the save's progress and its error above the form. */
export function SaveModal({ open, title, width = 640, saving, error, onCancel, onOk, children }: Props) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={onOk}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      forceRender
      width={width}
    >
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('common.saveFailed', { message: error })} />}
      {children}
    </Modal>
  );
}
