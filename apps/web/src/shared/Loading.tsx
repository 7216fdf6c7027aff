import { Spin } from 'antd';
import { useT } from '../i18n';

/** The placeholder while a page or its data loads; kept light, it ships in the first chunk. */
export function Loading() {
  const t = useT();
  return (
    <div role="status" aria-label={t('common.loading')} style={{ padding: 64, textAlign: 'center' }}>
      <Spin size="large" />
    </div>
  );
}
