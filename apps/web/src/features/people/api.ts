import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Department, DepartmentCreate, DepartmentUpdate, Person, PersonCreate, PersonPage, PersonUpdate } from '@rectify/domain';
import { api } from '../../api/client';

/** Everything this page shows, inactive ones included; the pickers read only the active ones. */
const keys = {
  people: (organizationId: number, departmentId: number | null) => ['people', organizationId, 'pages', departmentId] as const,
  departments: (organizationId: number) => ['departments', organizationId, 'all'] as const,
};

/** A unit's people, inactive ones included, a page at a time (keyset): `fetchNextPage` while `hasNextPage`. */
export const usePeoplePages = (organizationId: number | undefined, departmentId: number | null) =>
  useInfiniteQuery({
    queryKey: keys.people(organizationId ?? 0, departmentId),
    queryFn: ({ signal, pageParam }) => api.get<PersonPage>('/api/people', { organizationId, departmentId, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: organizationId !== undefined,
  });

export const useAllDepartments = (organizationId: number | undefined) =>
  useQuery({
    queryKey: keys.departments(organizationId ?? 0),
    queryFn: ({ signal }) => api.get<Department[]>('/api/departments', { organizationId }, signal),
    enabled: organizationId !== undefined,
  });

/** People and departments change together (members, heads): refresh both, and every picker. */
function useStaffWrite<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['people'] }),
        client.invalidateQueries({ queryKey: ['departments'] }),
        // Measures show the names of their leaders and departments.
        client.invalidateQueries({ queryKey: ['measures'] }),
      ]);
    },
  });
}

export const useCreatePerson = () => useStaffWrite((body: PersonCreate) => api.post<Person>('/api/people', body));
export const useUpdatePerson = () =>
  useStaffWrite(({ id, body }: { id: number; body: PersonUpdate }) => api.patch<Person>(`/api/people/${id}`, body));
export const useCreateDepartment = () => useStaffWrite((body: DepartmentCreate) => api.post<Department>('/api/departments', body));
export const useUpdateDepartment = () =>
  useStaffWrite(({ id, body }: { id: number; body: DepartmentUpdate }) => api.patch<Department>(`/api/departments/${id}`, body));
