import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import type { MeasureDetail } from '@rectify/domain';
import { useT } from '../../i18n';
import { useMe } from '../auth/api';
import { hasAccess } from '../auth/session';
import { useDownload } from '../documents/useDownload';
import { useIssueNotice, useMeasureNotices } from './api';
import { useFeedback } from '../../shared/feedback';

/** 督办函 that name this measure, with their Word file; the office issues one to its lead department. */
export function NoticesPanel({ measure }: { measure: MeasureDetail }) {
  const t = useT();
  const { message } = useFeedback();
  const me = useMe();
  const notices = useMeasureNotices(measure.id);
  const issue = useIssueNotice();
  const { busy, download } = useDownload();
  const mayIssue = hasAccess(me.data, 'supervision.issue') && !measure.locked && measure.leadDepartment !== null;

  return (
    <Card
      title={t('notice.title')}
      size="small"
      data-testid="notices"
      extra={
        mayIssue && (
          <Button
            size="small"
            loading={issue.isPending}
            data-testid="notice-issue"
            onClick={() =>
              void issue
                .mutateAsync({ roundId: measure.path.round.id, body: { measureIds: [measure.id] } })
                .then((n) => message.success(t('notice.issued', { code: n.code })))
                .catch((e: Error) => message.error(e.message))
            }
          >
            {t('notice.issue')}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={notices.data ?? []}
        loading={notices.isLoading}
        locale={{ emptyText: t('notice.none') }}
        renderItem={(n) => (
          <List.Item
            data-testid="notice-item"
            actions={[
              <Button
                key="docx"
                size="small"
                icon={<FileWordOutlined />}
                loading={busy === `notice-${n.id}`}
                onClick={() => void download(`notice-${n.id}`, `/api/supervision-notices/${n.id}/notice.docx`, `${n.code}.docx`)}
              >
                {t('notice.download')}
              </Button>,
            ]}
          >
            <Space wrap size={4}>
              <Tag>{n.code}</Tag>
              <Typography.Text>{n.targetName}</Typography.Text>
              <Typography.Text type="secondary">{n.issuedOn}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
