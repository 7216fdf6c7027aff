import type { TaskCounts } from '@rectify/domain';

export type TaskTone = 'overdue' | 'dueSoon';

/** How a task row stands out: overdue ones red, those due within 7 days amber, closed ones not. */
export function taskRowTone(task: { overdue: boolean; dueSoon: boolean; status: string }): TaskTone | null {
  if (task.status === 'closed') return null;
  if (task.overdue) return 'overdue';
  if (task.dueSoon) return 'dueSoon';
  return null;
}

export const rowBackground: Record<TaskTone, string> = { overdue: '#fff1f0', dueSoon: '#fff7e6' };

/** The menu badge: "overdue/total" when something is overdue, else the total; nothing for none. */
export function taskBadge(counts: TaskCounts | undefined): { text: string; danger: boolean } | null {
  if (!counts || counts.total === 0) return null;
  return counts.overdue > 0 ? { text: `${counts.overdue}/${counts.total}`, danger: true } : { text: String(counts.total), danger: false };
}
