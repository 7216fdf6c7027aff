import {
  dueWithinWhere,
  isDueSoon,
  isDueWithin,
  toMeasureKind,
  toMeasureStatus,
  roundScope,
  toClosureState,
  type MyTaskCounts,
  type MyTasks,
  type TaskItem,
  type TasksQuery,
} from '@rectify/domain';
import type { Db } from '@rectify/db';
import type { Clock } from '../../lib/clock.js';
import type { RequestActor } from '../../lib/actor.js';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../lib/keyset.js';
import { toMeasureListItem } from '../measures/mapper.js';
import { DUE_SOON_DAYS } from '../notifications/service.js';
import { createTaskRepository, TASK_KEY_KINDS, taskKeyOf } from './repository.js';

/** The window of the "due in the next 14 days" figure and filter (the dashboard's). */
const DUE_NEXT_DAYS = 14;

/**
 * 我的任务: the measures the signed-in account answers for — it leads them, or its person belongs to
 * their lead department (the same rule as `answersFor` in the policy) — overdue first (longest
 * overdue first), then by deadline, undated last; closed ones, when asked, after them. A page at a
 * time (keyset), filtered in the database.
 */
export function createTaskService({ db, clock }: { db: Db; clock: Clock }) {
  const repo = createTaskRepository(db);
  return {
    /** The menu badge's counts (open measures only), counted by the database. */
    async counts(actor: RequestActor): Promise<MyTaskCounts> {
      const today = clock.today();
      return { today, counts: await repo.counts(actor, roundScope(actor), today, DUE_SOON_DAYS) };
    },

    async mine(actor: RequestActor, query: TasksQuery): Promise<MyTasks> {
      const today = clock.today();
      const includeClosed = query.includeClosed ?? false;
      const dueNext14 = query.dueNext14 ?? false;
      const limit = query.limit ?? DEFAULT_LIMIT;
      // The filters name the list: a cursor of another one is refused, not misread.
      const cursorScope = `tasks:${includeClosed ? 'all' : 'open'}:${dueNext14 ? 'next14' : 'any'}`;
      const after = decodeCursor(query.cursor, cursorScope, TASK_KEY_KINDS);
      const scope = roundScope(actor);
      const filter = dueNext14 ? dueWithinWhere(today, DUE_NEXT_DAYS) : {};
      // The counts are the menu badge's, from its one statement (open measures, unfiltered).
      const [counts, total, rows] = await Promise.all([
        repo.counts(actor, scope, today, DUE_SOON_DAYS),
        repo.count(actor, scope, filter, includeClosed),
        repo.page(actor, scope, filter, includeClosed, after, limit + 1),
      ]);
      const page = pageOf(rows, limit, cursorScope, taskKeyOf, (r): TaskItem => {
        const latest = r.closureRequests[0];
        const facts = { status: toMeasureStatus(r.status), kind: toMeasureKind(r.kind), deadline: r.deadline };
        return {
          ...toMeasureListItem(r, today),
          dueSoon: isDueSoon(facts, today, DUE_SOON_DAYS),
          dueNext14: isDueWithin(facts, today, DUE_NEXT_DAYS),
          latestClosure: latest
            ? { id: latest.id, state: toClosureState(latest.state), reason: latest.reason, decidedAt: latest.decidedAt?.toISOString() ?? null }
            : null,
        };
      }, total);
      return { today, counts, ...page };
    },
  };
}
