import { WARNING_LEVELS, type LedgerQuery, type MeasureStatus } from '@rectify/domain';
import { buildQuery, type QueryValue } from '../../api/client';

export type LedgerFormat = 'xlsx' | 'csv' | 'json';
export type ReportFormat = 'docx' | 'pdf' | 'html';

/** The measure-list filters the ledger export takes (the round comes from the path). */
export type LedgerFilters = Pick<LedgerQuery, 'categoryId' | 'problemId' | 'leaderId' | 'departmentId' | 'status' | 'overdue' | 'q' | 'warningLevel'>;

const ID_KEYS = ['categoryId', 'problemId', 'leaderId', 'departmentId'] as const;
const STATUSES: readonly MeasureStatus[] = ['not_started', 'in_progress', 'pending_closure', 'closed'];

const positiveId = (value: string | null): number | undefined => {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n > 0 && n <= 2_147_483_647 ? n : undefined;
};

/** Reads the ledger filters from a page's search params (`?categoryId=3&status=closed`); junk is dropped. */
export function ledgerFiltersFromSearch(params: URLSearchParams): LedgerFilters {
  const filters: LedgerFilters = {};
  for (const key of ID_KEYS) {
    const id = positiveId(params.get(key));
    if (id !== undefined) filters[key] = id;
  }
  const status = params.getAll('status').filter((s): s is MeasureStatus => STATUSES.includes(s as MeasureStatus));
  if (status.length) filters.status = [...new Set(status)];
  const overdue = params.get('overdue');
  if (overdue === 'true' || overdue === 'false') filters.overdue = overdue === 'true';
  const q = params.get('q')?.trim();
  if (q) filters.q = q.slice(0, 200);
  const level = WARNING_LEVELS.find((l) => l === params.get('warningLevel'));
  if (level) filters.warningLevel = level;
  return filters;
}

/** `?categoryId=3&status=closed`, or '' without filters. */
export const filtersToSearch = (filters: LedgerFilters): string => buildQuery(filters as Record<string, QueryValue>);

export const hasFilters = (filters: LedgerFilters): boolean => filtersToSearch(filters) !== '';

export const ledgerUrl = (roundId: number, format: LedgerFormat, filters: LedgerFilters = {}): string =>
  `/api/rounds/${roundId}/ledger.${format}${filtersToSearch(filters)}`;

export const reportUrl = (roundId: number, format: ReportFormat): string => `/api/rounds/${roundId}/report.${format}`;

export const documentsPath = (roundId: number, filters: LedgerFilters = {}): string =>
  `/rounds/${roundId}/documents${filtersToSearch(filters)}`;

/** The dashboard's one filter (`?category=3`, `?leader=2`, `?department=5`) as ledger filters. */
export function dashboardFilterToLedger(filter: { kind: 'category' | 'leader' | 'department'; id: number } | null): LedgerFilters {
  if (!filter) return {};
  if (filter.kind === 'category') return { categoryId: filter.id };
  if (filter.kind === 'leader') return { leaderId: filter.id };
  return { departmentId: filter.id };
}

