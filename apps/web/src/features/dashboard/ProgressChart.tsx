import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { chartSegments, type ProgressCounts } from '@rectify/domain';
import { brand } from '../../app/theme';
import { useT } from '../../i18n';
import { visuallyHidden } from '../../shared/hiddenStyle';

export interface ChartRow {
  key: string;
  /** What a click filters by; null when the row cannot be filtered (e.g. "unassigned"). */
  id: number | null;
  /** Short axis label. */
  label: string;
  /** Full name, for tooltips and the accessible table. */
  name: string;
  counts: ProgressCounts;
}

interface Props {
  testId: string;
  rows: ChartRow[];
  selectedId: number | null;
  onSelect: (row: ChartRow) => void;
  axisWidth?: number;
  /** Render the counts as a visually hidden table (when no visible table sits beside the chart). */
  hiddenTable?: boolean;
}

const SERIES = [
  { key: 'closed', color: brand.closed, label: 'dashboard.series.closed' },
  { key: 'onTrack', color: brand.onTrack, label: 'dashboard.series.onTrack' },
  { key: 'overdue', color: brand.overdue, label: 'dashboard.series.overdue' },
] as const;

/** A horizontal stacked bar per row: closed / on track / overdue, from the domain's chartSegments. */
export function ProgressChart({ testId, rows, selectedId, onSelect, axisWidth = 120, hiddenTable = false }: Props) {
  const t = useT();
  const data = rows.map((row) => ({ ...row, ...chartSegments(row.counts) }));
  const height = Math.max(140, rows.length * 38 + 56);

  return (
    <div data-testid={testId} style={{ width: '100%' }}>
      <div style={{ width: '100%', height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
          <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }} barCategoryGap="22%">
            <CartesianGrid horizontal={false} stroke="#eef0f3" />
            <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: '#6b7280' }} />
            <YAxis
              type="category"
              dataKey="label"
              width={axisWidth}
              tick={{ fontSize: 12, fill: '#374151' }}
              tickLine={false}
              axisLine={{ stroke: '#d1d5db' }}
            />
            <Tooltip
              cursor={{ fill: 'rgba(26,75,140,0.06)' }}
              labelFormatter={(_, payload) => (payload?.[0]?.payload as { name?: string } | undefined)?.name ?? ''}
            />
            <Legend iconType="square" itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
            {SERIES.map((s) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={t(s.label)}
                stackId="progress"
                fill={s.color}
                cursor="pointer"
                isAnimationActive={false}
                onClick={(_, index) => {
                  const row = rows[index];
                  if (row) onSelect(row);
                }}
              >
                {data.map((row) => (
                  <Cell
                    key={row.key}
                    fillOpacity={selectedId === null || row.id === selectedId ? 1 : 0.35}
                  />
                ))}
                <LabelList
                  dataKey={s.key}
                  position="center"
                  fill="#fff"
                  fontSize={11}
                  formatter={(v: unknown) => (typeof v === 'number' && v > 0 ? v : '')}
                />
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {hiddenTable && (
        <table style={visuallyHidden} data-testid={`${testId}-counts`}>
          <thead>
            <tr>
              <th>{t('dashboard.col.name')}</th>
              <th>{t('dashboard.col.closed')}</th>
              <th>{t('dashboard.col.total')}</th>
              <th>{t('dashboard.col.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-testid={`${testId}-row`} data-id={row.id ?? ''}>
                <th scope="row">
                  <button type="button" disabled={row.id === null} onClick={() => onSelect(row)}>
                    {row.name}
                  </button>
                </th>
                <td data-testid="closed-count">{row.counts.closed}</td>
                <td data-testid="total-count">{row.counts.total}</td>
                <td data-testid="overdue-count">{row.counts.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
