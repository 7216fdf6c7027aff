import { useCallback, useState } from 'react';
import { useT } from '../../i18n';
import { downloadFile } from '../../api/transfer';
import { useFeedback } from '../../shared/feedback';

/** Downloads through fetch with a per-button busy flag and a message on success or failure. */
export function useDownload() {
  const t = useT();
  const { message } = useFeedback();
  const [busy, setBusy] = useState<string | null>(null);
  const download = useCallback(
    async (key: string, url: string, fallbackName: string) => {
      setBusy(key);
      try {
        const name = await downloadFile(url, fallbackName);
        message.success(t('docs.downloaded', { name }));
      } catch (error) {
        message.error(t('docs.downloadFailed', { message: error instanceof Error ? error.message : String(error) }));
      } finally {
        setBusy(null);
      }
    },
    [message, t],
  );
  return { busy, download };
}
