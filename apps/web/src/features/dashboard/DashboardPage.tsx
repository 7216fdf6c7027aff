import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Card, Col, Descriptions, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { ApartmentOutlined, CloseOutlined, EditOutlined, FilePdfOutlined, FilterOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { completionRate, satisfactionLabels, WARNING_LEVELS, type MeasureListItem, type MeasureQuery } from '@rectify/domain';
import { useMeasures, useRound, useRoundRecords, useRoundSummary, useRoundTree } from '../../api/hooks';
import { useSetCurrentRound } from '../../app/CurrentRound';
import { brand } from '../../app/theme';
import { useLocale, useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { DemoTag } from '../../shared/StatusTag';
import { useScreen } from '../../shared/useScreen';
import { ExportListButton } from '../documents/ExportListButton';
import { dashboardFilterToLedger } from '../documents/exportLinks';
import { useDownload } from '../documents/useDownload';
import { useMayBulkEdit } from '../measure/bulkAccess';
import { LazyBulkEditModal } from '../measure/LazyBulkEditModal';
import { PrintMeasureList } from './PrintMeasureList';
import { MeasureTable } from './MeasureTable';
import { OverdueTable } from './OverdueTable';
import { MeasureListControls } from './MeasureListControls';
import { listControlsQuery, readListControls, writeListControls } from './measureListControls';
import { LazyProgressChart as ProgressChart } from './LazyProgressChart';
import { WarningPanel } from '../time/WarningPanel';
import { FollowUpPanel } from '../followups/FollowUpPanel';
import { RoundFilterBar, roundFilterSearch, type FilterOption } from '../../shared/RoundFilterBar';
import { chartRows } from './chartRows';

type FilterKind = 'category' | 'leader' | 'department';
const FILTER_KINDS: FilterKind[] = ['category', 'leader', 'department'];

function readFilter(params: URLSearchParams): { kind: FilterKind; id: number } | null {
  for (const kind of FILTER_KINDS) {
    const id = Number(params.get(kind));
    if (Number.isInteger(id) && id > 0) return { kind, id };
  }
  return null;
}

export default function DashboardPage() {
  const t = useT();
  const [locale] = useLocale();
  const { phone } = useScreen();
  const roundId = Number(useParams().id);
  useSetCurrentRound(roundId);
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const listRef = useRef<HTMLDivElement>(null);

  const round = useRound(roundId);
  const summary = useRoundSummary(roundId);
  const records = useRoundRecords(roundId);

  const controls = readListControls(params);
  const warningLevelParam = WARNING_LEVELS.find((l) => l !== 'none' && l === params.get('level'));
  const query: MeasureQuery = {
    roundId,
    ...listControlsQuery(controls),
    limit: 20,
    ...(filter?.kind === 'category' && { categoryId: filter.id }),
    ...(filter?.kind === 'leader' && { leaderId: filter.id }),
    ...(filter?.kind === 'department' && { departmentId: filter.id }),
    // 三色预警 (the timeline's level select, under the same URL name): the API lists the level by the rule the figures count with.
    ...(warningLevelParam && { warningLevel: warningLevelParam }),
  };
  const measures = useMeasures(query);

  const rows = useMemo(() => (summary.data ? chartRows(summary.data, t) : null), [summary.data, t]);

  // Paper: every measure in full comes from the round's tree, loaded only when printing is asked for.
  const [printWanted, setPrintWanted] = useState(false);
  const [printNow, setPrintNow] = useState(false);
  const printTree = useRoundTree(roundId, printWanted);
  useEffect(() => {
    const onBeforePrint = () => setPrintWanted(true);
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, []);
  useEffect(() => {
    if (printNow && printTree.data) {
      setPrintNow(false);
      // After the full list has rendered.
      requestAnimationFrame(() => window.print());
    }
  }, [printNow, printTree.data]);
  const { busy: pdfBusy, download } = useDownload();

  // 批量设置: the ticked measures (kept across pages) with the version each was read at.
  const mayBulk = useMayBulkEdit();
  const [selected, setSelected] = useState<Map<number, MeasureListItem>>(new Map());
  const [bulkOpen, setBulkOpen] = useState(false);

  if (summary.isPending) return <Loading />;
  if (summary.isError) return <LoadError error={summary.error} onRetry={() => void summary.refetch()} />;

  const s = summary.data;
  const totals = s.totals;
  const percent = Math.round(completionRate({ ...totals, total: totals.measures }) * 1000) / 10;

  const setFilter = (kind: FilterKind, id: number | null) => {
    const next = new URLSearchParams(params);
    FILTER_KINDS.forEach((k) => next.delete(k));
    if (id !== null && !(filter?.kind === kind && filter.id === id)) next.set(kind, String(id));
    setParams(next, { replace: true, preventScrollReset: true });
    if (id !== null) listRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  };
  const clearFilter = () => {
    const next = new URLSearchParams(params);
    FILTER_KINDS.forEach((k) => next.delete(k));
    setParams(next, { replace: true, preventScrollReset: true });
  };

  const filterName = (() => {
    if (!filter || !rows) return null;
    const list = rows[filter.kind];
    const name = list.find((r) => r.id === filter.id)?.name ?? `#${filter.id}`;
    return t(`dashboard.filter.${filter.kind}`, { name });
  })();

  const r = round.data;
  const regulationCount = records.data?.regulations.length;
  const meetingCount = records.data?.meetings.length;

  const stats: { key: string; title: string; value: number | string; suffix: string; color?: string; to?: string }[] = [
    { key: 'measures', title: t('dashboard.stat.measures'), value: totals.measures, suffix: t('dashboard.unitItems') },
    { key: 'closed', title: t('dashboard.stat.closed'), value: totals.closed, suffix: t('dashboard.unitItems'), color: brand.closed },
    { key: 'inProgress', title: t('dashboard.stat.inProgress'), value: totals.inProgress, suffix: t('dashboard.unitItems'), color: brand.onTrack },
    { key: 'overdue', title: t('dashboard.stat.overdue'), value: totals.overdue, suffix: t('dashboard.unitItems'), color: totals.overdue > 0 ? '#cf1322' : undefined },
    { key: 'problems', title: t('dashboard.stat.problems'), value: totals.problems, suffix: t('dashboard.unitCount') },
    { key: 'manifestations', title: t('dashboard.stat.manifestations'), value: totals.manifestations, suffix: t('dashboard.unitCount') },
    { key: 'regulations', title: t('dashboard.regulations'), value: regulationCount ?? t('common.none'), suffix: t('dashboard.unitItems'), to: `/rounds/${roundId}/registers` },
    { key: 'meetings', title: t('dashboard.meetings'), value: meetingCount ?? t('common.none'), suffix: '', to: `/rounds/${roundId}/registers?tab=meetings` },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <Card styles={{ body: { padding: '16px 20px' } }}>
        <Row gutter={16} align="middle" wrap>
          <Col flex="auto">
            <h1 className="rectify-page-title">
              {t('dashboard.title')} {r?.demo && <DemoTag />}
            </h1>
            <Typography.Text type="secondary">{r?.title ?? ''}</Typography.Text>
          </Col>
          <Col className="rectify-no-print">
            <Space wrap>
              <Link to={`/rounds/${roundId}/tree`}>
                <Button icon={<ApartmentOutlined />}>{t('dashboard.openTree')}</Button>
              </Link>
              <Button
                icon={<PrinterOutlined />}
                loading={printNow && printTree.isFetching}
                onClick={() => {
                  setPrintWanted(true);
                  setPrintNow(true);
                }}
                data-testid="dashboard-print"
              >
                {t('dashboard.print')}
              </Button>
              <Button
                icon={<FilePdfOutlined />}
                loading={pdfBusy === 'pdf'}
                onClick={() => void download('pdf', `/api/rounds/${roundId}/dashboard.pdf`, 'dashboard.pdf')}
                data-testid="dashboard-pdf"
              >
                {t('dashboard.pdf')}
              </Button>
            </Space>
          </Col>
        </Row>
        {r && (
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 5 }}
            style={{ marginTop: 12 }}
            items={[
              { key: 'unit', label: t('dashboard.unit'), children: r.inspectedUnit.name },
              { key: 'feedback', label: t('dashboard.feedbackDate'), children: r.feedbackDate ?? t('common.none') },
              { key: 'deadline', label: t('dashboard.deadline'), children: r.rectificationDeadline ?? t('common.none') },
              { key: 'report', label: t('dashboard.reportDate'), children: r.reportDate ?? t('common.none') },
              { key: 'today', label: t('dashboard.asOf'), children: s.today },
            ]}
          />
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={6}>
          <Card className="rectify-stat" style={{ height: '100%' }} data-testid="completion">
            <div style={{ textAlign: 'center' }}>
              <Typography.Text type="secondary">{t('dashboard.completion')}</Typography.Text>
              <div style={{ margin: '10px 0 6px' }}>
                <Progress
                  type="dashboard"
                  aria-label={t('dashboard.completion')}
                  percent={percent}
                  size={150}
                  strokeColor={{ '0%': brand.onTrack, '100%': brand.closed }}
                  format={(p) => <span style={{ fontSize: 26, fontWeight: 600 }}>{p}%</span>}
                />
              </div>
              <Typography.Text data-testid="completion-detail">
                {t('dashboard.completionDetail', { closed: totals.closed, total: totals.measures })}
              </Typography.Text>
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          <Row gutter={[16, 16]}>
            {stats.map((st) => (
              <Col key={st.key} xs={12} md={6}>
                <Card
                  className="rectify-stat"
                  data-testid={`stat-${st.key}`}
                  style={{ borderLeft: `3px solid ${st.color ?? '#d9dee7'}` }}
                >
                  <Statistic
                    title={st.to ? <Link to={st.to} title={t('dashboard.openRegisters')} data-testid={`stat-link-${st.key}`}>{st.title}</Link> : st.title}
                    value={st.value}
                    suffix={<span style={{ fontSize: 13 }}>{st.suffix}</span>}
                    valueStyle={{ color: st.color, fontWeight: 600 }}
                  />
                </Card>
              </Col>
            ))}
          </Row>
        </Col>
      </Row>

      <WarningPanel roundId={roundId} />

      <FollowUpPanel roundId={roundId} />

      <OverdueTable
        items={s.overdue}
        total={s.totals.overdue}
        onShowAll={() => {
          setParams(writeListControls(params, { filters: { overdue: true }, sort: 'deadline', direction: 'asc' }), { replace: true, preventScrollReset: true });
          listRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
        }}
      />

      <Card
        title={t('dashboard.byCategory')}
        extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dashboard.chartHint')}</Typography.Text>}
      >
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={12}>
            <ProgressChart
              testId="chart-category"
              rows={rows?.category ?? []}
              axisWidth={160}
              selectedId={filter?.kind === 'category' ? filter.id : null}
              onSelect={(row) => setFilter('category', row.id)}
            />
          </Col>
          <Col xs={24} xl={12}>
            <div data-testid="category-counts">
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={rows?.category ?? []}
              onRow={(row) => ({
                onClick: () => setFilter('category', row.id),
                className:
                  'rectify-clickable-row' +
                  (filter?.kind === 'category' && filter.id === row.id ? ' rectify-selected' : ''),
                'data-testid': `category-row-${row.id}`,
              } as React.HTMLAttributes<HTMLElement>)}
              columns={[
                {
                  title: t('dashboard.col.category'),
                  dataIndex: 'name',
                  render: (name: string) => <span data-testid="category-title">{name}</span>,
                },
                {
                  title: t('dashboard.col.closed'),
                  width: phone ? 56 : 72,
                  align: 'right',
                  render: (_, row) => <span data-testid="closed-count">{row.counts.closed}</span>,
                },
                {
                  title: t('dashboard.col.total'),
                  width: phone ? 44 : 60,
                  align: 'right',
                  render: (_, row) => <span data-testid="total-count">{row.counts.total}</span>,
                },
                {
                  title: t('dashboard.col.overdue'),
                  width: phone ? 44 : 60,
                  align: 'right',
                  render: (_, row) =>
                    row.counts.overdue > 0 ? (
                      <Tag color="red" style={{ margin: 0 }} data-testid="overdue-count">
                        {row.counts.overdue}
                      </Tag>
                    ) : (
                      <span data-testid="overdue-count">0</span>
                    ),
                },
                {
                  title: t('dashboard.col.rate'),
                  // On a phone the chart beside it shows the share; the names need the width.
                  hidden: phone,
                  width: 110,
                  render: (_, row) => (
                    <Progress
                      size="small"
                      aria-label={t('dashboard.col.rate')}
                      percent={Math.round(completionRate(row.counts) * 100)}
                      strokeColor={brand.closed}
                      style={{ margin: 0 }}
                    />
                  ),
                },
              ]}
            />
            </div>
          </Col>
        </Row>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.byLeader')} style={{ height: '100%' }}>
            <ProgressChart
              testId="chart-leader"
              rows={rows?.leader ?? []}
              hiddenTable
              axisWidth={90}
              selectedId={filter?.kind === 'leader' ? filter.id : null}
              onSelect={(row) => row.id !== null && setFilter('leader', row.id)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('dashboard.byDepartment')} style={{ height: '100%' }}>
            <ProgressChart
              testId="chart-department"
              rows={rows?.department ?? []}
              hiddenTable
              axisWidth={130}
              selectedId={filter?.kind === 'department' ? filter.id : null}
              onSelect={(row) => row.id !== null && setFilter('department', row.id)}
            />
          </Card>
        </Col>
      </Row>

      {s.ratings.opinions > 0 && (
        <Card title={t('pub.ratings')} data-testid="dashboard-ratings">
          <Row gutter={[16, 16]}>
            {(
              [
                ['satisfied', s.ratings.satisfied, '#3f8600'],
                ['basically_satisfied', s.ratings.basicallySatisfied, '#d48806'],
                ['dissatisfied', s.ratings.dissatisfied, '#cf1322'],
              ] as const
            ).map(([key, value, color]) => (
              <Col key={key} xs={8} md={6}>
                <Statistic title={satisfactionLabels[key][locale]} value={value} valueStyle={{ color }} />
              </Col>
            ))}
            <Col xs={24} md={6}>
              <Statistic title={t('pub.inbox')} value={s.ratings.opinions} />
            </Col>
          </Row>
        </Card>
      )}

      {printTree.data && <PrintMeasureList tree={printTree.data} />}
      <div ref={listRef} style={{ scrollMarginTop: 72 }} className={printTree.data ? 'rectify-no-print' : undefined}>
        <Card
          title={t('dashboard.measureList')}
          extra={
            <Space size={12} wrap>
            {mayBulk && selected.size > 0 && (
              <Space size={8} data-testid="bulk-bar">
                <Typography.Text strong>{t('bulk.selected', { n: selected.size })}</Typography.Text>
                <Button type="primary" icon={<EditOutlined />} onClick={() => setBulkOpen(true)} data-testid="bulk-open">
                  {t('bulk.select')}
                </Button>
                <Button onClick={() => setSelected(new Map())} data-testid="bulk-clear">
                  {t('bulk.clear')}
                </Button>
              </Space>
            )}
            {filterName ? (
              <Space data-testid="measure-filter">
                <Tag
                  color="blue"
                  icon={<FilterOutlined />}
                  closable
                  onClose={(e) => {
                    e.preventDefault();
                    clearFilter();
                  }}
                  style={{ margin: 0 }}
                >
                  {filterName}
                </Tag>
                <Button size="small" icon={<CloseOutlined />} onClick={clearFilter} data-testid="clear-filter">
                  {t('dashboard.clearFilter')}
                </Button>
                <Link to={`/rounds/${roundId}/timeline${roundFilterSearch(params)}`} data-testid="dashboard-to-timeline">
                  {t('timeline.fromDashboard')}
                </Link>
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('dashboard.filterAll')}</Typography.Text>
            )}
            <ExportListButton roundId={roundId} filters={{ ...dashboardFilterToLedger(filter), ...controls.filters }} />
            </Space>
          }
          styles={{ body: { padding: 0 } }}
        >
          {rows && (
            <div style={{ padding: '12px 16px 0' }}>
              <RoundFilterBar
                single
                level
                params={params}
                setParams={setParams}
                options={{
                  category: rows.category.map((r): FilterOption => ({ id: r.id!, name: r.name })),
                  leader: rows.leader.filter((r) => r.id !== null).map((r): FilterOption => ({ id: r.id!, name: r.name })),
                  department: rows.department.filter((r) => r.id !== null).map((r): FilterOption => ({ id: r.id!, name: r.name })),
                }}
              />
            </div>
          )}
          <MeasureListControls
            // A new view (e.g. a shared link) starts with its own search text.
            key={controls.filters.q ?? ''}
            controls={controls}
            onChange={(update) => {
              // The URL as it is now: React Router's functional update passes the params of the last
              // committed render, which lags behind the address while a navigation renders (a sort
              // chosen, then a direction clicked at once, lost the sort).
              const current = new URLSearchParams(window.location.search);
              setParams(writeListControls(current, update(readListControls(current))), { replace: true, preventScrollReset: true });
            }}
          />
          {measures.isError ? (
            <LoadError error={measures.error} onRetry={() => void measures.refetch()} />
          ) : (
            <MeasureTable
              items={measures.data?.pages.flatMap((p) => p.items) ?? []}
              total={measures.data?.pages[0]?.total ?? 0}
              loading={measures.isFetching && !measures.isFetchingNextPage}
              hasMore={measures.hasNextPage}
              loadingMore={measures.isFetchingNextPage}
              onMore={() => void measures.fetchNextPage()}
              selection={
                mayBulk
                  ? {
                      keys: [...selected.keys()],
                      onChange: (keys, rowsOnPage) => {
                        const next = new Map<number, MeasureListItem>();
                        for (const key of keys) {
                          const row = rowsOnPage.find((r) => r?.id === key) ?? selected.get(key);
                          if (row) next.set(key, row);
                        }
                        setSelected(next);
                      },
                    }
                  : undefined
              }
            />
          )}
        </Card>
      </div>
      {mayBulk && (
        <LazyBulkEditModal
          open={bulkOpen}
          organizationId={r?.inspectedUnit.id}
          measures={[...selected.values()]}
          onClose={() => setBulkOpen(false)}
          onDone={(result) => {
            // Keep ticked only what failed, so it can be looked at and tried again.
            const failed = new Set(result.failed.map((f) => f.id));
            setSelected(new Map([...selected].filter(([id]) => failed.has(id))));
          }}
        />
      )}
    </Space>
  );
}
