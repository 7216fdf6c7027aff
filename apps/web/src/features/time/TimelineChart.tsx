import { useMemo, useState } from 'react';
import { Card, Typography } from 'antd';
import { CaretDownOutlined, CaretRightOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { dateOfDayNumber, dayNumber, type TimelineRow } from '@rectify/domain';
import { useT } from '../../i18n';
import { useScreen } from '../../shared/useScreen';
import type { TimelineMark } from './timelineMarks';
import { warningStyle } from './warningStyle';

export type Zoom = 'week' | 'month' | 'quarter';
const PX_PER_DAY: Record<Zoom, number> = { week: 16, month: 4, quarter: 1.4 };
const ROW = 30;
const VIEW_ROWS = 20;

export type TimelineItem =
  | { type: 'category'; key: string; id: number; title: string; count: number }
  | { type: 'problem'; key: string; title: string }
  | { type: 'bar'; key: string; row: TimelineRow };

interface Props {
  items: TimelineItem[];
  /** The day numbers the axis spans. */
  from: number;
  to: number;
  zoom: Zoom;
  lines: TimelineMark[];
  collapsed: ReadonlySet<number>;
  onToggle: (categoryId: number) => void;
}

/** The axis ticks of a zoom: Mondays, first days of months, or of quarters. */
function ticksOf(from: number, to: number, zoom: Zoom): string[] {
  const ticks: string[] = [];
  for (let d = from; d <= to; d++) {
    const date = dateOfDayNumber(d);
    if (zoom === 'week' ? new Date(date).getUTCDay() === 1 : zoom === 'month' ? date.endsWith('-01') : /-(01|04|07|10)-01$/.test(date)) ticks.push(date);
  }
  return ticks;
}

/**
 * The bars, drawn by window: only the rows around the scroll position are in the page. The scroll
 * position is this component's own state, so scrolling redraws the rows alone — not the filters
 * above nor the burn-up chart below, which made a 1,000-measure round stutter.
 */
export function TimelineChart({ items, from, to, zoom, lines, collapsed, onToggle }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const { phone } = useScreen();
  const [scrollTop, setScrollTop] = useState(0);
  const ticks = useMemo(() => ticksOf(from, to, zoom), [from, to, zoom]);

  const px = PX_PER_DAY[zoom];
  const width = Math.max(300, (to - from) * px);
  const x = (date: string) => (dayNumber(date) - from) * px;
  const labelWidth = phone ? 120 : 280;
  const first = Math.max(0, Math.floor(scrollTop / ROW) - 5);
  const visible = items.slice(first, first + VIEW_ROWS + 10);

  return (
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
                        onClick={() => onToggle(item.id)}
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
  );
}
