import { PrismaNamespace as Sql, type Db, type Prisma } from '@rectify/db';
import { dueSoonSql, dueWithinSql, inRoundScopeWhere, overdueSql, roundScopeSql, type RoundScope, type TaskCounts } from '@rectify/domain';
import { measurePathInclude } from '../measures/mapper.js';
import { fragment, toNumber, type SqlCount } from '../../lib/sql.js';

/** Whose measures: the person leads them, or the department leads them (null: not that way). */
export interface TaskOwner {
  personId: number | null;
  departmentId: number | null;
}

/**
 * 我的任务: the list, and its counts for the menu badge in one statement over the account's open measures: each
 * column the SQL form of the rule the list applies to its rows (`overdueSql`, `dueSoonSql`,
 * `dueWithinSql`; rejected = in progress after its latest 申请销号 was turned down).
 */
export function createTaskRepository(db: Db) {
  return {
    /** The measures the owner answers for in the scope (closed ones too if asked), with their path and latest 申请销号. */
    list(owner: TaskOwner, scope: RoundScope, includeClosed: boolean) {
      const owners: Prisma.MeasureWhereInput[] = [
        ...(owner.personId ? [{ leaderId: owner.personId }] : []),
        ...(owner.departmentId ? [{ leadDepartmentId: owner.departmentId }] : []),
      ];
      if (!owners.length) return Promise.resolve([]);
      return db.measure.findMany({
        where: { OR: owners, ...inRoundScopeWhere(scope), ...(includeClosed ? {} : { status: { not: 'closed' } }) },
        include: {
          ...measurePathInclude,
          closureRequests: { orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }], take: 1, select: { id: true, state: true, reason: true, decidedAt: true } },
        },
      });
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
