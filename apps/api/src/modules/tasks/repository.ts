import { PrismaNamespace as Sql, type Db, type Prisma } from '@rectify/db';
import { dueSoonSql, dueWithinSql, inRoundScopeWhere, overdueSql, roundScopeSql, type RoundScope, type TaskCounts } from '@rectify/domain';
import { measurePathInclude } from '../measures/mapper.js';
import { measureSortKeys, measureSortOrder } from '../measures/repository.js';
import { afterWhere, int, invalidCursor, type KeyKind, type KeyValue } from '../../lib/keyset.js';
import { fragment, toNumber, type SqlCount } from '../../lib/sql.js';

/** Whose measures: the person leads them, or the department leads them (null: not that way). */
export interface TaskOwner {
  personId: number | null;
  departmentId: number | null;
}

type Where = Prisma.MeasureWhereInput;

/**
 * A task's key in the list's order: open (0) or closed (1), then the measure list's deadline sort
 * (deadline ascending, undated last, then id). Among open measures that order is "overdue first,
 * longest overdue first, then by deadline": `isOverdue` is an open measure with a deadline before
 * today, whatever its kind, so every overdue one sorts before every one that is not.
 */
export const TASK_KEY_KINDS: KeyKind[] = ['int', 'string?', 'int'];
export const taskKeyOf = (row: { status: string; deadline: string | null; id: number }): KeyValue[] => [row.status === 'closed' ? 1 : 0, row.deadline, row.id];

/** The owner's measures as a Prisma condition; null when the account answers for none. */
function ownerWhere(owner: TaskOwner): Where | null {
  const owners: Where[] = [
    ...(owner.personId ? [{ leaderId: owner.personId }] : []),
    ...(owner.departmentId ? [{ leadDepartmentId: owner.departmentId }] : []),
  ];
  return owners.length ? { OR: owners } : null;
}

const OPEN: Where = { status: { not: 'closed' } };
const CLOSED: Where = { status: 'closed' };

/**
 * 我的任务: a page of the list, its size, and its counts for the menu badge in one statement over
 * the account's open measures: each column the SQL form of the rule the list applies to its rows
 * (`overdueSql`, `dueSoonSql`, `dueWithinSql`; rejected = in progress after its latest 申请销号 was
 * turned down).
 */
export function createTaskRepository(db: Db) {
  const deadlineOrder = measureSortOrder('deadline', 'asc');
  const deadlineKeys = measureSortKeys('deadline');
  return {
    /**
     * `take` of the measures the owner answers for in the scope matching `filter`, after the key
     * `after` (see `taskKeyOf`), with their path and latest 申请销号: open ones, then (if asked)
     * closed ones — two statements when a page reaches from one into the other.
     */
    async page(owner: TaskOwner, scope: RoundScope, filter: Where, includeClosed: boolean, after: readonly KeyValue[] | null, take: number) {
      const rank = after ? int(after[0] ?? null) : 0;
      if (rank !== 0 && !(rank === 1 && includeClosed)) throw invalidCursor();
      const owned = ownerWhere(owner);
      if (!owned) return [];
      const part = (status: Where, key: readonly KeyValue[] | null, n: number) =>
        db.measure.findMany({
          where: { AND: [owned, inRoundScopeWhere(scope), filter, status, ...(key ? [afterWhere(deadlineKeys, key, 'asc')] : [])] },
          include: {
            ...measurePathInclude,
            closureRequests: { orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }], take: 1, select: { id: true, state: true, reason: true, decidedAt: true } },
          },
          orderBy: deadlineOrder,
          take: n,
        });
      const rows: Awaited<ReturnType<typeof part>> = rank === 0 ? await part(OPEN, after ? after.slice(1) : null, take) : [];
      if (includeClosed && rows.length < take) rows.push(...(await part(CLOSED, rank === 1 && after ? after.slice(1) : null, take - rows.length)));
      return rows;
    },

    /** How many measures the list holds (`page`'s condition): one COUNT. */
    count(owner: TaskOwner, scope: RoundScope, filter: Where, includeClosed: boolean): Promise<number> {
      const owned = ownerWhere(owner);
      if (!owned) return Promise.resolve(0);
      return db.measure.count({ where: { AND: [owned, inRoundScopeWhere(scope), filter, ...(includeClosed ? [] : [OPEN])] } });
    },

    async counts(owner: TaskOwner, scope: RoundScope, today: string, dueSoonDays: number): Promise<TaskCounts> {
      const owners: ReturnType<typeof Sql.sql>[] = [];
      if (owner.personId) owners.push(Sql.sql`m."leaderId" = ${owner.personId}`);
      if (owner.departmentId) owners.push(Sql.sql`m."leadDepartmentId" = ${owner.departmentId}`);
      if (!owners.length) return { total: 0, overdue: 0, dueSoon: 0, dueNext14: 0, pendingClosure: 0, rejected: 0 };
      const inScope = scope.kind === 'all' ? Sql.sql`1 = 1` : Sql.sql`EXISTS (SELECT 1 FROM "InspectionRound" sr WHERE sr."id" = m."roundId" AND ${fragment(roundScopeSql(scope, 'sr'))})`;
      const [row] = await db.$queryRaw<Record<keyof TaskCounts, SqlCount>[]>`
        SELECT COUNT(m."id") AS "total",
               SUM(CASE WHEN ${fragment(overdueSql(today))} THEN 1 ELSE 0 END) AS "overdue",
               SUM(CASE WHEN ${fragment(dueSoonSql(today, dueSoonDays))} THEN 1 ELSE 0 END) AS "dueSoon",
               SUM(CASE WHEN ${fragment(dueWithinSql(today, 14))} THEN 1 ELSE 0 END) AS "dueNext14",
               SUM(CASE WHEN m."status" = 'pending_closure' THEN 1 ELSE 0 END) AS "pendingClosure",
               SUM(CASE WHEN m."status" = 'in_progress' AND (
                     SELECT c."state" FROM "ClosureRequest" c WHERE c."measureId" = m."id"
                      ORDER BY c."requestedAt" DESC, c."id" DESC LIMIT 1) = 'rejected' THEN 1 ELSE 0 END) AS "rejected"
          FROM "Measure" m
         WHERE m."status" <> 'closed' AND (${Sql.join(owners, ' OR ')}) AND ${inScope}`;
      return {
        total: toNumber(row?.total ?? 0),
        overdue: toNumber(row?.overdue ?? 0),
        dueSoon: toNumber(row?.dueSoon ?? 0),
        dueNext14: toNumber(row?.dueNext14 ?? 0),
        pendingClosure: toNumber(row?.pendingClosure ?? 0),
        rejected: toNumber(row?.rejected ?? 0),
      };
    },
  };
}
