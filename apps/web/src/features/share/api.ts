import { useQuery } from '@tanstack/react-query';
import type { RoundSummary, RoundTree, RoundWithTotals, ShareLink, CreatedShareLink, ShareLinkCreate } from '@rectify/domain';
import { request } from '../../api/client';

/** The share page reads only /api/share/:token/…: the token is its whole authorisation. */
const base = (token: string) => `/api/share/${encodeURIComponent(token)}`;

export const shareKeys = {
  all: (token: string) => ['share', token] as const,
  links: (roundId: number) => ['rounds', roundId, 'share-links'] as const,
};

export function useSharedRound(token: string) {
  return useQuery({
    queryKey: [...shareKeys.all(token), 'round'],
    queryFn: ({ signal }) => request<{ label: string; expiresAt: string; round: RoundWithTotals }>('GET', base(token), { signal }),
    retry: false,
  });
}
export function useSharedSummary(token: string, enabled: boolean) {
  return useQuery({
    queryKey: [...shareKeys.all(token), 'summary'],
    queryFn: ({ signal }) => request<RoundSummary>('GET', `${base(token)}/summary`, { signal }),
    enabled,
    retry: false,
  });
}
export function useSharedTree(token: string, enabled: boolean) {
  return useQuery({
    queryKey: [...shareKeys.all(token), 'tree'],
    queryFn: ({ signal }) => request<RoundTree>('GET', `${base(token)}/tree`, { signal }),
    enabled,
    retry: false,
  });
}
export const sharedDownload = (token: string, file: 'ledger.xlsx' | 'report.docx' | 'report.pdf') => `${base(token)}/${file}`;

export const shareLinksApi = {
  list: (roundId: number) => request<ShareLink[]>('GET', `/api/rounds/${roundId}/share-links`),
  create: (roundId: number, body: ShareLinkCreate) => request<CreatedShareLink>('POST', `/api/rounds/${roundId}/share-links`, { body }),
  revoke: (id: number) => request<ShareLink>('POST', `/api/share-links/${id}/revoke`),
};
