import { Button, Card, Empty, Progress, Table, Tag } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { Link, Navigate } from 'react-router';
import { completionRate, type RoundWithTotals } from '@rectify/domain';
import { useRounds } from '../../api/hooks';
import { useT } from '../../i18n';
import { DemoTag } from '../../shared/StatusTag';
import { LoadError, Loading } from '../../shared/PageState';

export default function RoundListPage() {
  const t = useT();
  const rounds = useRounds();
  if (rounds.isPending) return <Loading />;
  if (rounds.isError) return <LoadError error={rounds.error} onRetry={() => void rounds.refetch()} />;
  // One round: its dashboard is the start page.
  if (rounds.data.length === 1) return <Navigate to={`/rounds/${rounds.data[0]!.id}`} replace />;

  return (
    <Card
      title={t('rounds.title')}
      extra={
        <Link to="/import">
          <Button icon={<ImportOutlined />} data-testid="open-text-import">
            {t('textImport.title')}
          </Button>
        </Link>
      }
    >
      <Table<RoundWithTotals>
        rowKey="id"
        dataSource={rounds.data}
        pagination={false}
        locale={{ emptyText: <Empty description={t('rounds.empty')} /> }}
        columns={[
          {
            title: t('rounds.col.title'),
            dataIndex: 'title',
            render: (title: string, r) => (
              <>
                <Link to={`/rounds/${r.id}`}>{title}</Link> {r.demo && <DemoTag />}
              </>
            ),
          },
          { title: t('rounds.col.unit'), render: (_, r) => r.inspectedUnit.name },
          { title: t('rounds.col.feedbackDate'), dataIndex: 'feedbackDate', width: 120 },
          { title: t('rounds.col.deadline'), dataIndex: 'rectificationDeadline', width: 120 },
          {
            title: t('rounds.col.progress'),
            width: 220,
            render: (_, r) => (
              <Progress
                percent={Math.round(completionRate(r.totals) * 100)}
                size="small"
                format={() => `${r.totals.closed}/${r.totals.total}`}
              />
            ),
          },
          {
            title: t('rounds.col.overdue'),
            width: 90,
            render: (_, r) => (r.totals.overdue > 0 ? <Tag color="red">{r.totals.overdue}</Tag> : '0'),
          },
        ]}
      />
    </Card>
  );
}
