import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  LedgerImportPlan,
  ReportTexts,
  ReportTextsUpdate,
  RoundWithTotals,
  TextImportConfirm,
  TextImportPreviewResult,
} from '@rectify/domain';
import { api, ApiError } from '../../api/client';
import { invalidateRectification } from '../../api/hooks';
import { uploadFile } from '../../api/transfer';

// Under ['rounds', …] so that invalidating the rounds family refreshes them too.
export const documentKeys = {
  reportTexts: (roundId: number) => ['rounds', 'reportTexts', roundId] as const,
  // Below ['auth', 'me'] (so invalidating that refreshes it) without taking its exact key.
  me: ['auth', 'me', 'documents'] as const,
};

export const useReportTexts = (roundId: number) =>
  useQuery({
    queryKey: documentKeys.reportTexts(roundId),
    queryFn: ({ signal }) => api.get<ReportTexts>(`/api/rounds/${roundId}/report-texts`, undefined, signal),
  });

export function useSaveReportTexts(roundId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportTextsUpdate) => api.patch<ReportTexts>(`/api/rounds/${roundId}/report-texts`, body),
    onSuccess: (saved) => {
      client.setQueryData(documentKeys.reportTexts(roundId), saved);
      // The round's report date is shown on the dashboard.
      void client.invalidateQueries({ queryKey: ['rounds', 'detail', roundId] });
    },
  });
}

interface Me {
  user: { role: string; access?: string[] };
}

/**
 * Whether the signed-in account may write the hierarchy (imports, report texts): office and
 * admin. Before sign-in exists (no /api/auth/me: 404) everyone may; while unknown, no one.
 */
export function useCanWrite(): boolean {
  const me = useQuery({
    queryKey: documentKeys.me,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<Me>('/api/auth/me', undefined, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
  if (me.isError) return false;
  if (me.data === undefined) return false;
  if (me.data === null) return true;
  const { role, access } = me.data.user;
  return access ? access.includes('hierarchy.write') : role === 'office' || role === 'admin';
}

export const useLedgerPreview = (roundId: number) =>
  useMutation({
    mutationFn: ({ file, verified }: { file: File; verified: boolean }) =>
      uploadFile<LedgerImportPlan>(`/api/rounds/${roundId}/ledger/import/preview?statusesVerified=${String(verified)}`, file, file.name),
  });

export function useLedgerImport(roundId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, verified }: { file: File; verified: boolean }) =>
      uploadFile<LedgerImportPlan>(`/api/rounds/${roundId}/ledger/import?statusesVerified=${String(verified)}`, file, file.name),
    onSuccess: () => invalidateRectification(client),
  });
}

export const useTextPreview = () =>
  useMutation({
    mutationFn: (input: { text: string } | { file: File }) =>
      'text' in input
        ? api.post<TextImportPreviewResult>('/api/import/text/preview', { text: input.text })
        : uploadFile<TextImportPreviewResult>(
            `/api/import/document/preview?fileName=${encodeURIComponent(input.file.name)}`,
            input.file,
            input.file.name,
          ),
  });

export function useTextImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TextImportConfirm) => api.post<RoundWithTotals>('/api/import/text', body),
    onSuccess: () => invalidateRectification(client),
  });
}
