import { PrismaNamespace as Sql, type Db, type Prisma } from '@rectify/db';
import { inRoundScopeWhere, overdueWhere, roundScopeSql, roundScopeWhere, type ProgressCounts, type RatingCounts, type RoundScope } from '@rectify/domain';
import { int, type Direction, type KeyValue } from '../../lib/keyset.js';
import { countColumns, fragment, ratingColumns, toCounts, toNumber, toRatings, type CountRow, type RatingRow, type SqlCount } from '../../lib/sql.js';
import { measureItemInclude, type MeasureItemSource } from '../measures/mapper.js';
import { MEASURE_ITEM_COLUMNS, MEASURE_OWNER_COLUMNS, toMeasureItemSource, type MeasureItemFlatRow } from '../measures/repository.js';
import { createRegisterRepository } from '../registers/repository.js';

/**
 * The rounds' data access. Every count is computed by the database (GROUP BY with conditional
 * sums, filtered by the denormalised, indexed `roundId`); no statement binds more values than a
 * page of rounds, so SQLite's bind-variable limit cannot be reached however many rounds there are.
 */

export const roundInclude = { inspectedUnit: { select: { id: true, name: true } } } as const satisfies Prisma.InspectionRoundInclude;
export type RoundRow = Prisma.InspectionRoundGetPayload<{ include: typeof roundInclude }>;

/** The round columns the API's Round reads: what the joined statements select instead of the whole row. */
export const roundColumns = {
  id: true,
  committee: true,
  roundName: true,
  groupName: true,
  inspectionStart: true,
  inspectionEnd: true,
  feedbackDate: true,
  rectificationDeadline: true,
  reportDate: true,
  reportState: true,
  demo: true,
  version: true,
} as const satisfies Prisma.InspectionRoundSelect;
/** What `toRound` reads (a RoundRow is one), typed from Prisma's payload of those columns. */
export type RoundSource = Prisma.InspectionRoundGetPayload<{ select: typeof roundColumns & typeof roundInclude }>;
const ROUND_COLUMNS = Sql.raw(Object.keys(roundColumns).map((c) => `r."${c}" AS "${c}"`).join(', '));
/** A round of a joined statement, flat: its columns and its unit's (typed from Prisma's payloads). */
type RoundFlatRow = Prisma.InspectionRoundGetPayload<{ select: typeof roundColumns & { inspectedUnitId: true } }> & { unitName: RoundSource['inspectedUnit']['name'] };
function toRoundSource({ inspectedUnitId, unitName, ...round }: RoundFlatRow): RoundSource {
  return { ...round, inspectedUnit: { id: inspectedUnitId, name: unitName } };
}

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

    /**
     * `take` rounds the scope sees (packages/domain roundScope) in id order after the key `after`
     * (a page and one more), each with its unit and its totals, and how many rounds the scope sees:
     * one statement. The page is chosen once (`page`, walking the primary key); its measures are
     * counted in one GROUP BY over the indexed `roundId`, its structure by correlated counts.
     */
    async pageWithTotals(scope: RoundScope, after: readonly KeyValue[] | null, take: number, direction: Direction, today: string): Promise<{ rows: (RoundSource & { totals: RoundTotalsRow })[]; total: number | null }> {
      const dir = Sql.raw(direction === 'asc' ? 'ASC' : 'DESC');
      const keyset = after ? Sql.sql`AND r."id" ${Sql.raw(direction === 'asc' ? '>' : '<')} ${int(after[0] ?? null)}` : Sql.empty;
      const rows = await db.$queryRaw<(RoundFlatRow & Record<keyof StructureCounts, SqlCount> & CountRow & { scopeTotal: SqlCount })[]>`
        WITH page AS (SELECT r."id" AS "id" FROM "InspectionRound" r WHERE ${fragment(roundScopeSql(scope, 'r'))} ${keyset} ORDER BY r."id" ${dir} LIMIT ${take})
        SELECT ${ROUND_COLUMNS}, r."inspectedUnitId" AS "inspectedUnitId", o."name" AS "unitName",
               (SELECT COUNT(*) FROM "Category" c WHERE c."roundId" = r."id") AS "categories",
               (SELECT COUNT(*) FROM "Problem" p WHERE p."roundId" = r."id") AS "problems",
               (SELECT COUNT(*) FROM "Manifestation" x JOIN "Problem" p ON p."id" = x."problemId" WHERE p."roundId" = r."id") AS "manifestations",
               t."total" AS "total", t."closed" AS "closed", t."inProgress" AS "inProgress", t."notStarted" AS "notStarted", t."pendingClosure" AS "pendingClosure", t."overdue" AS "overdue",
               (SELECT COUNT(*) FROM "InspectionRound" s WHERE ${fragment(roundScopeSql(scope, 's'))}) AS "scopeTotal"
          FROM page k
          JOIN "InspectionRound" r ON r."id" = k."id"
          JOIN "Organization" o ON o."id" = r."inspectedUnitId"
          LEFT JOIN (SELECT m."roundId" AS "roundId", ${countColumns(today)} FROM "Measure" m WHERE m."roundId" IN (SELECT "id" FROM page) GROUP BY m."roundId") t ON t."roundId" = r."id"
         ORDER BY r."id" ${dir}`;
      return {
        rows: rows.map(({ categories, problems, manifestations, total, closed, inProgress, notStarted, pendingClosure, overdue, scopeTotal: _, ...round }) => ({
          ...toRoundSource(round),
          totals: { categories: toNumber(categories), problems: toNumber(problems), manifestations: toNumber(manifestations), ...toCounts({ total, closed, inProgress, notStarted, pendingClosure, overdue }) },
        })),
        // No row, no total: the caller counts.
        total: rows[0] ? toNumber(rows[0].scopeTotal) : null,
      };
    },

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

    /**
     * A round and its whole hierarchy, in order (null: no such round), in three statements: the
     * round with its unit and warning thresholds; its categories, problems and manifestations
     * (one UNION ALL, each by the indexed `roundId`); its measures with their leader's and lead
     * department's names. Shaped as Prisma's nested include would give it.
     */
    async tree(id: number) {
      const [round] = await db.$queryRaw<(RoundFlatRow & MeasureItemSource['round'])[]>`
        SELECT ${ROUND_COLUMNS}, r."inspectedUnitId" AS "inspectedUnitId", o."name" AS "unitName",
               r."warnDueSoonDays" AS "warnDueSoonDays", r."warnVerySoonDays" AS "warnVerySoonDays", r."behindScheduleMargin" AS "behindScheduleMargin"
          FROM "InspectionRound" r JOIN "Organization" o ON o."id" = r."inspectedUnitId"
         WHERE r."id" = ${id}`;
      if (!round) return null;
      const [nodes, measures] = await Promise.all([
        db.$queryRaw<(Pick<Prisma.ManifestationGetPayload<object>, 'id' | 'ordinal' | 'text' | 'version'> & { level: SqlCount; parentId: number; demo: SqlCount })[]>`
          SELECT 0 AS "level", c."id" AS "id", c."roundId" AS "parentId", c."ordinal" AS "ordinal", c."title" AS "text", 0 AS "demo", c."version" AS "version"
            FROM "Category" c WHERE c."roundId" = ${id}
          UNION ALL
          SELECT 1, p."id", p."categoryId", p."ordinal", p."title", 0, p."version"
            FROM "Problem" p WHERE p."roundId" = ${id}
          UNION ALL
          SELECT 2, x."id", x."problemId", x."ordinal", x."text", CASE WHEN x."demo" THEN 1 ELSE 0 END, x."version"
            FROM "Manifestation" x JOIN "Problem" p ON p."id" = x."problemId" WHERE p."roundId" = ${id}
          ORDER BY 1, 4, 2`,
        db.$queryRaw<MeasureItemFlatRow[]>`
          SELECT ${MEASURE_ITEM_COLUMNS}, ${MEASURE_OWNER_COLUMNS}
            FROM "Measure" m
            LEFT JOIN "Person" l ON l."id" = m."leaderId"
            LEFT JOIN "Department" d ON d."id" = m."leadDepartmentId"
           WHERE m."roundId" = ${id}
           ORDER BY m."ordinal", m."id"`,
      ]);
      const { warnDueSoonDays, warnVerySoonDays, behindScheduleMargin, ...rest } = round;
      const thresholds = { feedbackDate: round.feedbackDate, warnDueSoonDays, warnVerySoonDays, behindScheduleMargin };
      type ProblemNode = { id: number; ordinal: number; title: string; version: number; manifestations: { id: number; ordinal: number; text: string; demo: boolean; version: number }[]; measures: MeasureItemSource[] };
      const categories: { id: number; ordinal: number; title: string; version: number; problems: ProblemNode[] }[] = [];
      const categoryById = new Map<number, (typeof categories)[number]>();
      const problemById = new Map<number, ProblemNode>();
      // Ordered by level, then ordinal and id: each parent is placed before its children.
      for (const n of nodes) {
        const level = toNumber(n.level);
        if (level === 0) {
          const c = { id: n.id, ordinal: n.ordinal, title: n.text, version: n.version, problems: [] };
          categories.push(c);
          categoryById.set(c.id, c);
        } else if (level === 1) {
          const p: ProblemNode = { id: n.id, ordinal: n.ordinal, title: n.text, version: n.version, manifestations: [], measures: [] };
          categoryById.get(n.parentId)?.problems.push(p);
          problemById.set(p.id, p);
        } else {
          problemById.get(n.parentId)?.manifestations.push({ id: n.id, ordinal: n.ordinal, text: n.text, demo: toNumber(n.demo) === 1, version: n.version });
        }
      }
      for (const m of measures) problemById.get(m.problemId)?.measures.push(toMeasureItemSource(m, thresholds));
      return { round: toRoundSource(rest), categories };
    },

    records: (id: number) =>
      Promise.all([
        registers.regulations(id),
        registers.meetings(id),
        db.leadingGroupMember.findMany({ where: { roundId: id }, orderBy: { id: 'asc' }, include: { person: { select: { id: true, name: true, title: true } } } }),
      ]),
  };
}

export type RoundRepository = ReturnType<typeof createRoundRepository>;
