import { PrismaNamespace as Sql, type Db } from '@rectify/db';
import { overdueSql, roundScopeSql, warningLevelSql, type ProgrammeQuery, type RoundScope, type SqlDialect } from '@rectify/domain';
import { fragment, ratingColumns, toNumber, type SqlCount } from '../../lib/sql.js';

export interface ProgrammeSqlRow {
  roundId: SqlCount;
  committee: string;
  roundName: string;
  groupName: string;
  feedbackDate: string | null;
  rectificationDeadline: string | null;
  reportState: string;
  demo: boolean | number;
  unitId: SqlCount;
  unitName: string;
  unitType: string | null;
  measures: SqlCount;
  closed: SqlCount;
  inProgress: SqlCount;
  overdue: SqlCount;
  postponed: SqlCount;
  dueSoon: SqlCount;
  urgent: SqlCount;
  warnOverdue: SqlCount;
  lastActivity: Date | string | number | null;
  opinions: SqlCount;
  satisfied: SqlCount;
  basicallySatisfied: SqlCount;
  dissatisfied: SqlCount;
}

/**
 * The programme view's figures: one grouped statement over the rounds the scope sees (the scope's
 * SQL form), each round's measures counted by conditional sums, the warning levels by the rule's
 * SQL form; the public page's ratings (群众监督) counted per round in a grouped subquery, joined once
 * per round. No row is loaded to be counted.
 */
export function createProgrammeRepository(db: Db, dialect: SqlDialect) {
  return {
    async rows(scope: RoundScope, filter: ProgrammeQuery, today: string): Promise<ProgrammeSqlRow[]> {
      const level = Sql.raw(warningLevelSql(dialect, today));
      const conditions = [
        fragment(roundScopeSql(scope, 'r')),
        ...(filter.committee ? [Sql.sql`r."committee" = ${filter.committee}`] : []),
        ...(filter.roundName ? [Sql.sql`r."roundName" = ${filter.roundName}`] : []),
        ...(filter.year ? [Sql.sql`SUBSTR(r."feedbackDate", 1, 4) = ${String(filter.year)}`] : []),
        ...(filter.unitType ? [Sql.sql`o."unitType" = ${filter.unitType}`] : []),
      ];
      return db.$queryRaw<ProgrammeSqlRow[]>`
        SELECT r."id" AS "roundId", r."committee" AS "committee", r."roundName" AS "roundName", r."groupName" AS "groupName",
               r."feedbackDate" AS "feedbackDate", r."rectificationDeadline" AS "rectificationDeadline", r."reportState" AS "reportState", r."demo" AS "demo",
               o."id" AS "unitId", o."name" AS "unitName", o."unitType" AS "unitType",
               COUNT(m."id") AS "measures",
               SUM(CASE WHEN m."status" = 'closed' THEN 1 ELSE 0 END) AS "closed",
               SUM(CASE WHEN m."status" IN ('in_progress', 'pending_closure') THEN 1 ELSE 0 END) AS "inProgress",
               SUM(CASE WHEN ${fragment(overdueSql(today))} THEN 1 ELSE 0 END) AS "overdue",
               SUM(CASE WHEN m."postponementCount" > 0 THEN 1 ELSE 0 END) AS "postponed",
               SUM(CASE WHEN m."id" IS NOT NULL AND ${level} = 'due_soon' THEN 1 ELSE 0 END) AS "dueSoon",
               SUM(CASE WHEN m."id" IS NOT NULL AND ${level} = 'urgent' THEN 1 ELSE 0 END) AS "urgent",
               SUM(CASE WHEN m."id" IS NOT NULL AND ${level} = 'overdue' THEN 1 ELSE 0 END) AS "warnOverdue",
               MAX(m."updatedAt") AS "lastActivity",
               MAX(pr."opinions") AS "opinions", MAX(pr."satisfied") AS "satisfied",
               MAX(pr."basicallySatisfied") AS "basicallySatisfied", MAX(pr."dissatisfied") AS "dissatisfied"
          FROM "InspectionRound" r
          JOIN "Organization" o ON o."id" = r."inspectedUnitId"
          LEFT JOIN "Measure" m ON m."roundId" = r."id"
          LEFT JOIN (SELECT o."roundId" AS "roundId", ${ratingColumns} FROM "PublicOpinion" o GROUP BY o."roundId") pr ON pr."roundId" = r."id"
         WHERE ${Sql.join(conditions, ' AND ')}
         GROUP BY r."id", r."committee", r."roundName", r."groupName", r."feedbackDate", r."rectificationDeadline", r."reportState", r."demo",
                  o."id", o."name", o."unitType"
         ORDER BY r."id"`;
    },

    /** The filter values over every round the scope sees. */
    async options(scope: RoundScope) {
      const rows = await db.$queryRaw<{ committee: string; roundName: string; year: string | null; unitType: string | null }[]>`
        SELECT DISTINCT r."committee" AS "committee", r."roundName" AS "roundName", SUBSTR(r."feedbackDate", 1, 4) AS "year", o."unitType" AS "unitType"
          FROM "InspectionRound" r JOIN "Organization" o ON o."id" = r."inspectedUnitId"
         WHERE ${fragment(roundScopeSql(scope, 'r'))}`;
      return rows;
    },
  };
}

export const count = (v: SqlCount) => toNumber(v);
