import { Badge, Button, Empty, List, Space, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { notificationKindLabels, type NotificationItem, type NotificationKind, formatDateTime } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';

const kindColor: Record<NotificationKind, string> = {
  due_soon: 'orange',
  overdue: 'red',
  closure_approved: 'green',
  report_submitted: 'blue',
  report_accepted: 'green',
  report_returned: 'orange',
  follow_up_scheduled: 'blue',
  follow_up_slid: 'red',
  follow_up_held: 'green',
  closure_rejected: 'volcano',
  assigned: 'blue',
  postponement_requested: 'purple',
  postponement_approved: 'green',
  postponement_refused: 'volcano',
  warning: 'gold',
  public_opinion: 'cyan',
};

/** The bell's notifications, newest first: open one (its measure), or mark it read. */
export default function NotificationItems({ items, onOpen, onMarkRead }: { items: NotificationItem[]; onOpen: (n: NotificationItem) => void; onMarkRead: (id: number) => void }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <>
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
              onClick={() => onOpen(n)}
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
                          onMarkRead(n.id);
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
    </>
  );
}
