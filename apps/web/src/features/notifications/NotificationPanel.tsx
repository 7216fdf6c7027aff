import { lazy, Suspense, useState, type ReactElement } from 'react';
import { Button, Popover, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { NotificationItem } from '@rectify/domain';
import { useT } from '../../i18n';
import { Loading } from '../../shared/Loading';
import { useMarkAllRead, useMarkRead, useNotifications } from './api';

// The list itself (antd List, Tag, Empty: with List's pagination and select ~45 KB gzipped) loads when the panel first opens.
const NotificationItems = lazy(() => import('./NotificationItems'));

/**
 * The bell's panel around the header's bell (NotificationBell): the latest notifications, open one,
 * mark one or all read. Its own chunk, loaded by the first press of the bell, so it opens at once.
 */
export default function NotificationPanel({ trigger }: { trigger: ReactElement }) {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(true);
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const openItem = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.kind === 'public_opinion') {
      setOpen(false);
      void navigate('/opinions');
    } else if (n.measureId) {
      setOpen(false);
      void navigate(`/measures/${n.measureId}`);
    }
  };

  const content = (
    <div style={{ width: 'min(380px, calc(100vw - 48px))' }} data-testid="notification-list">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '4px 0 8px', borderBottom: '1px solid #f0f0f0' }}>
        <Typography.Text strong>
          {t('notifications.title')}
          {unread > 0 && <Typography.Text type="secondary"> · {t('notifications.unread', { n: unread })}</Typography.Text>}
        </Typography.Text>
        <Button
          size="small"
          type="link"
          icon={<CheckOutlined />}
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notifications-read-all"
        >
          {t('notifications.readAll')}
        </Button>
      </div>
      {open && (
        <Suspense fallback={<Loading />}>
          <NotificationItems items={items} onOpen={openItem} onMarkRead={(id) => markRead.mutate(id)} />
        </Suspense>
      )}
    </div>
  );

  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" content={content} arrow={false}>
      {trigger}
    </Popover>
  );
}
