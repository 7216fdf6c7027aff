import { Button, Card, Empty, Progress, Space, Tag, Typography } from 'antd';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { completionRate, type RoundWithTotals } from '@rectify/domain';
import { useRounds } from '../../api/hooks';
import { useT } from '../../i18n';
import { DemoTag } from '../../shared/DemoTag';
import { LoadError, Loading } from '../../shared/PageState';
import { LoadMore } from '../../shared/LoadMore';
import { ResponsiveList } from '../../shared/ResponsiveList';

function RoundProgress({ round }: { round: RoundWithTotals }) {
  const t = useT();
  return (
    <Progress
      percent={Math.round(completionRate(round.totals) * 100)}
      size="small"
      aria-label={t('rounds.col.progress')}
      format={() => `${round.totals.closed}/${round.totals.total}`}
    />
  );
}

export default function RoundListPage() {
  const t = useT();
  const rounds = useRounds();
  if (rounds.isPending) return <Loading />;
  if (rounds.isError) return <LoadError error={rounds.error} onRetry={() => void rounds.refetch()} />;
  const rows = rounds.data.pages.flatMap((p) => p.items);
  const total = rounds.data.pages[rounds.data.pages.length - 1]?.total ?? rows.length;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <h1 className="rectify-page-title">{t('rounds.title')}</h1>
        <Space wrap>
          <Link to="/rounds/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="open-new-round">
              {t('newRound.pageTitle')}
            </Button>
          </Link>
          <Link to="/import">
            <Button icon={<ImportOutlined />} data-testid="open-text-import">
              {t('textImport.title')}
            </Button>
          </Link>
        </Space>
      </Space>
      <Card styles={{ body: { padding: 0 } }}>
        <ResponsiveList<RoundWithTotals>
          testId="round-list"
          rows={rows}
          rowKey={(r) => r.id}
          empty={<Empty description={t('rounds.empty')} />}
          card={(r) => (
            <Card size="small" style={{ margin: '0 12px' }} data-testid={`round-card-${r.id}`}>
              <Link to={`/rounds/${r.id}`} style={{ fontWeight: 600 }}>
                {r.title}
              </Link>{' '}
              {r.demo && <DemoTag />}
              <div>
                <Typography.Text type="secondary">
                  {r.inspectedUnit.name} · {t('rounds.col.deadline')} {r.rectificationDeadline ?? t('common.none')}
                </Typography.Text>
              </div>
              <RoundProgress round={r} />
              {r.totals.overdue > 0 && <Tag color="red">{t('rounds.col.overdue')} {r.totals.overdue}</Tag>}
            </Card>
          )}
          table={{
            pagination: false,
            columns: [
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
              { title: t('rounds.col.progress'), width: 220, render: (_, r) => <RoundProgress round={r} /> },
              {
                title: t('rounds.col.overdue'),
                width: 90,
                render: (_, r) => (r.totals.overdue > 0 ? <Tag color="red">{r.totals.overdue}</Tag> : '0'),
              },
            ],
          }}
        />
        {total > 0 && (
          <LoadMore
            testId="round-list-more"
            shown={rows.length}
            total={total}
            hasMore={rounds.hasNextPage}
            loading={rounds.isFetchingNextPage}
            onMore={() => void rounds.fetchNextPage()}
          />
        )}
      </Card>
    </Space>
  );
}
