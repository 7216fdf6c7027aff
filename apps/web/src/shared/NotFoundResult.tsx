import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n';

/** A row that does not exist (or is another unit's): say so, and offer the way home. */
export default function NotFoundResult({ message }: { message: string }) {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('common.notFound')}
      subTitle={message}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
