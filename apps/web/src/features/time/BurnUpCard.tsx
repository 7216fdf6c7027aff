import { Card, Typography } from 'antd';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { dateOfDayNumber, dayNumber, type Timeline } from '@rectify/domain';
import { useT } from '../../i18n';
import { useScreen } from '../../shared/useScreen';
import { timelineMarks } from './timelineMarks';

/**
 * 完成情况曲线: closed against total over time, replayed from the dated history by the API; the
 * round's, or one category's when the page is filtered to it. Today, the feedback date and the
 * rectification deadline are dashed lines, keyed under the chart.
 */
export function BurnUpCard({ data, categoryId }: { data: Timeline; categoryId: number | null }) {
  const t = useT();
  const { phone } = useScreen();
  const category = categoryId ? data.categories.find((c) => c.id === categoryId) : undefined;
  const series = category ? category.burnUp : data.burnUp;
  const lines = timelineMarks(data, t);
  const last = series[series.length - 1];

  return (
    <Card title={t('timeline.burnUp')} data-testid="burn-up">
      {category && (
        <Typography.Paragraph type="secondary" data-testid="burn-up-scope" style={{ marginTop: -8 }}>
          {t('timeline.burnUpCategory', { title: `${category.ordinal}. ${category.title}` })}
        </Typography.Paragraph>
      )}
      <div style={{ width: '100%', height: phone ? 240 : 320 }}>
        <ResponsiveContainer>
          <LineChart data={series.map((p) => ({ ...p, x: dayNumber(p.date) }))} margin={{ top: 8, right: 28, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => dateOfDayNumber(v).slice(0, 7)} />
            <YAxis allowDecimals={false} />
            <Tooltip labelFormatter={(v) => dateOfDayNumber(Number(v))} />
            <Legend />
            <Line type="stepAfter" dataKey="total" name={t('timeline.total')} stroke="#8c8c8c" dot={false} isAnimationActive={false} />
            <Line type="stepAfter" dataKey="closed" name={t('timeline.closed')} stroke="#237804" strokeWidth={2} dot={false} isAnimationActive={false} />
            {lines.map((l) => (
              <ReferenceLine key={l.label} x={dayNumber(l.date)} stroke={l.color} strokeDasharray="4 4" />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {/* The dates are keyed under the chart, not written on its lines: feedback and deadline are
          weeks apart on a years-long axis, so labels on the lines print over each other. */}
      <ul className="burn-up-key" data-testid="burn-up-key">
        {lines.map((l) => (
          <li key={l.label}>
            <svg width="22" height="10" aria-hidden="true"><line x1="0" x2="22" y1="5" y2="5" stroke={l.color} strokeWidth="2" strokeDasharray="4 3" /></svg>
            {l.label} {l.date}
          </li>
        ))}
      </ul>
      <Typography.Text type="secondary" data-testid="burn-up-last">
        {last ? `${last.date}：${t('timeline.closed')} ${last.closed} / ${t('timeline.total')} ${last.total}` : ''}
      </Typography.Text>
    </Card>
  );
}
