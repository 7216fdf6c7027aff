import { Badge, Card, Empty, Result, Segmented, Space, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { CLOSURE_STATES, closureStateLabels, type ClosureQueueItem, type ClosureState, formatDateTime } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';
import { actorName, categoryLabel, problemLabel } from '../../shared/labels';
import { LoadError, Loading } from '../../shared/PageState';
import { LoadMore } from '../../shared/LoadMore';
import { ResponsiveList } from '../../shared/ResponsiveList';
import { EvidenceGallery } from '../measure/EvidenceView';
import { OverdueTag } from '../../shared/StatusTag';
import { useMe } from '../auth/api';
import { hasAccess } from '../auth/session';
import { useClosures, useEvidence, type ClosureFilter } from './api';
import { DecideButtons } from './DecideButtons';

export const closureStateColor: Record<ClosureState, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'volcano',
  reopened: 'purple',
};

const FILTERS: readonly ClosureFilter[] = [...CLOSURE_STATES, 'all'];
const isFilter = (v: string | null): v is ClosureFilter => !!v && (FILTERS as readonly string[]).includes(v);

const when = (iso: string | null) => (iso ? formatDateTime(iso) : '—');

/** 对账销号: the office's (or a leader's) queue of closure requests. */
export default function ClosuresPage() {
  const t = useT();
  const [locale] = useLocale();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const state: ClosureFilter = isFilter(params.get('state')) ? (params.get('state') as ClosureFilter) : 'pending';
  const allowed = hasAccess(me.data, 'closure.decide');
  const closures = useClosures(state, allowed);
  const pending = useClosures('pending', allowed);

  if (!allowed) return <Result status="403" title={t('access.denied')} subTitle={t('access.closuresOnly')} />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="closures-page">
      <div>
        <h1 className="rectify-page-title">{t('closures.title')}</h1>
        <Typography.Text type="secondary">{t('closures.intro')}</Typography.Text>
      </div>
      <Card
        title={
          <Segmented<ClosureFilter>
            value={state}
            data-testid="closure-filter"
            onChange={(value) => setParams(value === 'pending' ? {} : { state: value }, { replace: true })}
            options={FILTERS.map((f) => ({
              value: f,
              label:
                f === 'all' ? (
                  t('closures.all')
                ) : f === 'pending' ? (
                  <Space size={4}>
                    {closureStateLabels[f][locale]}
                    <Badge count={pending.data?.pages[0]?.total ?? 0} size="small" />
                  </Space>
                ) : (
                  closureStateLabels[f][locale]
                ),
            }))}
          />
        }
      >
        {closures.isError ? (
          <LoadError error={closures.error} onRetry={() => void closures.refetch()} />
        ) : (
          closures.isPending ? <Loading /> :
          <>
          <ResponsiveList<ClosureQueueItem>
            testId="closure-list"
            rows={closures.data.pages.flatMap((p) => p.items)}
            rowKey={(r) => r.id}
            empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('closures.empty')} />}
            card={(r) => <ClosureCard item={r} />}
            table={{
            pagination: false,
            onRow: (r) => ({ 'data-testid': `closure-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>,
            columns: [
              {
                title: t('dashboard.col.measure'),
                key: 'measure',
                render: (_, r) => (
                  <div style={{ minWidth: 260 }}>
                    <Link to={`/measures/${r.measure.id}`} data-testid="closure-measure-link">
                      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, color: 'inherit' }}>
                        {r.measure.text}
                      </Typography.Paragraph>
                    </Link>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {categoryLabel(r.measure.path.category)} · {problemLabel(r.measure.path.problem)}
                    </Typography.Text>
                    <div style={{ marginTop: 4 }}>
                      <Tag data-testid="closure-round">{r.measure.path.round.title}</Tag>
                      {r.measure.leader && <Tag>{r.measure.leader.name}</Tag>}
                      {r.measure.leadDepartment && <Tag>{r.measure.leadDepartment.name}</Tag>}
                      {r.measure.overdue && <OverdueTag days={r.measure.daysOverdue} />}
                    </div>
                  </div>
                ),
              },
              {
                title: t('closure.summary'),
                key: 'summary',
                render: (_, r) => (
                  <div style={{ minWidth: 220 }}>
                    <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: t('common.more') }} style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="closure-summary">
                      {r.summary}
                    </Typography.Paragraph>
                    {r.reason && (
                      <Typography.Text type="danger" style={{ fontSize: 12 }}>
                        {t('closure.rejectedReason', { reason: r.reason })}
                      </Typography.Text>
                    )}
                    {r.reopenReason && (
                      <Typography.Text type="warning" style={{ fontSize: 12, display: 'block' }}>
                        {t('closure.reopenedReason', { reason: r.reopenReason })}
                      </Typography.Text>
                    )}
                  </div>
                ),
              },
              {
                title: t('dashboard.col.deadline'),
                key: 'deadline',
                width: 120,
                render: (_, r) => (
                  <span data-testid="closure-deadline" style={r.measure.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>
                    {r.measure.deadline ?? '—'}
                  </span>
                ),
              },
              {
                title: t('evidence.title'),
                key: 'evidence',
                width: 220,
                render: (_, r) => <ClosureEvidence item={r} />,
              },
              {
                title: t('closures.requested'),
                key: 'requested',
                width: 150,
                render: (_, r) => (
                  <div style={{ fontSize: 13 }}>
                    <div>{actorName(r.requestedBy, locale)}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {when(r.requestedAt)}
                    </Typography.Text>
                  </div>
                ),
              },
              {
                title: t('closures.state'),
                key: 'state',
                width: 150,
                render: (_, r) => (
                  <div style={{ fontSize: 13 }}>
                    <Tag color={closureStateColor[r.state]} data-testid="closure-state">
                      {closureStateLabels[r.state][locale]}
                    </Tag>
                    {r.decidedAt && (
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="closure-decided-by">
                          {actorName(r.decidedBy, locale)} · {when(r.decidedAt)}
                        </Typography.Text>
                      </div>
                    )}
                  </div>
                ),
              },
              {
                title: t('closures.actions'),
                key: 'actions',
                width: 190,
                render: (_, r) => (r.state === 'pending' ? <DecideButtons closureId={r.id} size="small" /> : null),
              },
            ],
            }}
          />
          {(closures.data.pages[0]?.total ?? 0) > 0 && (
            <LoadMore
              testId="closure-list-more"
              shown={closures.data.pages.reduce((n, p) => n + p.items.length, 0)}
              total={closures.data.pages[0]?.total ?? 0}
              hasMore={closures.hasNextPage}
              loading={closures.isFetchingNextPage}
              onMore={() => void closures.fetchNextPage()}
            />
          )}
          </>
        )}
      </Card>
    </Space>
  );
}

/** The files of the measure under review: thumbnails that open in the page. */
function ClosureEvidence({ item }: { item: ClosureQueueItem }) {
  const evidence = useEvidence(item.measure.id);
  return (
    <div>
      <Link to={`/measures/${item.measure.id}?tab=evidence`} data-testid="closure-evidence-link">
        <PaperClipOutlined /> {item.evidenceCount}
      </Link>
      <EvidenceGallery items={evidence.data ?? []} testId="closure-evidence" />
    </div>
  );
}

/** One closure request as a card on a phone: the measure, where and when it is due, the files, the decision. */
function ClosureCard({ item: r }: { item: ClosureQueueItem }) {
  const t = useT();
  const [locale] = useLocale();
  return (
    <Card size="small" data-testid={`closure-card-${r.id}`}>
      <Link to={`/measures/${r.measure.id}`} data-testid="closure-measure-link">
        <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ margin: 0, color: 'inherit', fontWeight: 600 }}>
          {r.measure.text}
        </Typography.Paragraph>
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {r.measure.path.round.title} · {t('dashboard.col.deadline')} {r.measure.deadline ?? '—'}
      </Typography.Text>
      <div style={{ margin: '4px 0' }}>
        {r.measure.leader && <Tag>{r.measure.leader.name}</Tag>}
        {r.measure.leadDepartment && <Tag>{r.measure.leadDepartment.name}</Tag>}
        {r.measure.overdue && <OverdueTag days={r.measure.daysOverdue} />}
        <Tag color={closureStateColor[r.state]} data-testid="closure-state">
          {closureStateLabels[r.state][locale]}
        </Tag>
      </div>
      <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: t('common.more') }} style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>
        {r.summary}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {t('closures.requested')}：{actorName(r.requestedBy, locale)} · {when(r.requestedAt)}
      </Typography.Text>
      {r.decidedAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} data-testid="closure-decided-by">
          {actorName(r.decidedBy, locale)} · {when(r.decidedAt)}
        </Typography.Text>
      )}
      <ClosureEvidence item={r} />
      {r.state === 'pending' && (
        <div style={{ marginTop: 8 }}>
          <DecideButtons closureId={r.id} />
        </div>
      )}
    </Card>
  );
}
