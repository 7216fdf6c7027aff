import { useState, type RefObject } from 'react';
import { Button, Space, Tag, Typography } from 'antd';
import { CloseOutlined, EditOutlined, FilterOutlined } from '@ant-design/icons';
import { Link, type SetURLSearchParams } from 'react-router';
import type { MeasureListItem } from '@rectify/domain';
import { useMeasures } from '../../api/hooks';
import { useT } from '../../i18n';
import { LoadError } from '../../shared/PageState';
import { Panel } from '../../shared/Panel';
import { RoundFilterBar, roundFilterSearch, type FilterOption } from '../../shared/RoundFilterBar';
import { ExportListButton } from '../documents/ExportListButton';
import { dashboardFilterToLedger } from '../documents/exportLinks';
import { useMayBulkEdit } from '../measure/bulkAccess';
import { LazyBulkEditModal } from '../measure/LazyBulkEditModal';
import type { chartRows } from './chartRows';
import type { DashboardFilter } from './dashboardFilter';
import { MeasureListControls } from './MeasureListControls';
import { dashboardListQuery, readListControls, writeListControls } from './measureListControls';
import { MeasureTable } from './MeasureTable';

interface Props {
  roundId: number;
  organizationId: number | undefined;
  params: URLSearchParams;
  setParams: SetURLSearchParams;
  filter: DashboardFilter | null;
  /** What the filter picked, as the tag above the list says it; null: the whole round. */
  filterName: string | null;
  onClearFilter: () => void;
  rows: ReturnType<typeof chartRows> | null;
  listRef: RefObject<HTMLDivElement | null>;
  /** Hidden on paper while the full list prints instead. */
  hiddenInPrint: boolean;
}

/** 整改措施清单: the round's measures by the URL's filters, sort and search, a page at a time, with 批量设置. */
export function MeasureListCard({ roundId, organizationId, params, setParams, filter, filterName, onClearFilter, rows, listRef, hiddenInPrint }: Props) {
  const t = useT();
  const controls = readListControls(params);
  const query = dashboardListQuery(roundId, params);
  const measures = useMeasures(query);

  // 批量设置: the ticked measures (kept across pages) with the version each was read at.
  const mayBulk = useMayBulkEdit();
  const [selected, setSelected] = useState<Map<number, MeasureListItem>>(new Map());
  const [bulkOpen, setBulkOpen] = useState(false);

  return (
    <>
      <div ref={listRef} style={{ scrollMarginTop: 72 }} className={hiddenInPrint ? 'rectify-no-print' : undefined}>
        <Panel
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
                      onClearFilter();
                    }}
                    style={{ margin: 0 }}
                  >
                    {filterName}
                  </Tag>
                  <Button size="small" icon={<CloseOutlined />} onClick={onClearFilter} data-testid="clear-filter">
                    {t('dashboard.clearFilter')}
                  </Button>
                  <Link to={`/rounds/${roundId}/timeline${roundFilterSearch(params)}`} data-testid="dashboard-to-timeline">
                    {t('timeline.fromDashboard')}
                  </Link>
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('dashboard.filterAll')}</Typography.Text>
              )}
              <ExportListButton roundId={roundId} filters={{ ...dashboardFilterToLedger(filter), ...controls.filters, ...(query.warningLevel && { warningLevel: query.warningLevel }) }} />
            </Space>
          }
          bodyStyle={{ padding: 0 }}
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
                      isSelected: (m) => selected.has(m.id),
                      onChange: (rows, tick) => {
                        const next = new Map(selected);
                        for (const m of rows) {
                          if (tick) next.set(m.id, m);
                          else next.delete(m.id);
                        }
                        setSelected(next);
                      },
                    }
                  : undefined
              }
            />
          )}
        </Panel>
      </div>
      {mayBulk && (
        <LazyBulkEditModal
          open={bulkOpen}
          organizationId={organizationId}
          measures={[...selected.values()]}
          onClose={() => setBulkOpen(false)}
          onDone={(result) => {
            // Keep ticked only what failed, so it can be looked at and tried again.
            const failed = new Set(result.failed.map((f) => f.id));
            setSelected(new Map([...selected].filter(([id]) => failed.has(id))));
          }}
        />
      )}
    </>
  );
}
