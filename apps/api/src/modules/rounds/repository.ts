import { PrismaNamespace as Sql, type Db, type Prisma } from '@rectify/db';
import { inRoundScopeWhere, overdueWhere, roundScopeWhere, type ProgressCounts, type RatingCounts, type RoundScope } from '@rectify/domain';
import { afterWhere, intKey, type Direction, type KeyValue } from '../../lib/keyset.js';
import { countColumns, ratingColumns, toCounts, toNumber, toRatings, type CountRow, type RatingRow, type SqlCount } from '../../lib/sql.js';
import { measureItemInclude } from '../measures/mapper.js';
import { createRegisterRepository } from '../registers/repository.js';

/**
 * The rounds' data access. Every count is computed by the database (GROUP BY with conditional
 * sums, filtered by the denormalised, indexed `roundId`); no statement binds more values than a
 * page of rounds, so SQLite's bind-variable limit cannot be reached however many rounds there are.
 */

export const roundInclude = { inspectedUnit: { select: { id: true, name: true } } } as const satisfies Prisma.InspectionRoundInclude;
export type RoundRow = Prisma.InspectionRoundGetPayload<{ include: typeof roundInclude }>;

/** The most rounds one statement may name: a page, never a table. */
export const MAX_ROUNDS_PER_QUERY = 200;

export interface StructureCounts {
  categories: number;
  problems: number;
  manifestations: number;
}
export type RoundTotalsRow = StructureCounts & ProgressCounts;

const summaryOverdueSelect = {
  id: true,
  text: true,
  status: true,
  deadline: true,
  ...measureItemInclude,
  problem: { select: { id: true, ordinal: true, title: true, category: { select: { id: true, ordinal: true, title: true } } } },
} as const satisfies Prisma.MeasureSelect;

const treeInclude = {
  problems: {
    orderBy: [{ ordinal: 'asc' }, { id: 'asc' }],
    include: {
      manifestations: { orderBy: [{ ordinal: 'asc' }, { id: 'asc' }] },
      measures: { orderBy: [{ ordinal: 'asc' }, { id: 'asc' }], include: measureItemInclude },
    },
  },
} as const satisfies Prisma.CategoryInclude;

const roundKey = intKey<Prisma.InspectionRoundWhereInput>((id) => ({ id }));

/** Who a measure's counts are grouped by: its column and the table that names it (fixed identifiers, never input). */
const LEADER = { column: Sql.raw('m."leaderId"'), join: Sql.raw('"Person"') };
const LEAD_DEPARTMENT = { column: Sql.raw('m."leadDepartmentId"'), join: Sql.raw('"Department"') };

export function createRoundRepository(db: Db) {
  const registers = createRegisterRepository(db);
  /** `WHERE <column> IN (ids)` for a page of rounds; nothing for all of them. */
  function scope(column: string, ids: readonly number[] | 'all') {
    if (ids === 'all') return Sql.empty;
    if (ids.length > MAX_ROUNDS_PER_QUERY) throw new Error(`at most ${MAX_ROUNDS_PER_QUERY} rounds per statement, got ${ids.length}`);
    return Sql.sql`WHERE ${Sql.raw(column)} IN (${Sql.join(ids)})`;
  }

  async function countsByOwner(id: number, today: string, owner: typeof LEADER) {
    const rows = await db.$queryRaw<(CountRow & { key: SqlCount; name: string | null })[]>`
      SELECT ${owner.column} AS "key", o."name" AS "name", ${countColumns(today)}
        FROM "Measure" m LEFT JOIN ${owner.join} o ON o."id" = ${owner.column}
       WHERE m."roundId" = ${id}
       GROUP BY ${owner.column}, o."name"`;
    return rows.map((r) => ({ id: r.key === null ? null : toNumber(r.key), name: r.name, counts: toCounts(r) }));
  }

  return {
    find: (id: number) => db.inspectionRound.findUnique({ where: { id }, include: roundInclude }),

    /** `take` rounds the scope sees (packages/domain roundScope) in id order after the key `after` (a page and one more). */
    page: (scope: RoundScope, after: readonly KeyValue[] | null, take: number, direction: Direction) =>
      db.inspectionRound.findMany({
        where: { AND: [after ? afterWhere([roundKey], after, direction) : {}, roundScopeWhere(scope)] },
        include: roundInclude,
        orderBy: { id: direction },
        take,
      }),

    count: (scope: RoundScope) => db.inspectionRound.count({ where: roundScopeWhere(scope) }),

    /** Of the rounds the scope sees, the newest with an open measure, else the newest: `currentRoundOf` asked of the database. */
    async currentId(scope: RoundScope): Promise<number | null> {
      const open = await db.measure.findFirst({ where: { status: { not: 'closed' }, ...inRoundScopeWhere(scope) }, orderBy: { roundId: 'desc' }, select: { roundId: true } });
      if (open) return open.roundId;
      const newest = await db.inspectionRound.findFirst({ where: roundScopeWhere(scope), orderBy: { id: 'desc' }, select: { id: true } });
      return newest?.id ?? null;
    },

    /** Totals of the given rounds (a page) or of every round, in two grouped statements. */
    async totals(ids: readonly number[] | 'all', today: string): Promise<Map<number, RoundTotalsRow>> {
      const out = new Map<number, RoundTotalsRow>();
      if (ids !== 'all' && ids.length === 0) return out;
      const [structure, measures] = await Promise.all([
        db.$queryRaw<{ what: string; roundId: SqlCount; n: SqlCount }[]>`
          SELECT 'categories' AS "what", c."roundId" AS "roundId", COUNT(*) AS "n" FROM "Category" c ${scope('c."roundId"', ids)} GROUP BY c."roundId"
          UNION ALL
          SELECT 'problems', p."roundId", COUNT(*) FROM "Problem" p ${scope('p."roundId"', ids)} GROUP BY p."roundId"
          UNION ALL
          SELECT 'manifestations', p."roundId", COUNT(*) FROM "Manifestation" x JOIN "Problem" p ON p."id" = x."problemId" ${scope('p."roundId"', ids)} GROUP BY p."roundId"`,
        db.$queryRaw<(CountRow & { roundId: SqlCount })[]>`
          SELECT m."roundId" AS "roundId", ${countColumns(today)} FROM "Measure" m ${scope('m."roundId"', ids)} GROUP BY m."roundId"`,
      ]);
      const row = (roundId: number) => {
        let r = out.get(roundId);
        if (!r) out.set(roundId, (r = { categories: 0, problems: 0, manifestations: 0, ...toCounts(undefined) }));
        return r;
      };
      for (const s of structure) {
        const r = row(toNumber(s.roundId));
        if (s.what === 'categories' || s.what === 'problems' || s.what === 'manifestations') r[s.what] = toNumber(s.n);
      }
      for (const m of measures) Object.assign(row(toNumber(m.roundId)), toCounts(m));
      return out;
    },

    /** How many categories, problems and manifestations one round has. */
    async structure(id: number): Promise<StructureCounts> {
      const [row] = await db.$queryRaw<Record<keyof StructureCounts, SqlCount>[]>`
        SELECT (SELECT COUNT(*) FROM "Category" c WHERE c."roundId" = ${id}) AS "categories",
               (SELECT COUNT(*) FROM "Problem" p WHERE p."roundId" = ${id}) AS "problems",
               (SELECT COUNT(*) FROM "Manifestation" x JOIN "Problem" p ON p."id" = x."problemId" WHERE p."roundId" = ${id}) AS "manifestations"`;
      return { categories: toNumber(row?.categories ?? 0), problems: toNumber(row?.problems ?? 0), manifestations: toNumber(row?.manifestations ?? 0) };
    },

    categories: (id: number) =>
      db.category.findMany({ where: { roundId: id }, orderBy: [{ ordinal: 'asc' }, { id: 'asc' }], select: { id: true, ordinal: true, title: true } }),

    /** A round's measures counted by category. */
    async countsByCategory(id: number, today: string): Promise<Map<number, ProgressCounts>> {
      const rows = await db.$queryRaw<(CountRow & { key: SqlCount })[]>`
        SELECT p."categoryId" AS "key", ${countColumns(today)}
          FROM "Measure" m JOIN "Problem" p ON p."id" = m."problemId"
         WHERE m."roundId" = ${id}
         GROUP BY p."categoryId"`;
      return new Map(rows.map((r) => [toNumber(r.key), toCounts(r)]));
    },

    /** A round's measures counted by leader (null: none named), with the leader's name. */
    countsByLeader: (id: number, today: string) => countsByOwner(id, today, LEADER),

    /** A round's measures counted by lead department (null: none named), with its name. */
    countsByDepartment: (id: number, today: string) => countsByOwner(id, today, LEAD_DEPARTMENT),

    /** 群众监督: the round's ratings and opinions from its public page, counted by the database. */
    async ratings(id: number): Promise<RatingCounts> {
      const rows = await db.$queryRaw<RatingRow[]>`SELECT ${ratingColumns} FROM "PublicOpinion" o WHERE o."roundId" = ${id}`;
      return toRatings(rows[0]);
    },

    /** A round's longest overdue measures (at most `limit`), longest overdue first. */
    overdue: (id: number, today: string, limit: number) =>
      db.measure.findMany({ where: { roundId: id, ...overdueWhere(today) }, select: summaryOverdueSelect, orderBy: [{ deadline: 'asc' }, { id: 'asc' }], take: limit }),

    /** The whole hierarchy of a round, in order. */
    tree: (id: number) => db.category.findMany({ where: { roundId: id }, orderBy: [{ ordinal: 'asc' }, { id: 'asc' }], include: treeInclude }),

    records: (id: number) =>
      Promise.all([
        registers.regulations(id),
        registers.meetings(id),
        db.leadingGroupMember.findMany({ where: { roundId: id }, orderBy: { id: 'asc' }, include: { person: { select: { id: true, name: true, title: true } } } }),
      ]),
  };
}

export type RoundRepository = ReturnType<typeof createRoundRepository>;
