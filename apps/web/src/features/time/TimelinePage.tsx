import { useMemo, useState } from 'react';
import { Card, Segmented, Space, Typography } from 'antd';
import { CaretDownOutlined, CaretRightOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { addDays, dateOfDayNumber, dayNumber, isDueWithin, type TimelineRow, type WarningLevel } from '@rectify/domain';
import { useSetCurrentRound } from '../../app/CurrentRound';
import { useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { useScreen } from '../../shared/useScreen';
import { useTimeline } from './api';
import { warningStyle } from './WarningTag';
import { BurnUpCard } from './BurnUpCard';
import { timelineMarks } from './timelineMarks';
import { ROUND_FILTER_KINDS, RoundFilterBar, roundFilterSearch, type FilterOption, type RoundFilterKind } from '../../shared/RoundFilterBar';

type Zoom = 'week' | 'month' | 'quarter';
const PX_PER_DAY: Record<Zoom, number> = { week: 16, month: 4, quarter: 1.4 };
const ROW = 30;
const VIEW_ROWS = 20;

type Item =
  | { type: 'category'; key: string; id: number; title: string; count: number }
  | { type: 'problem'; key: string; title: string }
  | { type: 'bar'; key: string; row: TimelineRow };

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
  const navigate = useNavigate();
  const { phone } = useScreen();
  const roundId = Number(useParams().id);
  useSetCurrentRound(roundId);
  const [params, setParams] = useSearchParams();
  const [zoom, setZoom] = useState<Zoom>('month');
  const [collapsed, setCollapsed] = useState<Set<number>>(new Set());
  const [scrollTop, setScrollTop] = useState(0);
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

  const px = PX_PER_DAY[zoom];
  const width = Math.max(300, (to - from) * px);
  const x = (date: string) => (dayNumber(date) - from) * px;
  const labelWidth = phone ? 120 : 280;
  const first = Math.max(0, Math.floor(scrollTop / ROW) - 5);
  const visible = items.slice(first, first + VIEW_ROWS + 10);
  const ticks: string[] = [];
  for (let d = from; d <= to; d++) {
    const date = dateOfDayNumber(d);
    if (zoom === 'week' ? new Date(date).getUTCDay() === 1 : zoom === 'month' ? date.endsWith('-01') : /-(01|04|07|10)-01$/.test(date)) ticks.push(date);
  }
  const lines = timelineMarks(data, t);

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

      <Card styles={{ body: { padding: 0 } }}>
        {items.length === 0 ? (
          <Typography.Paragraph type="secondary" style={{ padding: 24, margin: 0 }}>{t('timeline.empty')}</Typography.Paragraph>
        ) : (
          <div style={{ display: 'flex', maxWidth: '100%' }}>
            <div style={{ width: labelWidth, flex: 'none', borderRight: '1px solid #f0f0f0' }}>
              <div style={{ height: ROW, borderBottom: '1px solid #f0f0f0' }} />
              <div style={{ height: Math.min(items.length, VIEW_ROWS) * ROW, overflow: 'hidden', position: 'relative' }}>
                <div style={{ position: 'absolute', top: -scrollTop, left: 0, right: 0, height: items.length * ROW }}>
                  {visible.map((item, i) => {
                    const top = (first + i) * ROW;
                    const base = { position: 'absolute' as const, top, height: ROW, left: 0, right: 0, padding: '0 8px', lineHeight: `${ROW}px`, whiteSpace: 'nowrap' as const, overflow: 'hidden', textOverflow: 'ellipsis' };
                    if (item.type === 'category') {
                      const open = !collapsed.has(item.id);
                      return (
                        <button
                          key={item.key}
                          type="button"
                          style={{ ...base, border: 0, textAlign: 'left', background: '#f5f7fa', fontWeight: 600, cursor: 'pointer' }}
                          aria-expanded={open}
                          onClick={() => setCollapsed((c) => { const n = new Set(c); if (n.has(item.id)) n.delete(item.id); else n.add(item.id); return n; })}
                        >
                          {open ? <CaretDownOutlined /> : <CaretRightOutlined />} {item.title}（{item.count}）
                        </button>
                      );
                    }
                    if (item.type === 'problem') return <div key={item.key} style={{ ...base, color: '#595959', fontSize: 12 }} title={item.title}>{item.title}</div>;
                    return (
                      <div key={item.key} style={{ ...base, paddingLeft: 16 }} title={item.row.text}>
                        <Link to={`/measures/${item.row.id}`} data-testid="timeline-label">{item.row.ordinal}. {item.row.text}</Link>
                      </div>
                    );
                  })}
                </div>
              </div>
            </div>
            <div
              style={{ overflow: 'auto', flex: 1, maxHeight: Math.min(items.length, VIEW_ROWS) * ROW + ROW + 16 }}
              onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
              data-testid="timeline-scroll"
            >
              <svg width={width} height={items.length * ROW + ROW} role="img" aria-label={t('timeline.title')} style={{ display: 'block' }}>
                <g>
                  {ticks.map((d) => (
                    <g key={d}>
                      <line x1={x(d)} x2={x(d)} y1={0} y2={items.length * ROW + ROW} stroke="#f0f0f0" />
                      <text x={x(d) + 2} y={18} fontSize={11} fill="#595959">{zoom === 'week' ? d.slice(5) : d.slice(0, 7)}</text>
                    </g>
                  ))}
                </g>
                <g transform={`translate(0, ${ROW})`}>
                  {visible.map((item, i) => {
                    const y = (first + i) * ROW;
                    if (item.type !== 'bar') return <rect key={item.key} x={0} y={y} width={width} height={ROW} fill={item.type === 'category' ? '#f5f7fa' : 'transparent'} />;
                    const r = item.row;
                    if (!r.start || !r.end) return null;
                    const colour = r.status === 'closed' ? '#8fbf9f' : r.warningLevel === 'none' ? '#5b8ff9' : warningStyle[r.warningLevel].bar;
                    const x0 = x(r.start);
                    const x1 = Math.max(x(r.end), x0 + 2);
                    return (
                      <g
                        key={item.key}
                        data-testid="timeline-bar"
                        data-measure={r.id}
                        data-level={r.warningLevel}
                        data-end={r.end}
                        data-original-end={r.originalEnd ?? ''}
                        style={{ cursor: 'pointer' }}
                        onClick={() => navigate(`/measures/${r.id}`)}
                      >
                        <title>{`${r.text}\n${r.start} → ${r.end}${r.originalEnd ? `（${t('time.originalDeadline')} ${r.originalEnd}）` : ''}`}</title>
                        {r.originalEnd && (
                          <rect data-testid="timeline-ghost" x={x0} y={y + 6} width={Math.max(x(r.originalEnd) - x0, 2)} height={ROW - 12} fill="none" stroke="#8c8c8c" strokeDasharray="4 3" rx={3} />
                        )}
                        <rect x={x0} y={y + 8} width={x1 - x0} height={ROW - 16} fill={colour} rx={3} />
                        {r.overdue && <rect x={x(r.overdue.from)} y={y + 8} width={Math.max(x(r.overdue.to) - x(r.overdue.from), 2)} height={ROW - 16} fill="#f5222d" rx={2} />}
                        {r.closedOn && <circle cx={x(r.closedOn)} cy={y + ROW / 2} r={5} fill="#237804" stroke="#fff" />}
                      </g>
                    );
                  })}
                  {lines.map((l) => (
                    <line key={l.label} x1={x(l.date)} x2={x(l.date)} y1={-ROW} y2={items.length * ROW} stroke={l.color} strokeWidth={l.today ? 2 : 1} strokeDasharray={l.today ? undefined : '6 4'}>
                      <title>{`${l.label} ${l.date}`}</title>
                    </line>
                  ))}
                </g>
              </svg>
            </div>
          </div>
        )}
      </Card>

      <BurnUpCard data={data} categoryId={Number(params.get('category')) || null} />
    </Space>
  );
}
