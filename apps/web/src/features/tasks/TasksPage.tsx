import { Card, Col, Empty, Progress, Row, Space, Statistic, Switch, Tag, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { closureStateLabels, type TaskItem } from '@rectify/domain';
import { brand } from '../../app/theme';
import { useLocale, useT } from '../../i18n';
import { categoryLabel, problemLabel } from '../../shared/labels';
import { LoadError, Loading } from '../../shared/PageState';
import { LoadMore } from '../../shared/LoadMore';
import { OverdueTag, StatusTag } from '../../shared/StatusTag';
import { ResponsiveList } from '../../shared/ResponsiveList';
import { useScreen } from '../../shared/useScreen';
import { useMyTasks } from '../notifications/api';
import { rowBackground, taskRowTone } from './taskRows';
import { ClampedText } from '../../shared/ClampedText';

/**
 * 我的任务: the badge's figures, and the list a page at a time. Its filters are the API's (and the
 * URL's, `?due=14` as on the timeline, `?closed=1`): the 14-day figure keeps what falls due in that
 * window, the switch adds closed measures after the open ones.
 */
export default function TasksPage() {
  const t = useT();
  const [locale] = useLocale();
  const [params, setParams] = useSearchParams();
  const includeClosed = params.get('closed') === '1';
  const next14 = params.get('due') === '14';
  const setFilter = (key: 'closed' | 'due', on: boolean) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (on) next.set(key, key === 'due' ? '14' : '1');
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const tasks = useMyTasks({ includeClosed, dueNext14: next14 });
  const { phone } = useScreen();

  if (tasks.isPending) return <Loading />;
  if (tasks.isError && !tasks.data) return <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />;
  const [first] = tasks.data.pages;
  if (!first) return <Loading />;
  const { counts, today, total } = first;
  const items = tasks.data.pages.flatMap((p) => p.items);

  const stats = [
    { key: 'total', label: t('tasks.count.total'), value: counts.total, color: brand.primary },
    { key: 'overdue', label: t('tasks.count.overdue'), value: counts.overdue, color: counts.overdue ? '#cf1322' : undefined },
    { key: 'dueSoon', label: t('tasks.count.dueSoon'), value: counts.dueSoon, color: counts.dueSoon ? '#d46b08' : undefined },
    { key: 'dueNext14', label: t('time.dueNext14'), value: counts.dueNext14 ?? 0, color: counts.dueNext14 ? '#ad6800' : undefined },
    { key: 'pendingClosure', label: t('tasks.count.pendingClosure'), value: counts.pendingClosure },
    { key: 'rejected', label: t('tasks.count.rejected'), value: counts.rejected, color: counts.rejected ? '#d4380d' : undefined },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="tasks-page">
      <div>
        <h1 className="rectify-page-title">{t('tasks.title')}</h1>
        <Typography.Text type="secondary">{t('tasks.intro', { today })}</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        {stats.map((s) => (
          // Six equal columns on a wide screen; two a row on a phone (five would stack the labels letter by letter).
          <Col key={s.key} xs={12} md={8} lg={4} flex={phone ? undefined : '1'}>
            {s.key === 'dueNext14' ? (
              // The 14-day figure filters the list to what falls due in that window (click again: all).
              <Card
                className="rectify-stat"
                hoverable
                role="button"
                tabIndex={0}
                aria-pressed={next14}
                data-testid={`tasks-count-${s.key}`}
                style={next14 ? { borderColor: '#ad6800' } : undefined}
                onClick={() => setFilter('due', !next14)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    setFilter('due', !next14);
                  }
                }}
              >
                <Statistic title={s.label} value={s.value} valueStyle={s.color ? { color: s.color } : undefined} />
              </Card>
            ) : (
              <Card className="rectify-stat" data-testid={`tasks-count-${s.key}`}>
                <Statistic title={s.label} value={s.value} valueStyle={s.color ? { color: s.color } : undefined} />
              </Card>
            )}
          </Col>
        ))}
      </Row>
      <Card
        title={next14 ? `${t('tasks.list')} · ${t('time.dueNext14')}` : t('tasks.list')}
        extra={
          <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
            <Typography.Text type="secondary">{t('tasks.includeClosed')}</Typography.Text>
            <Switch size="small" checked={includeClosed} onChange={(on) => setFilter('closed', on)} data-testid="tasks-include-closed" />
          </label>
        }
      >
        {/* While another filter's first page loads, the list shown is the last one: dimmed on a phone (the table spins). */}
        <div aria-busy={tasks.isPlaceholderData} style={phone && tasks.isPlaceholderData ? { opacity: 0.6 } : undefined}>
        <ResponsiveList<TaskItem>
          testId="task-list"
          rows={items}
          rowKey={(r) => r.id}
          empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.empty')} />}
          card={(r) => <TaskCard task={r} />}
          table={{
          size: 'middle',
          loading: tasks.isPlaceholderData,
          pagination: false,
          onRow: (r) => {
            const tone = taskRowTone(r);
            return {
              'data-testid': `task-row-${r.id}`,
              'data-tone': tone ?? undefined,
              style: tone ? { background: rowBackground[tone] } : undefined,
            } as React.HTMLAttributes<HTMLElement>;
          },
          columns: [
            {
              title: t('dashboard.col.measure'),
              key: 'measure',
              render: (_, r) => (
                <div style={{ minWidth: 280 }}>
                  <Link to={`/measures/${r.id}`} data-testid="task-link" style={r.overdue ? { color: '#cf1322' } : undefined}>
                    <ClampedText rows={2} title={r.text}>
                      {r.text}
                    </ClampedText>
                  </Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {categoryLabel(r.path.category)} · {problemLabel(r.path.problem)}
                  </Typography.Text>
                  {r.latestClosure?.state === 'rejected' && r.latestClosure.reason && (
                    <div style={{ marginTop: 6 }} data-testid="task-rejection">
                      <Tag color="volcano" style={{ whiteSpace: 'normal' }}>
                        {t('closure.rejectedReason', { reason: r.latestClosure.reason })}
                      </Tag>
                    </div>
                  )}
                </div>
              ),
            },
            {
              title: t('dashboard.col.deadline'),
              key: 'deadline',
              width: 170,
              render: (_, r) => (
                <Space direction="vertical" size={4}>
                  <span style={r.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>{r.deadline ?? t('common.none')}</span>
                  {r.overdue && <OverdueTag days={r.daysOverdue} />}
                  {!r.overdue && r.dueSoon && (
                    <Tag color="orange" icon={<ClockCircleOutlined />} data-testid="due-soon-flag">
                      {t('tasks.dueSoon')}
                    </Tag>
                  )}
                </Space>
              ),
            },
            { title: t('dashboard.col.leader'), key: 'leader', width: 100, render: (_, r) => r.leader?.name ?? t('common.none') },
            { title: t('dashboard.col.department'), key: 'dept', width: 110, render: (_, r) => r.leadDepartment?.name ?? t('common.none') },
            {
              title: t('dashboard.col.status'),
              key: 'status',
              width: 150,
              render: (_, r) => (
                <Space direction="vertical" size={4}>
                  <StatusTag status={r.status} />
                  {r.latestClosure && r.latestClosure.state !== 'approved' && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('closure.label')}：{closureStateLabels[r.latestClosure.state][locale]}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('measure.progress'),
              key: 'progress',
              width: 140,
              render: (_, r) => (
                <Progress percent={r.progress} size="small" aria-label={t('measure.progress')} status={r.overdue ? 'exception' : r.status === 'closed' ? 'success' : 'normal'} />
              ),
            },
          ],
          }}
        />
        </div>
        {total > 0 && (
          <LoadMore
            testId="task-list-more"
            shown={items.length}
            total={total}
            hasMore={tasks.hasNextPage}
            loading={tasks.isFetchingNextPage}
            onMore={() => void tasks.fetchNextPage()}
          />
        )}
        {tasks.isError && <LoadError error={tasks.error} onRetry={() => void (tasks.isFetchNextPageError ? tasks.fetchNextPage() : tasks.refetch())} />}
      </Card>
    </Space>
  );
}

/** One task as a card on a phone: what, where, by when, how far. */
function TaskCard({ task: r }: { task: TaskItem }) {
  const t = useT();
  const [locale] = useLocale();
  const tone = taskRowTone(r);
  return (
    <Card
      size="small"
      data-testid={`task-card-${r.id}`}
      data-tone={tone ?? undefined}
      style={tone ? { background: rowBackground[tone] } : undefined}
    >
      <Link to={`/measures/${r.id}`} data-testid="task-link" style={{ display: 'block', minHeight: 44, color: r.overdue ? '#cf1322' : undefined }}>
        <ClampedText rows={3} style={{ fontWeight: 600 }}>
          {r.text}
        </ClampedText>
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {categoryLabel(r.path.category)} · {problemLabel(r.path.problem)}
      </Typography.Text>
      <Space size={4} wrap style={{ margin: '6px 0' }}>
        <StatusTag status={r.status} />
        <Tag>
          {t('dashboard.col.deadline')} {r.deadline ?? t('common.none')}
        </Tag>
        {r.overdue && <OverdueTag days={r.daysOverdue} />}
        {!r.overdue && r.dueSoon && (
          <Tag color="orange" icon={<ClockCircleOutlined />} data-testid="due-soon-flag">
            {t('tasks.dueSoon')}
          </Tag>
        )}
        {r.latestClosure && r.latestClosure.state !== 'approved' && (
          <Tag>
            {t('closure.label')}：{closureStateLabels[r.latestClosure.state][locale]}
          </Tag>
        )}
      </Space>
      {r.latestClosure?.state === 'rejected' && r.latestClosure.reason && (
        <div data-testid="task-rejection">
          <Typography.Text type="danger">{t('closure.rejectedReason', { reason: r.latestClosure.reason })}</Typography.Text>
        </div>
      )}
      <Progress percent={r.progress} size="small" aria-label={t('measure.progress')} status={r.overdue ? 'exception' : r.status === 'closed' ? 'success' : 'normal'} />
    </Card>
  );
}
