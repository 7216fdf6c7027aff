/** The dashboard's one owner filter (a category, leader or department picked on a chart), kept in the URL. */
export type FilterKind = 'category' | 'leader' | 'department';
export const FILTER_KINDS: FilterKind[] = ['category', 'leader', 'department'];
export interface DashboardFilter {
  kind: FilterKind;
  id: number;
}

export function readFilter(params: URLSearchParams): DashboardFilter | null {
  for (const kind of FILTER_KINDS) {
    const id = Number(params.get(kind));
    if (Number.isInteger(id) && id > 0) return { kind, id };
  }
  return null;
}
