import { PrismaNamespace as Sql, type Db } from '@rectify/db';
import { roundScopeSql, type RoundScope } from '@rectify/domain';
import { fragment, toNumber, type SqlCount } from '../../lib/sql.js';

export type AuditRow = { id: number; at: Date; actorUserId: number | null; actorName: string | null; entity: string; entityId: number; measureId: number | null; action: string; changes: string };

/**
 * The audit log as a scope sees it. The log has no foreign keys (it outlives what it describes), so
 * a row belongs to a round through what it names: its measure, or the round, category, problem,
 * manifestation, regulation or meeting it is about, or the unit's person, department or account. Rows of deleted rows and of
 * accounts drop out of a unit's view (fail closed); admin and supervisor read the whole log.
 */
export function createAuditRepository(db: Db) {
  function visible(scope: RoundScope) {
    const r = fragment(roundScopeSql(scope, 'r'));
    const unitPeople =
      scope.kind === 'unit' && scope.organizationId !== null
        ? Sql.sql`
          OR (a."entity" = 'person' AND EXISTS (SELECT 1 FROM "Person" p WHERE p."id" = a."entityId" AND p."organizationId" = ${scope.organizationId}))
          OR (a."entity" = 'department' AND EXISTS (SELECT 1 FROM "Department" d WHERE d."id" = a."entityId" AND d."organizationId" = ${scope.organizationId}))
          OR (a."entity" = 'user' AND EXISTS (SELECT 1 FROM "User" uu WHERE uu."id" = a."entityId" AND uu."organizationId" = ${scope.organizationId}))`
        : Sql.empty;
    return Sql.sql`(
      EXISTS (SELECT 1 FROM "Measure" m JOIN "InspectionRound" r ON r."id" = m."roundId" WHERE m."id" = a."measureId" AND ${r})
      OR (a."entity" = 'round' AND EXISTS (SELECT 1 FROM "InspectionRound" r WHERE r."id" = a."entityId" AND ${r}))
      OR (a."entity" = 'category' AND EXISTS (SELECT 1 FROM "Category" c JOIN "InspectionRound" r ON r."id" = c."roundId" WHERE c."id" = a."entityId" AND ${r}))
      OR (a."entity" = 'problem' AND EXISTS (SELECT 1 FROM "Problem" p JOIN "InspectionRound" r ON r."id" = p."roundId" WHERE p."id" = a."entityId" AND ${r}))
      OR (a."entity" = 'public_page' AND EXISTS (SELECT 1 FROM "PublicPage" pp JOIN "InspectionRound" r ON r."id" = pp."roundId" WHERE pp."id" = a."entityId" AND ${r}))
      OR (a."entity" = 'public_opinion' AND EXISTS (SELECT 1 FROM "PublicOpinion" po JOIN "InspectionRound" r ON r."id" = po."roundId" WHERE po."id" = a."entityId" AND ${r}))
      OR (a."entity" = 'manifestation' AND EXISTS (SELECT 1 FROM "Manifestation" x JOIN "Problem" p ON p."id" = x."problemId" JOIN "InspectionRound" r ON r."id" = p."roundId" WHERE x."id" = a."entityId" AND ${r}))
      OR (a."entity" = 'regulation' AND EXISTS (SELECT 1 FROM "Regulation" g JOIN "InspectionRound" r ON r."id" = g."roundId" WHERE g."id" = a."entityId" AND ${r}))
      OR (a."entity" = 'meeting' AND EXISTS (SELECT 1 FROM "Meeting" g JOIN "InspectionRound" r ON r."id" = g."roundId" WHERE g."id" = a."entityId" AND ${r}))
      OR (a."entity" = 'leading_group_member' AND EXISTS (SELECT 1 FROM "LeadingGroupMember" g JOIN "InspectionRound" r ON r."id" = g."roundId" WHERE g."id" = a."entityId" AND ${r}))
      ${unitPeople}
    )`;
  }

  return {
    /**
     * `take` rows of the log the scope sees, newest first, after the row `afterId` (keyset on
     * (at, id); the cursor row's own `at` is read in the statement, so no date crosses the driver),
     * and how many there are in all.
     */
    async page(scope: RoundScope, filter: { entity?: string; id?: number }, afterId: number | null, take: number): Promise<{ rows: AuditRow[]; total: number }> {
      const conditions = [
        ...(filter.entity ? [Sql.sql`a."entity" = ${filter.entity}`] : []),
        ...(filter.id ? [Sql.sql`a."entityId" = ${filter.id}`] : []),
        ...(scope.kind === 'all' ? [] : [visible(scope)]),
      ];
      const where = conditions.length ? Sql.sql`WHERE ${Sql.join(conditions, ' AND ')}` : Sql.empty;
      const keyset =
        afterId === null
          ? Sql.empty
          : Sql.sql`${conditions.length ? Sql.raw('AND') : Sql.raw('WHERE')} (a."at" < (SELECT c."at" FROM "AuditLog" c WHERE c."id" = ${afterId})
              OR (a."at" = (SELECT c."at" FROM "AuditLog" c WHERE c."id" = ${afterId}) AND a."id" < ${afterId}))`;
      const [count, rows] = await Promise.all([
        db.$queryRaw<{ n: SqlCount }[]>`SELECT COUNT(*) AS "n" FROM "AuditLog" a ${where}`,
        db.$queryRaw<AuditRow[]>`
          SELECT a."id", a."at", a."actorUserId", a."actorName", a."entity", a."entityId", a."measureId", a."action", a."changes"
            FROM "AuditLog" a ${where} ${keyset}
           ORDER BY a."at" DESC, a."id" DESC
           LIMIT ${take}`,
      ]);
      return { rows: rows.map((row) => ({ ...row, id: toNumber(row.id), entityId: toNumber(row.entityId), measureId: row.measureId === null ? null : toNumber(row.measureId), actorUserId: row.actorUserId === null ? null : toNumber(row.actorUserId), at: new Date(row.at) })), total: toNumber(count[0]?.n ?? 0) };
    },
  };
}
