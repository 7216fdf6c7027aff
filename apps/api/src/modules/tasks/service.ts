import { addDays, inRoundScopeWhere, isDueWithin, isOverdue, toMeasureKind, toMeasureStatus, roundScope, toClosureState, type MyTasks, type TaskItem } from '@rectify/domain';
import type { Db, Prisma } from '@rectify/db';
import type { Clock } from '../../lib/clock.js';
import type { RequestActor } from '../../lib/actor.js';
import { measurePathInclude, toMeasureListItem } from '../measures/mapper.js';
import { DUE_SOON_DAYS } from '../notifications/service.js';

/**
 * 我的任务: the measures the signed-in account answers for — it leads them, or its person belongs to
 * their lead department (the same rule as `answersFor` in the policy) — overdue first (longest
 * overdue first), then by deadline, undated last.
 */
export function createTaskService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    async mine(actor: RequestActor, { includeClosed = false }: { includeClosed?: boolean }): Promise<MyTasks> {
      const today = clock.today();
      const owners: Prisma.MeasureWhereInput[] = [
        ...(actor.personId ? [{ leaderId: actor.personId }] : []),
        ...(actor.departmentId ? [{ leadDepartmentId: actor.departmentId }] : []),
      ];
      const empty = { today, counts: { total: 0, overdue: 0, dueSoon: 0, dueNext14: 0, pendingClosure: 0, rejected: 0 }, items: [] };
      if (!owners.length) return empty;
      const rows = await db.measure.findMany({
        where: { OR: owners, ...inRoundScopeWhere(roundScope(actor)), ...(includeClosed ? {} : { status: { not: 'closed' } }) },
        include: {
          ...measurePathInclude,
          closureRequests: { orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }], take: 1, select: { id: true, state: true, reason: true, decidedAt: true } },
        },
      });
      const horizon = addDays(today, DUE_SOON_DAYS);
      const items: TaskItem[] = rows.map((r) => {
        const latest = r.closureRequests[0];
        const open = r.status !== 'closed';
        return {
          ...toMeasureListItem(r, today),
          dueSoon: open && r.deadline !== null && r.deadline >= today && r.deadline <= horizon,
          dueNext14: isDueWithin({ status: toMeasureStatus(r.status), kind: toMeasureKind(r.kind), deadline: r.deadline }, today, 14),
          latestClosure: latest
            ? { id: latest.id, state: toClosureState(latest.state), reason: latest.reason, decidedAt: latest.decidedAt?.toISOString() ?? null }
            : null,
        };
      });
      const rank = (t: TaskItem) => (t.overdue ? 0 : t.status === 'closed' ? 2 : 1);
      items.sort(
        (a, b) =>
          rank(a) - rank(b) ||
          (a.deadline ?? '9999-12-31').localeCompare(b.deadline ?? '9999-12-31') ||
          a.id - b.id,
      );
      const open = items.filter((t) => t.status !== 'closed');
      return {
        today,
        counts: {
          total: open.length,
          overdue: open.filter((t) => isOverdue(t, today)).length,
          dueSoon: open.filter((t) => t.dueSoon).length,
          dueNext14: open.filter((t) => t.dueNext14).length,
          pendingClosure: open.filter((t) => t.status === 'pending_closure').length,
          rejected: open.filter((t) => t.latestClosure?.state === 'rejected' && t.status === 'in_progress').length,
        },
        items,
      };
    },
  };
}
