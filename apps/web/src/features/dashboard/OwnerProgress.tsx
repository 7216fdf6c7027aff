import { Col, Row, Tag } from 'antd';
import { completionRate } from '@rectify/domain';
import { brand } from '../../app/theme';
import { useT } from '../../i18n';
import { DataTable } from '../../shared/DataTable';
import { Panel } from '../../shared/Panel';
import { useScreen } from '../../shared/useScreen';
import { LazyProgressChart as ProgressChart } from './LazyProgressChart';
import type { ChartRow } from './ProgressChart';
import type { chartRows } from './chartRows';
import type { DashboardFilter, FilterKind } from './dashboardFilter';
import { RateBar } from './RateBar';

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
    <Panel title={t('dashboard.byCategory')} extra={<span className="rectify-secondary" style={{ fontSize: 12 }}>{t('dashboard.chartHint')}</span>}>
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
            <DataTable<ChartRow>
              size="small"
              rows={rows?.category ?? []}
              rowKey={(row) => row.key}
              rowTestId={(row) => `category-row-${row.id}`}
              onRowClick={(row) => row.id !== null && onSelect('category', row.id)}
              isRowActive={(row) => filter?.kind === 'category' && filter.id === row.id}
              columns={[
                { key: 'name', title: t('dashboard.col.category'), render: (row) => <span data-testid="category-title">{row.name}</span> },
                { key: 'closed', title: t('dashboard.col.closed'), width: phone ? 56 : 72, align: 'right', render: (row) => <span data-testid="closed-count">{row.counts.closed}</span> },
                { key: 'total', title: t('dashboard.col.total'), width: phone ? 44 : 60, align: 'right', render: (row) => <span data-testid="total-count">{row.counts.total}</span> },
                {
                  key: 'overdue',
                  title: t('dashboard.col.overdue'),
                  width: phone ? 44 : 60,
                  align: 'right',
                  render: (row) =>
                    row.counts.overdue > 0 ? (
                      <Tag color="red" style={{ margin: 0 }} data-testid="overdue-count">
                        {row.counts.overdue}
                      </Tag>
                    ) : (
                      <span data-testid="overdue-count">0</span>
                    ),
                },
                // On a phone the chart beside it shows the share; the names need the width.
                ...(phone
                  ? []
                  : [
                      {
                        key: 'rate',
                        title: t('dashboard.col.rate'),
                        width: 110,
                        render: (row: ChartRow) => (
                          <RateBar label={t('dashboard.col.rate')} percent={completionRate(row.counts) * 100} color={brand.closed} />
                        ),
                      },
                    ]),
              ]}
            />
          </div>
        </Col>
      </Row>
    </Panel>
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
          <Panel title={t(title)} style={{ height: '100%' }}>
            <ProgressChart
              testId={`chart-${kind}`}
              rows={rows?.[kind] ?? []}
              hiddenTable
              axisWidth={axisWidth}
              selectedId={filter?.kind === kind ? filter.id : null}
              onSelect={(row) => row.id !== null && onSelect(kind, row.id)}
            />
          </Panel>
        </Col>
      ))}
    </Row>
  );
}
