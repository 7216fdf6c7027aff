import { WARNING_LEVELS, type MeasureQuery } from '@rectify/domain';
import { ledgerFiltersFromSearch, type LedgerFilters } from '../documents/exportLinks';
import { readFilter } from './dashboardFilter';

export const LIST_SORTS = ['position', 'deadline', 'updatedAt'] as const;
export type ListSort = (typeof LIST_SORTS)[number];
export type ListDirection = 'asc' | 'desc';

/** The measure list's own controls, kept in the URL (`?q=…&status=…&overdue=true&sort=deadline&dir=desc`) so a view can be shared and exported as it is. */
export interface ListControls {
  filters: Pick<LedgerFilters, 'q' | 'status' | 'overdue'>;
  sort: ListSort;
  direction: ListDirection;
}

const CONTROL_KEYS = ['q', 'status', 'overdue', 'sort', 'dir'] as const;

export function readListControls(params: URLSearchParams): ListControls {
  const { q, status, overdue } = ledgerFiltersFromSearch(params);
  const sort = LIST_SORTS.find((s) => s === params.get('sort')) ?? 'position';
  const direction: ListDirection = params.get('dir') === 'desc' ? 'desc' : 'asc';
  return { filters: { ...(q && { q }), ...(status && { status }), ...(overdue !== undefined && { overdue }) }, sort, direction };
}

/** The same search params with these controls written in (defaults left out). */
export function writeListControls(params: URLSearchParams, controls: ListControls): URLSearchParams {
  const next = new URLSearchParams(params);
  CONTROL_KEYS.forEach((key) => next.delete(key));
  const { q, status, overdue } = controls.filters;
  if (q) next.set('q', q);
  for (const s of status ?? []) next.append('status', s);
  if (overdue !== undefined) next.set('overdue', String(overdue));
  if (controls.sort !== 'position') next.set('sort', controls.sort);
  if (controls.direction === 'desc') next.set('dir', 'desc');
  return next;
}

export const listControlsQuery = (controls: ListControls): Pick<MeasureQuery, 'q' | 'status' | 'overdue' | 'sort' | 'direction'> => ({
  ...controls.filters,
  sort: controls.sort,
  direction: controls.direction,
});

export const hasListFilters = (controls: ListControls): boolean => Object.keys(controls.filters).length > 0;

/**
 * The dashboard list's query as the URL says it: its controls, a page of 20, the owner picked on a
 * chart and the warning level (the timeline's level select, under the same URL name: the API lists
 * the level by the rule the figures count with). The card and `prefetchDashboard` both ask this.
 */
export function dashboardListQuery(roundId: number, params: URLSearchParams): MeasureQuery {
  const filter = readFilter(params);
  const warningLevel = WARNING_LEVELS.find((l) => l !== 'none' && l === params.get('level'));
  return {
    roundId,
    ...listControlsQuery(readListControls(params)),
    limit: 20,
    ...(filter?.kind === 'category' && { categoryId: filter.id }),
    ...(filter?.kind === 'leader' && { leaderId: filter.id }),
    ...(filter?.kind === 'department' && { departmentId: filter.id }),
    ...(warningLevel && { warningLevel }),
  };
}
