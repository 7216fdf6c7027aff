import { PrismaNamespace as Sql, type Db, type Prisma } from '@rectify/db';
import {
  addDays,
  todayInShanghai,
  toMeasureStatusValue,
  warningLevelSql,
  type HistoryEvent,
  type SqlDialect,
  type WarningLevel,
} from '@rectify/domain';

/**
 * The time dimension's queries: warning levels counted in SQL with the rule's SQL form
 * (packages/domain warningLevelSql), the timeline's rows, and the dated history the burn-up replays.
 */

type Count = number | bigint | null;
const n = (v: Count) => Number(v ?? 0);

export interface TimeCounts {
  levels: Record<WarningLevel, number>;
  postponed: number;
  pendingPostponements: number;
  dueNext14: number;
  longTerm: number;
  checkInsMissed: number;
}

/** One statement: every figure of the round's time summary as conditional sums. */
export async function timeCounts(db: Db, dialect: SqlDialect, roundId: number, today: string): Promise<TimeCounts> {
  const level = Sql.raw(warningLevelSql(dialect, today));
  const horizon = addDays(today, 14);
  const rows = await db.$queryRaw<Record<string, Count>[]>`
    SELECT
      SUM(CASE WHEN w."level" = 'none' THEN 1 ELSE 0 END) AS "none",
      SUM(CASE WHEN w."level" = 'due_soon' THEN 1 ELSE 0 END) AS "due_soon",
      SUM(CASE WHEN w."level" = 'urgent' THEN 1 ELSE 0 END) AS "urgent",
      SUM(CASE WHEN w."level" = 'overdue' THEN 1 ELSE 0 END) AS "overdue",
      SUM(CASE WHEN w."postponementCount" > 0 THEN 1 ELSE 0 END) AS "postponed",
      SUM(CASE WHEN w."kind" = 'long_term' THEN 1 ELSE 0 END) AS "longTerm",
      SUM(CASE WHEN w."kind" = 'long_term' AND w."level" = 'overdue' THEN 1 ELSE 0 END) AS "checkInsMissed",
      SUM(CASE WHEN w."status" <> 'closed' AND w."kind" <> 'long_term' AND w."deadline" >= ${today} AND w."deadline" <= ${horizon} THEN 1 ELSE 0 END) AS "dueNext14",
      (SELECT COUNT(*) FROM "Postponement" p JOIN "Measure" pm ON pm."id" = p."measureId" WHERE pm."roundId" = ${roundId} AND p."state" = 'pending') AS "pendingPostponements"
    FROM (
      SELECT ${level} AS "level", m."postponementCount", m."kind", m."status", m."deadline"
        FROM "Measure" m JOIN "InspectionRound" r ON r."id" = m."roundId"
       WHERE m."roundId" = ${roundId}
    ) w`;
  const row = rows[0] ?? {};
  return {
    levels: { none: n(row.none ?? 0), due_soon: n(row.due_soon ?? 0), urgent: n(row.urgent ?? 0), overdue: n(row.overdue ?? 0) },
    postponed: n(row.postponed ?? 0),
    pendingPostponements: n(row.pendingPostponements ?? 0),
    dueNext14: n(row.dueNext14 ?? 0),
    longTerm: n(row.longTerm ?? 0),
    checkInsMissed: n(row.checkInsMissed ?? 0),
  };
}

/** Each measure's level as the database computes it (the tests hold it against the pure rule). */
export async function warningLevelsInSql(db: Db, dialect: SqlDialect, roundId: number, today: string): Promise<Map<number, WarningLevel>> {
  const level = Sql.raw(warningLevelSql(dialect, today));
  const rows = await db.$queryRaw<{ id: number; level: WarningLevel }[]>`
    SELECT m."id" AS "id", ${level} AS "level"
      FROM "Measure" m JOIN "InspectionRound" r ON r."id" = m."roundId"
     WHERE m."roundId" = ${roundId}`;
  return new Map(rows.map((r) => [Number(r.id), r.level]));
}

export const timelineSelect = {
  id: true, ordinal: true, text: true, kind: true, status: true, deadline: true, startDate: true, originalDeadline: true,
  postponementCount: true, completedDate: true, progress: true, createdAt: true, demo: true, checkInCadence: true, lastCheckInOn: true,
  leader: { select: { id: true, name: true } },
  leadDepartment: { select: { id: true, name: true } },
  problem: { select: { id: true, ordinal: true, title: true, category: { select: { id: true, ordinal: true, title: true } } } },
} as const satisfies Prisma.MeasureSelect;

/** The round's measures in tree order, with what a bar needs. */
export async function timelineMeasures(db: Db, roundId: number) {
  return db.measure.findMany({
    where: { roundId },
    select: timelineSelect,
    orderBy: [{ problem: { category: { ordinal: 'asc' } } }, { problem: { ordinal: 'asc' } }, { ordinal: 'asc' }, { id: 'asc' }],
  });
}

/**
 * The status changes of the round's measures as the audit log holds them, oldest first: its
 * measures' rows, and those of measures deleted since (their create and delete records name the
 * round). Only rows that say something about existence or status are read.
 */
export async function measureStatusEvents(db: Db, roundId: number): Promise<HistoryEvent[]> {
  const createdIn = `%"roundId":{"before":null,"after":${roundId}}%`;
  const deletedFrom = `%"roundId":{"before":${roundId},"after":null}%`;
  const rows = await db.$queryRaw<{ at: Date | string; entityId: number; action: string; changes: string }[]>`
    SELECT a."at" AS "at", a."entityId" AS "entityId", a."action" AS "action", a."changes" AS "changes"
      FROM "AuditLog" a
     WHERE a."entity" = 'measure'
       AND (a."action" IN ('create', 'delete') OR a."changes" LIKE '%"status":%')
       AND (a."entityId" IN (SELECT m."id" FROM "Measure" m WHERE m."roundId" = ${roundId})
            OR a."changes" LIKE ${createdIn} OR a."changes" LIKE ${deletedFrom})
     ORDER BY a."at", a."id"`;
  const events: HistoryEvent[] = [];
  for (const r of rows) {
    const changes = JSON.parse(r.changes) as Record<string, { before: unknown; after: unknown } | undefined>;
    const status = changes.status;
    const type: HistoryEvent['type'] = r.action === 'create' ? 'create' : r.action === 'delete' ? 'delete' : 'update';
    if (type === 'update' && !status) continue;
    events.push({
      date: todayInShanghai(r.at instanceof Date ? r.at : new Date(r.at)),
      measureId: Number(r.entityId),
      type,
      statusBefore: toMeasureStatusValue(status?.before),
      statusAfter: type === 'delete' ? null : toMeasureStatusValue(status?.after),
    });
  }
  return events;
}
