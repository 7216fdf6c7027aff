import type { QueryClient } from '@tanstack/react-query';
import { measuresQuery, roundQuery, roundRecordsQuery, roundSummaryQuery } from '../../api/hooks';
import { roundFollowUpsQuery } from '../followups/api';
import { timeSummaryQuery } from '../time/api';
import { dashboardListQuery } from './measureListControls';
import { preloadDashboardSections } from './sections';

/** The dashboard page's code (the same module `lazy` in the router renders). */
export const loadDashboardPage = () => import('./DashboardPage');

/**
 * Starts everything a cold dashboard waits for at once, when the route matches: the page's code, its
 * sections' code and its six reads, under the keys its components ask for. Without it each waited for the one
 * before — the session check, then the code, then the summary, and only then the warnings, 回头看 and
 * the list that render after it. Nothing is awaited: the page shows its own loading state, and a
 * read that fails (no account yet, no such round) fails again where the page renders it.
 */
export function prefetchDashboard(client: QueryClient, roundId: number, params: URLSearchParams): void {
  if (!Number.isInteger(roundId) || roundId <= 0) return;
  // The reads first: over HTTP/1.1 the browser opens six connections to a host, and the ~60 chunks
  // asked first queued ahead of them (in one cold load the reads, a few ms each on the server, were
  // sent 25 ms after the chunks and answered ~350 ms after they were asked).
  void client.prefetchQuery(roundQuery(roundId));
  void client.prefetchQuery(roundSummaryQuery(roundId));
  void client.prefetchQuery(roundRecordsQuery(roundId));
  void client.prefetchQuery(timeSummaryQuery(roundId));
  void client.prefetchQuery(roundFollowUpsQuery(roundId));
  void client.prefetchInfiniteQuery(measuresQuery(dashboardListQuery(roundId, params)));
  void loadDashboardPage().catch(() => {});
  preloadDashboardSections();
}
