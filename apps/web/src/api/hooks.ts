import { infiniteQueryOptions, keepPreviousData, queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  Category,
  CategoryCreate,
  CategoryUpdate,
  Department,
  Manifestation,
  ManifestationCreate,
  ManifestationUpdate,
  MeasureCreate,
  MeasureDetail,
  MeasurePage,
  MeasureQuery,
  MeasureUpdate,
  Organization,
  Person,
  Problem,
  ProblemCreate,
  ProblemUpdate,
  RoundRecords,
  RoundSummary,
  RoundTree,
  CurrentRound,
  RoundPage,
  RoundWithTotals,
} from '@rectify/domain';
import { api, request } from './client';
import { queryKeys } from './keys';

// ---- reads -------------------------------------------------------------------------------

/** The round list, a page at a time (keyset): `fetchNextPage` while `hasNextPage`. */
export const useRounds = () =>
  useInfiniteQuery({
    queryKey: queryKeys.rounds.list(),
    queryFn: ({ signal, pageParam }) => api.get<RoundPage>('/api/rounds', { limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The round the API calls current: the newest with open measures, else the newest. */
export const useCurrentRound = () =>
  useQuery({ queryKey: queryKeys.rounds.current(), queryFn: ({ signal }) => api.get<CurrentRound>('/api/rounds/current', undefined, signal) });

// The dashboard's reads as options, so that `prefetchDashboard` starts them under the same keys
// while the page's code is still loading.
export const roundQuery = (id: number) =>
  queryOptions({ queryKey: queryKeys.rounds.detail(id), queryFn: ({ signal }) => api.get<RoundWithTotals>(`/api/rounds/${id}`, undefined, signal) });
export const roundSummaryQuery = (id: number) =>
  queryOptions({ queryKey: queryKeys.rounds.summary(id), queryFn: ({ signal }) => api.get<RoundSummary>(`/api/rounds/${id}/summary`, undefined, signal) });
export const roundRecordsQuery = (id: number) =>
  queryOptions({ queryKey: queryKeys.rounds.records(id), queryFn: ({ signal }) => api.get<RoundRecords>(`/api/rounds/${id}/records`, undefined, signal) });
export const measuresQuery = (query: Omit<MeasureQuery, 'cursor'>) =>
  infiniteQueryOptions({
    queryKey: queryKeys.measures.list(query),
    queryFn: ({ signal, pageParam }) => api.get<MeasurePage>('/api/measures', { ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useRound = (id: number | undefined) => useQuery({ ...roundQuery(id ?? 0), enabled: id !== undefined });

export const useRoundTree = (id: number, enabled = true) =>
  useQuery({
    queryKey: queryKeys.rounds.tree(id),
    queryFn: ({ signal }) => api.get<RoundTree>(`/api/rounds/${id}/tree`, undefined, signal),
    enabled,
  });

export const useRoundSummary = (id: number) => useQuery(roundSummaryQuery(id));

export const useRoundRecords = (id: number) => useQuery(roundRecordsQuery(id));

/** A filtered measure list, a page at a time (keyset): `fetchNextPage` while `hasNextPage`. */
export const useMeasures = (query: Omit<MeasureQuery, 'cursor'>) => useInfiniteQuery({ ...measuresQuery(query), placeholderData: keepPreviousData });

export const useMeasure = (id: number) =>
  useQuery({
    queryKey: queryKeys.measures.detail(id),
    queryFn: ({ signal }) => api.get<MeasureDetail>(`/api/measures/${id}`, undefined, signal),
  });

export const usePeople = (organizationId: number | undefined) =>
  useQuery({
    queryKey: queryKeys.people(organizationId),
    queryFn: ({ signal }) => api.getAll<Person>('/api/people', { organizationId }, signal),
    enabled: organizationId !== undefined,
    staleTime: 5 * 60_000,
  });

export const useDepartments = (organizationId: number | undefined) =>
  useQuery({
    queryKey: queryKeys.departments(organizationId),
    queryFn: ({ signal }) => api.get<Department[]>('/api/departments', { organizationId }, signal),
    enabled: organizationId !== undefined,
    staleTime: 5 * 60_000,
  });

export const useOrganizations = () =>
  useQuery({ queryKey: queryKeys.organizations(), queryFn: ({ signal }) => api.get<Organization[]>('/api/organizations', undefined, signal) });

// ---- writes ------------------------------------------------------------------------------

/**
 * After any change to the hierarchy or a measure, every view that counts measures is stale:
 * the round totals, tree and summary (charts) and every measure list and detail.
 */
export async function invalidateRectification(client: QueryClient): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: queryKeys.rounds.all }),
    client.invalidateQueries({ queryKey: queryKeys.measures.all }),
  ]);
}

function useWrite<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidateRectification(client) });
}

export const useUpdateMeasure = () =>
  useWrite(({ id, body }: { id: number; body: MeasureUpdate }) => api.patch<MeasureDetail>(`/api/measures/${id}`, body));
export const useCreateMeasure = () => useWrite((body: MeasureCreate) => api.post<MeasureDetail>('/api/measures', body));
export const useDeleteMeasure = () => useWrite(({ id, version }: { id: number; version?: number }) =>
    request<unknown>('DELETE', `/api/measures/${id}`, { query: { version } }),
  );

export const useCreateCategory = () => useWrite((body: CategoryCreate) => api.post<Category>('/api/categories', body));
export const useUpdateCategory = () =>
  useWrite(({ id, body }: { id: number; body: CategoryUpdate }) => api.patch<Category>(`/api/categories/${id}`, body));
export const useDeleteCategory = () => useWrite(({ id, version }: { id: number; version?: number }) =>
    request<unknown>('DELETE', `/api/categories/${id}`, { query: { version } }),
  );

export const useCreateProblem = () => useWrite((body: ProblemCreate) => api.post<Problem>('/api/problems', body));
export const useUpdateProblem = () =>
  useWrite(({ id, body }: { id: number; body: ProblemUpdate }) => api.patch<Problem>(`/api/problems/${id}`, body));
export const useDeleteProblem = () => useWrite(({ id, version }: { id: number; version?: number }) =>
    request<unknown>('DELETE', `/api/problems/${id}`, { query: { version } }),
  );

export const useCreateManifestation = () =>
  useWrite((body: ManifestationCreate) => api.post<Manifestation>('/api/manifestations', body));
export const useUpdateManifestation = () =>
  useWrite(({ id, body }: { id: number; body: ManifestationUpdate }) =>
    api.patch<Manifestation>(`/api/manifestations/${id}`, body),
  );
export const useDeleteManifestation = () => useWrite(({ id, version }: { id: number; version?: number }) =>
    request<unknown>('DELETE', `/api/manifestations/${id}`, { query: { version } }),
  );
