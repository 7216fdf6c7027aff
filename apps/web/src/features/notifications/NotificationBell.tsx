import { lazy, Suspense, useState } from 'react';
import { Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { CountBadge } from '../../shared/CountBadge';
import { useNotifications } from './api';

// The panel (antd Popover with the list, its header and actions) loads when the bell is first
// pressed (fetched already when the pointer or the focus reaches it), not with every page.
const loadNotificationPanel = () => import('./NotificationPanel');
const NotificationPanel = lazy(loadNotificationPanel);

/** The header bell: unread count (polled every minute); it opens the latest notifications. */
export function NotificationBell() {
  const t = useT();
  const list = useNotifications();
  const unread = list.data?.unread ?? 0;
  const [panelWanted, setPanelWanted] = useState(false);

  const bell = (pressed: boolean) => (
    <span className="rectify-bell" data-testid="notification-count">
      <Button
        type="text"
        aria-label={t('notifications.title')}
        icon={<BellOutlined style={{ fontSize: 18, color: '#fff' }} />}
        data-testid="notification-bell"
        // Once pressed, the panel's chunk draws the bell anew: the new one takes the focus over.
        autoFocus={pressed}
        onPointerEnter={() => void loadNotificationPanel()}
        onFocus={() => void loadNotificationPanel()}
        onClick={pressed ? undefined : () => setPanelWanted(true)}
      />
      {unread > 0 && <CountBadge count={unread} color="#cf1322" />}
    </span>
  );

  if (!panelWanted) return bell(false);
  return (
    <Suspense fallback={bell(true)}>
      <NotificationPanel trigger={bell(true)} />
    </Suspense>
  );
}
