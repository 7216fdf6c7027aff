import { Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

interface Props {
  shown: number;
  total: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
  testId?: string;
  /** Said before the count (e.g. the list's total in its own words). */
  prefix?: ReactNode;
}

/** Under a list the server pages (keyset): how many of how many are shown, and the next page on request. */
export function LoadMore({ shown, total, hasMore, loading, onMore, testId = 'load-more', prefix }: Props) {
  const t = useT();
  return (
    <Space style={{ width: '100%', justifyContent: 'center', padding: '8px 0' }} wrap>
      {prefix}
      <Typography.Text type="secondary" data-testid={`${testId}-count`}>
        {t('common.shownOf', { shown, total })}
      </Typography.Text>
      {hasMore && (
        <Button onClick={onMore} loading={loading} data-testid={testId}>
          {t('common.loadMore')}
        </Button>
      )}
    </Space>
  );
}
