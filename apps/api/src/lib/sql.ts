import { PrismaNamespace as Sql } from '@rectify/db';
import { emptyCounts, overdueSql, type ProgressCounts, type RatingCounts, type SqlFragment } from '@rectify/domain';

/** A fragment written in packages/domain (a rule's SQL form) as a Prisma.Sql to embed in `$queryRaw`. */
export const fragment = (f: SqlFragment) => new Sql.Sql(f.strings, f.values);

/** Columns of ProgressCounts as conditional sums over `Measure m` (the same text on SQLite and PostgreSQL). */
export function countColumns(today: string) {
  return Sql.sql`COUNT(m."id") AS "total",
    SUM(CASE WHEN m."status" = 'closed' THEN 1 ELSE 0 END) AS "closed",
    SUM(CASE WHEN m."status" = 'in_progress' THEN 1 ELSE 0 END) AS "inProgress",
    SUM(CASE WHEN m."status" = 'not_started' THEN 1 ELSE 0 END) AS "notStarted",
    SUM(CASE WHEN m."status" = 'pending_closure' THEN 1 ELSE 0 END) AS "pendingClosure",
    SUM(CASE WHEN ${fragment(overdueSql(today))} THEN 1 ELSE 0 END) AS "overdue"`;
}

/** What a driver returns for a count: a number, a bigint (PostgreSQL int8), or NULL (SUM of no rows). */
export type SqlCount = number | bigint | null;
export type CountRow = Record<keyof ProgressCounts, SqlCount>;

export const toNumber = (value: SqlCount | string): number => Number(value ?? 0);

export function toCounts(row: CountRow | undefined): ProgressCounts {
  if (!row) return emptyCounts();
  return {
    total: toNumber(row.total),
    closed: toNumber(row.closed),
    inProgress: toNumber(row.inProgress),
    notStarted: toNumber(row.notStarted),
    pendingClosure: toNumber(row.pendingClosure),
    overdue: toNumber(row.overdue),
  };
}

/**
 * 群众监督: the ratings and opinions of `PublicOpinion o` as conditional sums (the same text on
 * SQLite and PostgreSQL); the round summary and the programme view group them by round.
 */
export const ratingColumns = Sql.sql`COUNT(o."id") AS "opinions",
    SUM(CASE WHEN o."rating" = 'satisfied' THEN 1 ELSE 0 END) AS "satisfied",
    SUM(CASE WHEN o."rating" = 'basically_satisfied' THEN 1 ELSE 0 END) AS "basicallySatisfied",
    SUM(CASE WHEN o."rating" = 'dissatisfied' THEN 1 ELSE 0 END) AS "dissatisfied"`;

export type RatingRow = Record<'opinions' | 'satisfied' | 'basicallySatisfied' | 'dissatisfied', SqlCount>;

export function toRatings(row: Partial<RatingRow> | undefined): RatingCounts {
  return {
    satisfied: toNumber(row?.satisfied ?? 0),
    basicallySatisfied: toNumber(row?.basicallySatisfied ?? 0),
    dissatisfied: toNumber(row?.dissatisfied ?? 0),
    opinions: toNumber(row?.opinions ?? 0),
  };
}
