import { useEffect } from 'react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { MyTaskCounts, MyTasks, NotificationItem, NotificationList } from '@rectify/domain';
import { api } from '../../api/client';
import { invalidateRectification } from '../../api/hooks';

export const workflowKeys = {
  notifications: ['notifications'] as const,
  tasks: (filter: TaskFilter) => ['me', 'tasks', 'list', filter] as const,
  taskCounts: ['me', 'tasks', 'counts'] as const,
  tasksAll: ['me', 'tasks'] as const,
  closures: (state: string) => ['closures', state] as const,
  closuresAll: ['closures'] as const,
  evidence: (measureId: number) => ['measures', 'evidence', measureId] as const,
  history: (measureId: number) => ['measures', 'history', measureId] as const,
  users: ['users'] as const,
};

/** After a workflow step every view of measures, tasks, closures and notifications may be stale. */
export async function invalidateWorkflow(client: QueryClient): Promise<void> {
  await Promise.all([
    invalidateRectification(client),
    client.invalidateQueries({ queryKey: workflowKeys.tasksAll }),
    client.invalidateQueries({ queryKey: workflowKeys.closuresAll }),
    client.invalidateQueries({ queryKey: workflowKeys.notifications }),
  ]);
}

export const NOTIFICATION_POLL_MS = 60_000;

export const useNotifications = () =>
  useQuery({
    queryKey: workflowKeys.notifications,
    queryFn: ({ signal }) => api.get<NotificationList>('/api/notifications', { limit: 30 }, signal),
    refetchInterval: NOTIFICATION_POLL_MS,
    staleTime: 5_000,
  });

/** What 我的任务 lists: closed measures too (after the open ones), only those due in the next 14 days. */
export interface TaskFilter {
  includeClosed: boolean;
  dueNext14: boolean;
}

/**
 * 我的任务, a page at a time (keyset) and filtered by the API: `fetchNextPage` while `hasNextPage`.
 * Each page carries the badge's counts and the filtered list's total.
 */
export const useMyTasks = (filter: TaskFilter) =>
  useInfiniteQuery({
    queryKey: workflowKeys.tasks(filter),
    queryFn: ({ signal, pageParam }) =>
      api.get<MyTasks>('/api/me/tasks', { includeClosed: filter.includeClosed || undefined, dueNext14: filter.dueNext14 || undefined, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // A filter changed: the list shown stays (dimmed) until the new one arrives, not a blank page.
    placeholderData: keepPreviousData,
    refetchInterval: NOTIFICATION_POLL_MS,
  });

/** The menu badge's counts, without the list (which can be long for a leader of many measures). */
export const useMyTaskCounts = (enabled = true) =>
  useQuery({
    queryKey: workflowKeys.taskCounts,
    queryFn: ({ signal }) => api.get<MyTaskCounts>('/api/me/tasks/counts', undefined, signal),
    enabled,
    refetchInterval: NOTIFICATION_POLL_MS,
  });

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<NotificationItem>(`/api/notifications/${id}/read`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: workflowKeys.notifications }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/api/notifications/read-all', {}),
    onSuccess: () => client.invalidateQueries({ queryKey: workflowKeys.notifications }),
  });
}

/**
 * Whatever anyone changes in the app may add a notification or move a task (a rejected closure,
 * a new assignment): after every successful mutation the bell and the task counts refetch.
 */
export function useRefreshAfterMutations(): void {
  const client = useQueryClient();
  useEffect(
    () =>
      client.getMutationCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'success') {
          void client.invalidateQueries({ queryKey: workflowKeys.notifications });
          void client.invalidateQueries({ queryKey: workflowKeys.tasksAll });
        }
      }),
    [client],
  );
}
