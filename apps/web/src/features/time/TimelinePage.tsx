import { useMemo, useState } from 'react';
import { Card, Segmented, Space, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { addDays, dayNumber, isDueWithin, type TimelineRow, type WarningLevel } from '@rectify/domain';
import { useSetCurrentRound } from '../../app/CurrentRound';
import { useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { useTimeline } from './api';
import { TimelineChart, type TimelineItem, type Zoom } from './TimelineChart';
import { BurnUpCard } from './BurnUpCard';
import { timelineMarks } from './timelineMarks';
import { ROUND_FILTER_KINDS, RoundFilterBar, roundFilterSearch, type FilterOption, type RoundFilterKind } from '../../shared/RoundFilterBar';

type Item = TimelineItem;

/** Which rows the URL's filters keep (the dashboard's figures link here with them). */
function keep(params: URLSearchParams, today: string) {
  const level = params.get('level') as WarningLevel | null;
  const category = Number(params.get('category')) || null;
  const leader = Number(params.get('leader')) || null;
  const department = Number(params.get('department')) || null;
  return (r: TimelineRow) =>
    (!level || r.warningLevel === level) &&
    (!params.get('postponed') || r.postponementCount > 0) &&
    (!params.get('due') || isDueWithin({ status: r.status, kind: r.kind, deadline: r.end }, today, Number(params.get('due')))) &&
    (!params.get('kind') || r.kind === params.get('kind')) &&
    (!category || r.category.id === category) &&
    (!leader || r.leader?.id === leader) &&
    (!department || r.leadDepartment?.id === department);
}

/**
 * 整改时间轴: one bar per measure (start → deadline), grouped category → problem (collapsible),
 * coloured by warning level, the original deadline dashed when postponed, the closure marked, the
 * overdue part red, a today line; zoom by weeks / months / quarters; rows rendered by window so a
 * round of 1,000 measures scrolls smoothly. Below it, the burn-up replayed from the history.
 */
export default function TimelinePage() {
  const t = useT();
  const roundId = Number(useParams().id);
  useSetCurrentRound(roundId);
  const [params, setParams] = useSearchParams();
  const [zoom, setZoom] = useState<Zoom>('month');
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const timeline = useTimeline(roundId);
  const data = timeline.data;

  // The filters' choices: the categories, leaders and departments of the round's measures.
  const filterOptions = useMemo(() => {
    const out: Record<RoundFilterKind, Map<number, FilterOption>> = { category: new Map(), leader: new Map(), department: new Map() };
    for (const r of data?.rows ?? []) {
      out.category.set(r.category.id, { id: r.category.id, name: `${r.category.ordinal}. ${r.category.title}` });
      if (r.leader) out.leader.set(r.leader.id, r.leader);
      if (r.leadDepartment) out.department.set(r.leadDepartment.id, r.leadDepartment);
    }
    return { category: [...out.category.values()], leader: [...out.leader.values()], department: [...out.department.values()] };
  }, [data]);

  const { items, shown, from, to } = useMemo(() => {
    if (!data) return { items: [] as Item[], shown: 0, from: 0, to: 0 };
    const rows = data.rows.filter(keep(params, data.today));
    const dates = rows.flatMap((r) => [r.start, r.end, r.originalEnd, r.closedOn]).filter((d): d is string => Boolean(d));
    dates.push(data.today, ...(data.feedbackDate ? [data.feedbackDate] : []), ...(data.rectificationDeadline ? [data.rectificationDeadline] : []));
    const sorted = dates.sort();
    const out: Item[] = [];
    let lastCategory = 0;
    let lastProblem = 0;
    for (const row of rows) {
      if (row.category.id !== lastCategory) {
        lastCategory = row.category.id;
        lastProblem = 0;
        out.push({ type: 'category', key: `c${row.category.id}`, id: row.category.id, title: row.category.title, count: rows.filter((r) => r.category.id === row.category.id).length });
      }
      if (collapsed.has(row.category.id)) continue;
      if (row.problem.id !== lastProblem) {
        lastProblem = row.problem.id;
        out.push({ type: 'problem', key: `p${row.problem.id}`, title: `${row.problem.ordinal}. ${row.problem.title}` });
      }
      out.push({ type: 'bar', key: `m${row.id}`, row });
    }
    return { items: out, shown: rows.length, from: dayNumber(addDays(sorted[0]!, -7)), to: dayNumber(addDays(sorted[sorted.length - 1]!, 14)) };
  }, [data, params, collapsed]);

  if (timeline.isLoading) return <Loading />;
  if (timeline.error || !data) return <LoadError error={timeline.error} />;

  const toggle = (categoryId: number) =>
    setCollapsed((c) => {
      const n = new Set(c);
      if (n.has(categoryId)) n.delete(categoryId);
      else n.add(categoryId);
      return n;
    });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="timeline-page">
      <Card styles={{ body: { padding: '16px 20px' } }}>
        <h1 className="rectify-page-title">{t('timeline.title')}</h1>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>{t('timeline.intro')}</Typography.Paragraph>
        <Space wrap>
          <span>{t('timeline.zoom')}</span>
          <Segmented<Zoom>
            value={zoom}
            onChange={setZoom}
            options={(['week', 'month', 'quarter'] as const).map((z) => ({ value: z, label: t(`timeline.zoom.${z}`) }))}
            data-testid="timeline-zoom"
          />
          <Typography.Text type="secondary" data-testid="timeline-count">{t('timeline.rows', { n: shown })}</Typography.Text>
        </Space>
        <div style={{ marginTop: 12, display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
          <RoundFilterBar options={filterOptions} params={params} setParams={setParams} level />
          <Link to={`/rounds/${roundId}${roundFilterSearch(params, ROUND_FILTER_KINDS)}`} data-testid="timeline-to-dashboard">
            {t('timeline.toDashboard')}
          </Link>
        </div>
      </Card>

      <TimelineChart items={items} from={from} to={to} zoom={zoom} lines={timelineMarks(data, t)} collapsed={collapsed} onToggle={toggle} />

      <BurnUpCard data={data} categoryId={Number(params.get('category')) || null} />
    </Space>
  );
}
