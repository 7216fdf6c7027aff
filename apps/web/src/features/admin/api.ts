import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Person, UserAccount, UserCreate, UserUpdate } from '@rectify/domain';
import { api } from '../../api/client';
import { workflowKeys } from '../notifications/api';

export const useUsers = (enabled: boolean) =>
  useQuery({
    queryKey: workflowKeys.users,
    queryFn: ({ signal }) => api.get<UserAccount[]>('/api/users', undefined, signal),
    enabled,
  });

/** Every person of every organisation, for the account's person select. */
export const useAllPeople = (enabled: boolean) =>
  useQuery({
    queryKey: ['people', 'all'],
    queryFn: ({ signal }) => api.getAll<Person>('/api/people', undefined, signal),
    enabled,
    staleTime: 5 * 60_000,
  });

function useUserWrite<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: workflowKeys.users }), client.invalidateQueries({ queryKey: ['auth'] })]),
  });
}

export const useCreateUser = () => useUserWrite((body: UserCreate) => api.post<UserAccount>('/api/users', body));
export const useUpdateUser = () =>
  useUserWrite(({ id, body }: { id: number; body: UserUpdate }) => api.patch<UserAccount>(`/api/users/${id}`, body));
export const useResetPassword = () =>
  useUserWrite(({ id, newPassword }: { id: number; newPassword: string }) =>
    api.post<{ ok: boolean }>(`/api/users/${id}/password`, { newPassword }),
  );
