import { addDays } from './dates.js';

/**
 * The query forms of the rules in rules.ts and time.ts, beside them so that a rule and its filter cannot drift
 * apart. They name no database library: `…Where` is a plain object Prisma's `MeasureWhereInput`
 * accepts, `…Sql` the parts of a SQL fragment (`new Prisma.Sql(strings, values)`), written so the
 * same text runs on SQLite and PostgreSQL.
 */

/** A SQL fragment: literal parts and the values bound between them (one more part than values). */
export interface SqlFragment {
  strings: readonly string[];
  values: readonly unknown[];
}

/** `isOverdue` as a Prisma condition on Measure (a NULL deadline never matches `lt`). */
export function overdueWhere(today: string) {
  return { status: { not: 'closed' }, deadline: { lt: today } };
}

/** The complement of `overdueWhere`, written out so that measures without a deadline are kept. */
export function notOverdueWhere(today: string) {
  return { OR: [{ status: 'closed' }, { deadline: null }, { deadline: { gte: today } }] };
}

/**
 * `isOverdue` as SQL on the Measure table aliased `alias`. `"status" <> 'closed'` is written
 * literally: SQLite uses the partial index Measure_open_deadline_idx only for that exact text.
 */
export function overdueSql(today: string, alias = 'm'): SqlFragment {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`not an SQL alias: ${alias}`);
  return {
    strings: [`${alias}."status" <> 'closed' AND ${alias}."deadline" IS NOT NULL AND ${alias}."deadline" < `, ''],
    values: [today],
  };
}

/** `isDueSoon` as SQL on the Measure table aliased `alias`. */
export function dueSoonSql(today: string, days: number, alias = 'm'): SqlFragment {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`not an SQL alias: ${alias}`);
  return {
    strings: [`${alias}."status" <> 'closed' AND ${alias}."deadline" IS NOT NULL AND ${alias}."deadline" >= `, ` AND ${alias}."deadline" <= `, ''],
    values: [today, addDays(today, days)],
  };
}

/**
 * `isDueWithin` as a Prisma condition on Measure (a NULL deadline never matches `gte`): the same
 * rule as `dueWithinSql` below — open, not long-term, due today … today + `days`.
 */
export function dueWithinWhere(today: string, days: number) {
  return { status: { not: 'closed' }, kind: { not: 'long_term' }, deadline: { gte: today, lte: addDays(today, days) } };
}

/** `isDueWithin` as SQL on the Measure table aliased `alias`. */
export function dueWithinSql(today: string, days: number, alias = 'm'): SqlFragment {
  const soon = dueSoonSql(today, days, alias);
  return { strings: [`${alias}."kind" <> 'long_term' AND ${soon.strings[0]}`, ...soon.strings.slice(1)], values: soon.values };
}
