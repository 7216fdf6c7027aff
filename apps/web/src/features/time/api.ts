import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Postponement, PostponementCreate, SupervisionNotice, SupervisionNoticeCreate, Timeline, TimeSummary } from '@rectify/domain';
import { api } from '../../api/client';

export const timeKeys = {
  summary: (roundId: number) => ['time', 'summary', roundId] as const,
  timeline: (roundId: number) => ['time', 'timeline', roundId] as const,
  notices: (measureId: number) => ['time', 'notices', measureId] as const,
};

export const timeSummaryQuery = (roundId: number) =>
  queryOptions({ queryKey: timeKeys.summary(roundId), queryFn: ({ signal }) => api.get<TimeSummary>(`/api/rounds/${roundId}/time-summary`, undefined, signal) });
export const useTimeSummary = (roundId: number) => useQuery(timeSummaryQuery(roundId));

export const useTimeline = (roundId: number) =>
  useQuery({ queryKey: timeKeys.timeline(roundId), queryFn: ({ signal }) => api.get<Timeline>(`/api/rounds/${roundId}/timeline`, undefined, signal) });

export const useMeasureNotices = (measureId: number) =>
  useQuery({ queryKey: timeKeys.notices(measureId), queryFn: ({ signal }) => api.get<SupervisionNotice[]>(`/api/measures/${measureId}/supervision-notices`, undefined, signal) });

/** After a postponement step or a notice: the measure, the lists, the time figures and the notifications are stale. */
function useTimeStep<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries() });
}

export const useRequestPostponement = () =>
  useTimeStep(({ measureId, body }: { measureId: number; body: PostponementCreate }) => api.post<Postponement>(`/api/measures/${measureId}/postponements`, body));

export const useDecidePostponement = () =>
  useTimeStep(({ id, decision, version, reason }: { id: number; decision: 'approve' | 'refuse'; version: number; reason?: string }) =>
    api.post<Postponement>(`/api/postponements/${id}/${decision}`, { version, ...(reason ? { reason } : {}) }),
  );

export const useIssueNotice = () =>
  useTimeStep(({ roundId, body }: { roundId: number; body: SupervisionNoticeCreate }) => api.post<SupervisionNotice>(`/api/rounds/${roundId}/supervision-notices`, body));
