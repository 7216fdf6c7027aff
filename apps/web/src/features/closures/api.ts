import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AuditEntry,
  ClosurePage,
  ClosureRequest,
  ClosureState,
  EvidenceItem,
  MeasureDetail,
  ProgressUpdate,
  ProgressUpdateCreate,
} from '@rectify/domain';
import { api } from '../../api/client';
import { uploadFile } from '../../api/transfer';
import { invalidateWorkflow, workflowKeys } from '../notifications/api';

export type ClosureFilter = ClosureState | 'all';

/** The closure queue, oldest first, a page at a time (keyset): `fetchNextPage` while `hasNextPage`. */
export const useClosures = (state: ClosureFilter, enabled = true) =>
  useInfiniteQuery({
    queryKey: workflowKeys.closures(state),
    queryFn: ({ signal, pageParam }) => api.get<ClosurePage>('/api/closures', { state, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });

export const useEvidence = (measureId: number) =>
  useQuery({
    queryKey: workflowKeys.evidence(measureId),
    queryFn: ({ signal }) => api.get<EvidenceItem[]>(`/api/measures/${measureId}/evidence`, undefined, signal),
  });

export const useHistory = (measureId: number, enabled: boolean) =>
  useQuery({
    queryKey: workflowKeys.history(measureId),
    queryFn: ({ signal }) => api.get<AuditEntry[]>(`/api/measures/${measureId}/history`, undefined, signal),
    enabled,
  });

/** A workflow step: refreshes measures, tasks, closures and notifications after it. */
function useStep<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => invalidateWorkflow(client) });
}

export const useAddProgress = () =>
  useStep(({ measureId, body }: { measureId: number; body: ProgressUpdateCreate }) =>
    api.post<ProgressUpdate>(`/api/measures/${measureId}/updates`, body),
  );

export const useUploadEvidence = () =>
  useStep(({ measureId, file, progressUpdateId }: { measureId: number; file: File; progressUpdateId?: number }) =>
    uploadFile<EvidenceItem>(
      `/api/measures/${measureId}/evidence${progressUpdateId ? `?progressUpdateId=${progressUpdateId}` : ''}`,
      file,
      file.name,
    ),
  );

export const useSubmitClosure = () =>
  useStep(({ measureId, summary }: { measureId: number; summary: string }) =>
    api.post<ClosureRequest>(`/api/measures/${measureId}/closure`, { summary }),
  );

export const useApproveClosure = () => useStep((closureId: number) => api.post<ClosureRequest>(`/api/closures/${closureId}/approve`, {}));

export const useRejectClosure = () =>
  useStep(({ closureId, reason }: { closureId: number; reason: string }) =>
    api.post<ClosureRequest>(`/api/closures/${closureId}/reject`, { reason }),
  );

export const useReopenMeasure = () =>
  useStep(({ measureId, reason }: { measureId: number; reason: string }) =>
    api.post<MeasureDetail>(`/api/measures/${measureId}/reopen`, { reason }),
  );
