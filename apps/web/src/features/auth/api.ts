import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CurrentUser, LoginBody, PasswordChange, SessionAnswer } from '@rectify/domain';
import { api, ApiError } from '../../api/client';

/** ['auth', 'me']: other features key their own reads of /api/auth/me below it. */
export const meKey = ['auth', 'me'] as const;

/** The signed-in account: `null` when signed out (401). */
export const meQuery = queryOptions<CurrentUser | null>({
  queryKey: meKey,
  queryFn: async ({ signal }) => {
    try {
      return (await api.get<SessionAnswer>('/api/auth/me', undefined, signal)).user;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
});

export const useMe = () => useQuery(meQuery);

/** The account under the route guard (always there). */
export function useCurrentUser(): CurrentUser {
  const me = useMe();
  if (!me.data) throw new Error('useCurrentUser() outside <RequireAuth>');
  return me.data;
}

const isMeKey = (key: readonly unknown[]) => key.length === 2 && key[0] === meKey[0] && key[1] === meKey[1];

/** Drops every cached answer but the account itself (they belong to the previous session). */
export function forgetAllButMe(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => !isMeKey(q.queryKey) });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<SessionAnswer>('/api/auth/login', body),
    onSuccess: ({ user }) => {
      // Nothing read as someone else (or as nobody) may show for this account.
      forgetAllButMe(client);
      client.setQueryData(meKey, user);
    },
  });
}

/**
 * Ends the session on the server. The caller then loads the sign-in page afresh
 * (`window.location.assign`), which also drops everything this account had read.
 */
export const useLogout = () => useMutation({ mutationFn: () => api.post<{ ok: boolean }>('/api/auth/logout', {}) });

export const useChangePassword = () =>
  useMutation({ mutationFn: (body: PasswordChange) => api.post<{ ok: boolean }>('/api/auth/password', body) });
