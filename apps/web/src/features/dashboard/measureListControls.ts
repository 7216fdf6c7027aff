import type { MeasureQuery } from '@rectify/domain';
import { ledgerFiltersFromSearch, type LedgerFilters } from '../documents/exportLinks';

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
