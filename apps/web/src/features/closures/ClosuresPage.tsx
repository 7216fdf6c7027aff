import { Badge, Card, Empty, Result, Segmented, Space, Table, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { CLOSURE_STATES, closureStateLabels, type ClosureQueueItem, type ClosureState, formatDateTime } from '@rectify/domain';
import { useLocale, useT } from '../../i18n';
import { categoryLabel, problemLabel } from '../../shared/labels';
import { LoadError } from '../../shared/PageState';
import { OverdueTag } from '../../shared/StatusTag';
import { useMe } from '../auth/api';
import { hasAccess } from '../auth/session';
import { useClosures, type ClosureFilter } from './api';
import { DecideButtons } from './DecideButtons';

export const closureStateColor: Record<ClosureState, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'volcano',
  reopened: 'purple',
};

const FILTERS: readonly ClosureFilter[] = [...CLOSURE_STATES, 'all'];
const isFilter = (v: string | null): v is ClosureFilter => !!v && (FILTERS as readonly string[]).includes(v);

const who = (u: { name: string | null; username: string } | null) => (u ? (u.name ?? u.username) : '—');
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
                    <Badge count={pending.data?.length ?? 0} size="small" />
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
          <Table<ClosureQueueItem>
            rowKey="id"
            loading={closures.isPending}
            dataSource={closures.data}
            pagination={(closures.data?.length ?? 0) > 20 ? { pageSize: 20 } : false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('closures.empty')} /> }}
            onRow={(r) => ({ 'data-testid': `closure-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
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
                title: t('evidence.title'),
                key: 'evidence',
                width: 100,
                align: 'center',
                render: (_, r) => (
                  <Link to={`/measures/${r.measure.id}?tab=evidence`} data-testid="closure-evidence-link">
                    <PaperClipOutlined /> {r.evidenceCount}
                  </Link>
                ),
              },
              {
                title: t('closures.requested'),
                key: 'requested',
                width: 150,
                render: (_, r) => (
                  <div style={{ fontSize: 13 }}>
                    <div>{who(r.requestedBy)}</div>
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
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {who(r.decidedBy)} · {when(r.decidedAt)}
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
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
