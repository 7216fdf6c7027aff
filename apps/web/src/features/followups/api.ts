import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EvidenceItem, FollowUpCorrection, FollowUpCreate, FollowUpDetail, FollowUpItem, FollowUpOverview, FollowUpRecord, FollowUpUpdate, MeasureFollowUp } from '@rectify/domain';
import { api } from '../../api/client';
import { uploadFile } from '../../api/transfer';

export const followUpKeys = {
  round: (roundId: number) => ['followUps', 'round', roundId] as const,
  detail: (id: number) => ['followUps', 'detail', id] as const,
  measure: (measureId: number) => ['followUps', 'measure', measureId] as const,
};

/** The 回头看 items of one measure, as the API lists them for its page. */
export const useMeasureFollowUps = (measureId: number) =>
  useQuery({ queryKey: followUpKeys.measure(measureId), queryFn: ({ signal }) => api.get<MeasureFollowUp[]>(`/api/measures/${measureId}/follow-ups`, undefined, signal) });

export const roundFollowUpsQuery = (roundId: number) =>
  queryOptions({ queryKey: followUpKeys.round(roundId), queryFn: ({ signal }) => api.get<FollowUpOverview>(`/api/rounds/${roundId}/follow-ups`, undefined, signal) });
export const useRoundFollowUps = (roundId: number) => useQuery(roundFollowUpsQuery(roundId));

export const useFollowUp = (id: number) =>
  useQuery({ queryKey: followUpKeys.detail(id), queryFn: ({ signal }) => api.get<FollowUpDetail>(`/api/follow-ups/${id}`, undefined, signal) });

/** A 回头看 step changes measures (反弹 reopens one), the figures, the timeline and notifications: everything is stale. */
function useFollowUpStep<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries() });
}

export const useScheduleFollowUp = () =>
  useFollowUpStep(({ roundId, body }: { roundId: number; body: FollowUpCreate }) => api.post<FollowUpDetail>(`/api/rounds/${roundId}/follow-ups`, body));

export const useRecordFollowUp = () =>
  useFollowUpStep(({ itemId, body }: { itemId: number; body: FollowUpRecord }) => api.post<FollowUpItem>(`/api/follow-up-items/${itemId}/result`, body));

export const useUploadFollowUpEvidence = () =>
  useFollowUpStep(({ itemId, file }: { itemId: number; file: File }) => uploadFile<EvidenceItem>(`/api/follow-up-items/${itemId}/evidence`, file, file.name));

export const useUpdateFollowUp = () =>
  useFollowUpStep(({ id, body }: { id: number; body: FollowUpUpdate }) => api.patch<FollowUpDetail>(`/api/follow-ups/${id}`, body));

export const useDeleteFollowUp = () =>
  useFollowUpStep(({ id, version }: { id: number; version: number }) => api.delete<{ deleted: boolean; id: number }>(`/api/follow-ups/${id}?version=${version}`));

export const useCorrectFollowUp = () =>
  useFollowUpStep(({ itemId, body }: { itemId: number; body: FollowUpCorrection }) => api.patch<FollowUpItem>(`/api/follow-up-items/${itemId}`, body));
