import { Card, Col, Progress, Row, Table, Tag, Typography } from 'antd';
import { completionRate } from '@rectify/domain';
import { brand } from '../../app/theme';
import { useT } from '../../i18n';
import { useScreen } from '../../shared/useScreen';
import { LazyProgressChart as ProgressChart } from './LazyProgressChart';
import type { ChartRow } from './ProgressChart';
import type { chartRows } from './chartRows';
import type { DashboardFilter, FilterKind } from './dashboardFilter';

interface Props {
  rows: ReturnType<typeof chartRows> | null;
  filter: DashboardFilter | null;
  onSelect: (kind: FilterKind, id: number) => void;
}

/** 各方面整改进度: the chart and the table of counts per category; a click filters the measure list. */
export function CategoryProgress({ rows, filter, onSelect }: Props) {
  const t = useT();
  const { phone } = useScreen();
  return (
    <Card title={t('dashboard.byCategory')} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('dashboard.chartHint')}</Typography.Text>}>
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={12}>
          <ProgressChart
            testId="chart-category"
            rows={rows?.category ?? []}
            axisWidth={160}
            selectedId={filter?.kind === 'category' ? filter.id : null}
            onSelect={(row) => row.id !== null && onSelect('category', row.id)}
          />
        </Col>
        <Col xs={24} xl={12}>
          <div data-testid="category-counts">
            <Table<ChartRow>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={rows?.category ?? []}
              onRow={(row) =>
                ({
                  onClick: () => row.id !== null && onSelect('category', row.id),
                  className: 'rectify-clickable-row' + (filter?.kind === 'category' && filter.id === row.id ? ' rectify-selected' : ''),
                  'data-testid': `category-row-${row.id}`,
                }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                { title: t('dashboard.col.category'), dataIndex: 'name', render: (name: string) => <span data-testid="category-title">{name}</span> },
                { title: t('dashboard.col.closed'), width: phone ? 56 : 72, align: 'right', render: (_, row) => <span data-testid="closed-count">{row.counts.closed}</span> },
                { title: t('dashboard.col.total'), width: phone ? 44 : 60, align: 'right', render: (_, row) => <span data-testid="total-count">{row.counts.total}</span> },
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
                    <Progress size="small" aria-label={t('dashboard.col.rate')} percent={Math.round(completionRate(row.counts) * 100)} strokeColor={brand.closed} style={{ margin: 0 }} />
                  ),
                },
              ]}
            />
          </div>
        </Col>
      </Row>
    </Card>
  );
}

/** The owner charts beside each other: which rows, under which title, with room for how long a name. */
const OWNER_CHARTS = [
  { kind: 'leader', title: 'dashboard.byLeader', axisWidth: 90 },
  { kind: 'department', title: 'dashboard.byDepartment', axisWidth: 130 },
] as const;

/** 按责任领导 / 按牵头科室: one chart each; a click filters the measure list. */
export function LeaderAndDepartmentProgress({ rows, filter, onSelect }: Props) {
  const t = useT();
  return (
    <Row gutter={[16, 16]}>
      {OWNER_CHARTS.map(({ kind, title, axisWidth }) => (
        <Col key={kind} xs={24} lg={12}>
          <Card title={t(title)} style={{ height: '100%' }}>
            <ProgressChart
              testId={`chart-${kind}`}
              rows={rows?.[kind] ?? []}
              hiddenTable
              axisWidth={axisWidth}
              selectedId={filter?.kind === kind ? filter.id : null}
              onSelect={(row) => row.id !== null && onSelect(kind, row.id)}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
