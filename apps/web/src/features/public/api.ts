import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Opinion, OpinionPage, OpinionReceived, OpinionStatus, OpinionSubmit, OpinionUpdate, PublicPageSettings, PublicPageUpdate, PublicView } from '@rectify/domain';
import { api, request } from '../../api/client';

export const publicKeys = {
  settings: (roundId: number) => ['rounds', 'public-page', roundId] as const,
  opinions: ['opinions'] as const,
  list: (roundId: number | null, status: OpinionStatus | null) => ['opinions', roundId, status] as const,
  view: (token: string) => ['public', token] as const,
};

/** The office's view of a round's public page (switch, address, counts). */
export const usePublicPageSettings = (roundId: number | null) =>
  useQuery({
    queryKey: publicKeys.settings(roundId ?? 0),
    queryFn: ({ signal }) => api.get<PublicPageSettings>(`/api/rounds/${roundId}/public-page`, undefined, signal),
    enabled: roundId !== null,
  });

export function useSwitchPublicPage(roundId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PublicPageUpdate) => api.patch<PublicPageSettings>(`/api/rounds/${roundId}/public-page`, body),
    onSuccess: (data) => client.setQueryData(publicKeys.settings(roundId), data),
  });
}

/** The inbox, newest first, a keyset page at a time. */
export const useOpinions = (roundId: number | null, status: OpinionStatus | null) =>
  useInfiniteQuery({
    queryKey: publicKeys.list(roundId, status),
    queryFn: ({ signal, pageParam }) =>
      api.get<OpinionPage>('/api/opinions', { roundId: roundId ?? undefined, status: status ?? undefined, limit: 20, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useUpdateOpinion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: OpinionUpdate }) => api.patch<Opinion>(`/api/opinions/${id}`, body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: publicKeys.opinions });
      await client.invalidateQueries({ queryKey: ['rounds', 'public-page'] });
    },
  });
}

/** The public page: no account, the token in the address finds the round. */
const base = (token: string) => `/api/public/${encodeURIComponent(token)}`;

export const usePublicView = (token: string) =>
  useQuery({
    queryKey: publicKeys.view(token),
    queryFn: ({ signal }) => request<PublicView>('GET', base(token), { signal }),
    retry: false,
  });

export const useSubmitOpinion = (token: string) =>
  useMutation({ mutationFn: (body: OpinionSubmit) => request<OpinionReceived>('POST', `${base(token)}/opinions`, { body }) });
