import { Alert, Button, Result } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { useT } from '../i18n';

export { Loading } from './Loading';

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (error instanceof ApiError && (error.code === 'NOT_FOUND' || error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('common.notFound')}
        subTitle={error.message}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
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
