import { useMemo, useRef } from 'react';
import { Space } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { useRound, useRoundRecords, useRoundSummary } from '../../api/hooks';
import { useSetCurrentRound } from '../../app/CurrentRound';
import { useT } from '../../i18n';
import { LoadError, Loading } from '../../shared/PageState';
import { preloadComponent } from '../../shared/preloadComponent';
import { WarningPanel } from '../time/WarningPanel';
import { chartRows } from './chartRows';
import { DashboardHeader } from './DashboardHeader';
import { FILTER_KINDS, readFilter, type FilterKind } from './dashboardFilter';
import { writeListControls } from './measureListControls';
import { PrintMeasureList } from './PrintMeasureList';
import { RatingsCard } from './RatingsCard';
import { RoundFigures } from './RoundFigures';
import { dashboardSections } from './sections';
import { SectionPlaceholder } from './SectionPlaceholder';
import { usePrintList } from './usePrintList';

// Below the first screen, in their own chunks (antd's Table, List, Pagination, Select, Input and
// kin: ~110 KB gz): requested as the page starts, beside its data, so the header and figures do not
// wait for them and they are here by the time the data is (the route's prefetch asks for them
// even earlier, beside this page's own chunk). 回头看 shows nothing until its own data
// has come in any case, so it holds no place meanwhile either.
const FollowUpPanel = preloadComponent(() => dashboardSections.followUps().then((m) => m.FollowUpPanel));
const OverdueTable = preloadComponent(() => dashboardSections.overdue().then((m) => m.OverdueTable));
const CategoryProgress = preloadComponent(() => dashboardSections.owners().then((m) => m.CategoryProgress));
const LeaderAndDepartmentProgress = preloadComponent(() => dashboardSections.owners().then((m) => m.LeaderAndDepartmentProgress));
const MeasureListCard = preloadComponent(() => dashboardSections.list().then((m) => m.MeasureListCard));

/**
 * 整改看板: one round at a glance — its figures, warnings and 回头看, the longest overdue measures,
 * progress by category, leader and office, public ratings, then the measure list. A chart or a
 * figure filters the list through the URL, so a view can be shared and the timeline follows it.
 */
export default function DashboardPage() {
  const t = useT();
  const roundId = Number(useParams().id);
  useSetCurrentRound(roundId);
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const listRef = useRef<HTMLDivElement>(null);

  const round = useRound(roundId);
  const summary = useRoundSummary(roundId);
  const records = useRoundRecords(roundId);
  const rows = useMemo(() => (summary.data ? chartRows(summary.data, t) : null), [summary.data, t]);
  const printList = usePrintList(roundId);

  if (summary.isPending) return <Loading />;
  if (summary.isError) return <LoadError error={summary.error} onRetry={() => void summary.refetch()} />;
  const s = summary.data;

  const showList = () => listRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  const setFilter = (kind: FilterKind, id: number) => {
    const next = new URLSearchParams(params);
    FILTER_KINDS.forEach((k) => next.delete(k));
    // A second click on what is picked takes the filter off.
    if (!(filter?.kind === kind && filter.id === id)) next.set(kind, String(id));
    setParams(next, { replace: true, preventScrollReset: true });
    showList();
  };
  const clearFilter = () => {
    const next = new URLSearchParams(params);
    FILTER_KINDS.forEach((k) => next.delete(k));
    setParams(next, { replace: true, preventScrollReset: true });
  };
  const filterName = (() => {
    if (!filter || !rows) return null;
    const name = rows[filter.kind].find((r) => r.id === filter.id)?.name ?? `#${filter.id}`;
    return t(`dashboard.filter.${filter.kind}`, { name });
  })();

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <DashboardHeader roundId={roundId} round={round.data} today={s.today} printing={printList.printing} onPrint={printList.print} />
      <RoundFigures roundId={roundId} totals={s.totals} regulationCount={records.data?.regulations.length} meetingCount={records.data?.meetings.length} />
      <WarningPanel roundId={roundId} />
      <FollowUpPanel fallback={null} roundId={roundId} />
      <OverdueTable
        fallback={<SectionPlaceholder section="overdue" />}
        items={s.overdue}
        total={s.totals.overdue}
        onShowAll={() => {
          setParams(writeListControls(params, { filters: { overdue: true }, sort: 'deadline', direction: 'asc' }), { replace: true, preventScrollReset: true });
          showList();
        }}
      />
      <CategoryProgress fallback={<SectionPlaceholder section="category" />} rows={rows} filter={filter} onSelect={setFilter} />
      <LeaderAndDepartmentProgress fallback={<SectionPlaceholder section="owners" />} rows={rows} filter={filter} onSelect={setFilter} />
      <RatingsCard ratings={s.ratings} />
      {printList.tree && <PrintMeasureList tree={printList.tree} />}
      <MeasureListCard
        fallback={<SectionPlaceholder section="list" />}
        roundId={roundId}
        organizationId={round.data?.inspectedUnit.id}
        params={params}
        setParams={setParams}
        filter={filter}
        filterName={filterName}
        onClearFilter={clearFilter}
        rows={rows}
        listRef={listRef}
        hiddenInPrint={Boolean(printList.tree)}
      />
    </Space>
  );
}
