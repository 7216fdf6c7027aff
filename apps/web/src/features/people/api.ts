import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Department, DepartmentCreate, DepartmentUpdate, Person, PersonCreate, PersonUpdate } from '@rectify/domain';
import { api } from '../../api/client';

/** Everything this page shows, inactive ones included; the pickers read only the active ones. */
const keys = {
  people: (organizationId: number) => ['people', organizationId, 'all'] as const,
  departments: (organizationId: number) => ['departments', organizationId, 'all'] as const,
};

export const useAllPeople = (organizationId: number | undefined) =>
  useQuery({
    queryKey: keys.people(organizationId ?? 0),
    queryFn: ({ signal }) => api.get<Person[]>('/api/people', { organizationId }, signal),
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
