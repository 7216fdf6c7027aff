import { lazy, Suspense } from 'react';
import { Alert, Button } from 'antd';
import { ApiError } from '../api/client';
import { useT } from '../i18n';

// antd's Result carries its status illustrations (~10 KB gzipped): loaded only when a page is not found.
const NotFoundResult = lazy(() => import('./NotFoundResult'));

export { Loading } from './Loading';

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.status === 404)) {
    return (
      <Suspense fallback={null}>
        <NotFoundResult message={error.message} />
      </Suspense>
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert
      type="error"
      showIcon
      style={{ margin: 24 }}
      message={t('common.loadFailed')}
      description={message}
      action={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
