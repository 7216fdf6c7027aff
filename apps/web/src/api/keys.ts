import type { MeasureQuery } from '@rectify/domain';

/**
 * Every TanStack Query key of the app. Keys are hierarchical so that one prefix invalidates a
 * family: ['rounds'] refreshes round lists, totals, trees and summaries; ['measures'] every
 * measure list and detail.
 */
export const queryKeys = {
  rounds: {
    all: ['rounds'] as const,
    list: () => ['rounds', 'list'] as const,
    current: () => ['rounds', 'current'] as const,
    detail: (id: number) => ['rounds', 'detail', id] as const,
    tree: (id: number) => ['rounds', 'tree', id] as const,
    summary: (id: number) => ['rounds', 'summary', id] as const,
    records: (id: number) => ['rounds', 'records', id] as const,
  },
  measures: {
    all: ['measures'] as const,
    lists: () => ['measures', 'list'] as const,
    list: (query: MeasureQuery) => ['measures', 'list', query] as const,
    detail: (id: number) => ['measures', 'detail', id] as const,
  },
  people: (organizationId: number | undefined) => ['people', organizationId ?? null] as const,
  departments: (organizationId: number | undefined) => ['departments', organizationId ?? null] as const,
  organizations: () => ['organizations'] as const,
};
