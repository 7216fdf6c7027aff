import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Meeting, MeetingCreate, MeetingUpdate, Regulation, RegulationCreate, RegulationUpdate } from '@rectify/domain';
import { api } from '../../api/client';
import { queryKeys } from '../../api/keys';
import { uploadFile } from '../../api/transfer';

export type RegisterKind = 'regulation' | 'meeting';

const keys = {
  regulations: (roundId: number) => ['registers', 'regulations', roundId] as const,
  meetings: (roundId: number) => ['registers', 'meetings', roundId] as const,
};

export const useRegulations = (roundId: number) =>
  useQuery({ queryKey: keys.regulations(roundId), queryFn: ({ signal }) => api.get<Regulation[]>(`/api/rounds/${roundId}/regulations`, undefined, signal) });

export const useMeetings = (roundId: number) =>
  useQuery({ queryKey: keys.meetings(roundId), queryFn: ({ signal }) => api.get<Meeting[]>(`/api/rounds/${roundId}/meetings`, undefined, signal) });

/** Every write refreshes the register, the records the dashboard counts, and the measures that name a rule. */
function useRegisterWrite<TVars, TResult>(roundId: number, fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['registers'] }),
        client.invalidateQueries({ queryKey: queryKeys.rounds.records(roundId) }),
        client.invalidateQueries({ queryKey: ['measures'] }),
      ]);
    },
  });
}

export const useCreateRegulation = (roundId: number) =>
  useRegisterWrite(roundId, (body: RegulationCreate) => api.post<Regulation>(`/api/rounds/${roundId}/regulations`, body));
export const useUpdateRegulation = (roundId: number) =>
  useRegisterWrite(roundId, ({ id, body }: { id: number; body: RegulationUpdate }) => api.patch<Regulation>(`/api/regulations/${id}`, body));
export const useCreateMeeting = (roundId: number) =>
  useRegisterWrite(roundId, (body: MeetingCreate) => api.post<Meeting>(`/api/rounds/${roundId}/meetings`, body));
export const useUpdateMeeting = (roundId: number) =>
  useRegisterWrite(roundId, ({ id, body }: { id: number; body: MeetingUpdate }) => api.patch<Meeting>(`/api/meetings/${id}`, body));
export const useDeleteRegisterRow = (roundId: number) =>
  useRegisterWrite(roundId, ({ kind, id, version }: { kind: RegisterKind; id: number; version: number }) =>
    api.delete<unknown>(`/api/${kind}s/${id}?version=${version}`),
  );
export const useUploadRegisterFile = (roundId: number) =>
  useRegisterWrite(roundId, ({ kind, id, version, file }: { kind: RegisterKind; id: number; version: number; file: File }) =>
    uploadFile<Regulation | Meeting>(`/api/${kind}s/${id}/file?version=${version}`, file, file.name),
  );

export const registerFileUrl = (kind: RegisterKind, id: number) => `/api/${kind}s/${id}/file`;
