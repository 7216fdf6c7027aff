/**
 * The dashboard's sections below the first screen, each in its own chunk. The page renders them
 * through `preloadComponent`; the route's prefetch requests them too, as the route matches, so
 * they download beside the page's own chunk instead of after it (the same import resolves once).
 */
export const dashboardSections = {
  followUps: () => import('../followups/FollowUpPanel'),
  overdue: () => import('./OverdueTable'),
  owners: () => import('./OwnerProgress'),
  list: () => import('./MeasureListCard'),
};

/** Requests every section's chunk; a failure shows where the section renders, not here. */
export function preloadDashboardSections(): void {
  for (const load of Object.values(dashboardSections)) void load().catch(() => {});
}
