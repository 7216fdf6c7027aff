import { isDueSoon, isDueWithin, toMeasureKind, toMeasureStatus, roundScope, toClosureState, type MyTaskCounts, type MyTasks, type TaskItem } from '@rectify/domain';
import type { Db } from '@rectify/db';
import type { Clock } from '../../lib/clock.js';
import type { RequestActor } from '../../lib/actor.js';
import { toMeasureListItem } from '../measures/mapper.js';
import { DUE_SOON_DAYS } from '../notifications/service.js';
import { createTaskRepository } from './repository.js';

/**
 * 我的任务: the measures the signed-in account answers for — it leads them, or its person belongs to
 * their lead department (the same rule as `answersFor` in the policy) — overdue first (longest
 * overdue first), then by deadline, undated last.
 */
export function createTaskService({ db, clock }: { db: Db; clock: Clock }) {
  const repo = createTaskRepository(db);
  return {
    /** The menu badge's counts (open measures only), counted by the database. */
    async counts(actor: RequestActor): Promise<MyTaskCounts> {
      const today = clock.today();
      return { today, counts: await repo.counts(actor, roundScope(actor), today, DUE_SOON_DAYS) };
    },

    async mine(actor: RequestActor, { includeClosed = false }: { includeClosed?: boolean }): Promise<MyTasks> {
      const today = clock.today();
      // The same counts as the menu's badge, from the same statement (open measures only).
      const [counts, rows] = await Promise.all([
        repo.counts(actor, roundScope(actor), today, DUE_SOON_DAYS),
        repo.list(actor, roundScope(actor), includeClosed),
      ]);
      const items: TaskItem[] = rows.map((r) => {
        const latest = r.closureRequests[0];
        const facts = { status: toMeasureStatus(r.status), kind: toMeasureKind(r.kind), deadline: r.deadline };
        return {
          ...toMeasureListItem(r, today),
          dueSoon: isDueSoon(facts, today, DUE_SOON_DAYS),
          dueNext14: isDueWithin(facts, today, 14),
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
      return { today, counts, items };
    },
  };
}
