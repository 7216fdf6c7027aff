import { useState } from 'react';
import { Badge, Button, Empty, List, Popover, Space, Tag, Typography } from 'antd';
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { notificationKindLabels, type NotificationItem, type NotificationKind, formatDateTime } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';
import { useMarkAllRead, useMarkRead, useNotifications } from './api';

const kindColor: Record<NotificationKind, string> = {
  due_soon: 'orange',
  overdue: 'red',
  closure_approved: 'green',
  report_submitted: 'blue',
  report_accepted: 'green',
  report_returned: 'orange',
  follow_up_scheduled: 'blue',
  follow_up_slid: 'red',
  closure_rejected: 'volcano',
  assigned: 'blue',
  postponement_requested: 'purple',
  postponement_approved: 'green',
  postponement_refused: 'volcano',
  warning: 'gold',
  public_opinion: 'cyan',
};

/** The header bell: unread count (polled every minute), the latest notifications, mark as read. */
export function NotificationBell() {
  const t = useT();
  const [locale] = useLocale();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
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
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List<NotificationItem>
          size="small"
          dataSource={items}
          style={{ maxHeight: 420, overflowY: 'auto' }}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              data-testid="notification-item"
              data-unread={n.readAt ? undefined : 'true'}
              onClick={() => openItem(n)}
              style={{
                cursor: n.measureId || n.kind === 'public_opinion' || !n.readAt ? 'pointer' : 'default',
                background: n.readAt ? undefined : '#f0f6ff',
                padding: '10px 8px',
                alignItems: 'flex-start',
              }}
              actions={
                n.readAt
                  ? undefined
                  : [
                      <Button
                        key="read"
                        size="small"
                        type="text"
                        title={t('notifications.markRead')}
                        icon={<CheckOutlined />}
                        onClick={(e) => {
                          e.stopPropagation();
                          markRead.mutate(n.id);
                        }}
                        data-testid="notification-mark-read"
                      />,
                    ]
              }
            >
              <div style={{ minWidth: 0 }}>
                <Space size={6} style={{ marginBottom: 2 }}>
                  {!n.readAt && <Badge status="processing" />}
                  <Tag color={kindColor[n.kind]} style={{ marginInlineEnd: 0 }}>
                    {notificationKindLabels[n.kind][locale]}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </Space>
                <div style={{ fontSize: 13, lineHeight: 1.6, color: '#1f2937', wordBreak: 'break-word' }}>{n.text}</div>
              </div>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" content={content} arrow={false}>
      <Badge count={unread} size="small" offset={[-4, 4]} data-testid="notification-count">
        <Button
          type="text"
          aria-label={t('notifications.title')}
          icon={<BellOutlined style={{ fontSize: 18, color: '#fff' }} />}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
