import { PrismaNamespace as Sql, type Db, type Prisma } from '@rectify/db';
import { overdueSql, roundScopeSql, warningLevelSql, type MeasureQuery, type RoundScope, type SqlDialect } from '@rectify/domain';
import { afterWhere, intKey, dateKey, date, int, str, type Direction, type Key, type KeyKind, type KeyValue } from '../../lib/keyset.js';
import { fragment, toNumber, type SqlCount } from '../../lib/sql.js';
import { measurePathInclude, type measureItemColumns, type MeasureItemSource, type MeasurePathRow, type MeasurePathSource } from './mapper.js';

type Where = Prisma.MeasureWhereInput;
type Order = Prisma.MeasureOrderByWithRelationInput;
export type MeasureSort = 'position' | 'deadline' | 'updatedAt';

/** The deadline as a key: NULL sorts last in either direction, so nothing lies beyond it but other NULLs. */
const deadlineKey: Key<Where> = {
  eq: (value) => ({ deadline: value === null ? null : str(value) }),
  beyond: (value, direction) =>
    value === null ? null : { OR: [{ deadline: direction === 'asc' ? { gt: str(value) } : { lt: str(value) } }, { deadline: null }] },
};
const idKey = intKey<Where>((id) => ({ id }));

/** Each sort of the measure list: its order, its key (the same columns) and a row's key values. */
const sorts: Record<MeasureSort, { kinds: KeyKind[]; keys: Key<Where>[]; order: (d: Direction) => Order[]; keyOf: (row: MeasurePathRow) => KeyValue[] }> = {
  position: {
    kinds: ['int', 'int', 'int', 'int', 'int'],
    keys: [
      intKey<Where>((roundId) => ({ roundId })),
      intKey<Where>((ordinal) => ({ problem: { category: { ordinal } } })),
      intKey<Where>((ordinal) => ({ problem: { ordinal } })),
      intKey<Where>((ordinal) => ({ ordinal })),
      idKey,
    ],
    order: (d) => [{ roundId: d }, { problem: { category: { ordinal: d } } }, { problem: { ordinal: d } }, { ordinal: d }, { id: d }],
    keyOf: (r) => [r.roundId, r.problem.category.ordinal, r.problem.ordinal, r.ordinal, r.id],
  },
  deadline: {
    kinds: ['string?', 'int'],
    keys: [deadlineKey, idKey],
    order: (d) => [{ deadline: { sort: d, nulls: 'last' } }, { id: d }],
    keyOf: (r) => [r.deadline, r.id],
  },
  updatedAt: {
    kinds: ['date', 'int'],
    keys: [dateKey<Where>((updatedAt) => ({ updatedAt })), idKey],
    order: (d) => [{ updatedAt: d }, { id: d }],
    keyOf: (r) => [r.updatedAt.toISOString(), r.id],
  },
};

export const measureSortKinds = (sort: MeasureSort) => sorts[sort].kinds;
export const measureKeyOf = (sort: MeasureSort) => sorts[sort].keyOf;
/** A sort's keys and order, for lists of measures shaped otherwise (我的任务 is the deadline sort, open ones first). */
export const measureSortKeys = (sort: MeasureSort) => sorts[sort].keys;
export const measureSortOrder = (sort: MeasureSort, direction: Direction) => sorts[sort].order(direction);

/**
 * The list's filters but the overdue and warning ones as SQL on `Measure m`, each the same condition
 * as `measureFilter` in the service says through Prisma (the text search as Prisma's `contains`:
 * LIKE with its wildcards escaped).
 */
function listConditionsSql(query: MeasureQuery, scope: RoundScope): Prisma.Sql[] {
  const and: Prisma.Sql[] = [];
  if (scope.kind !== 'all') and.push(Sql.sql`EXISTS (SELECT 1 FROM "InspectionRound" sr WHERE sr."id" = m."roundId" AND ${fragment(roundScopeSql(scope, 'sr'))})`);
  if (query.roundId) and.push(Sql.sql`m."roundId" = ${query.roundId}`);
  if (query.categoryId) and.push(Sql.sql`EXISTS (SELECT 1 FROM "Problem" p WHERE p."id" = m."problemId" AND p."categoryId" = ${query.categoryId})`);
  if (query.problemId) and.push(Sql.sql`m."problemId" = ${query.problemId}`);
  if (query.status?.length) and.push(Sql.sql`m."status" IN (${Sql.join(query.status)})`);
  if (query.leaderId) and.push(Sql.sql`m."leaderId" = ${query.leaderId}`);
  if (query.departmentId) {
    and.push(Sql.sql`(m."leadDepartmentId" = ${query.departmentId} OR EXISTS (SELECT 1 FROM "MeasureCoDepartment" cd WHERE cd."measureId" = m."id" AND cd."departmentId" = ${query.departmentId}))`);
  }
  const q = query.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    and.push(Sql.sql`(m."text" LIKE ${like} ESCAPE '\\' OR m."outcome" LIKE ${like} ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM "Problem" qp WHERE qp."id" = m."problemId" AND qp."title" LIKE ${like} ESCAPE '\\'))`);
  }
  return and;
}

/**
 * The overdue list's condition as SQL on `Measure m`: `overdueSql` (the literal `<> 'closed'`, so
 * the partial index Measure_open_deadline_idx serves it), the scope, and the list's filters — each
 * the same condition as `measureFilter` in the service says through Prisma. Null when the query
 * has a text search (that stays with Prisma's `contains`), asks for a warning level (see
 * `warningFilterSql`) or does not ask for overdue measures.
 */
export function overdueFilterSql(query: MeasureQuery, today: string, scope: RoundScope): Prisma.Sql | null {
  if (query.overdue !== true || query.q?.trim() || query.warningLevel) return null;
  return Sql.join([fragment(overdueSql(today, 'm')), ...listConditionsSql(query, scope)], ' AND ');
}

/**
 * 三色预警 as a list filter: the rule's SQL form (packages/domain warningLevelSql, each round's
 * thresholds, long-term measures by their next check-in) on `Measure m JOIN InspectionRound r`,
 * with the list's other filters; so the list holds exactly the measures the time summary counts
 * at that level. Null without a level asked for.
 */
export function warningFilterSql(query: MeasureQuery, today: string, scope: RoundScope, dialect: SqlDialect): Prisma.Sql | null {
  if (!query.warningLevel) return null;
  const and = [Sql.sql`${Sql.raw(warningLevelSql(dialect, today))} = ${query.warningLevel}`, ...listConditionsSql(query, scope)];
  if (query.overdue === true) and.push(fragment(overdueSql(today, 'm')));
  if (query.overdue === false) and.push(Sql.sql`(m."status" = 'closed' OR m."deadline" IS NULL OR m."deadline" >= ${today})`);
  return Sql.join(and, ' AND ');
}

/** Rows strictly after `values` in the order of `columns`: (c1 > v1) OR (c1 = v1 AND c2 > v2) OR … */
function afterSql(columns: Prisma.Sql[], values: unknown[], direction: Direction): Prisma.Sql {
  const beyond = Sql.raw(direction === 'asc' ? '>' : '<');
  const or = columns.map((column, i) =>
    Sql.join([...columns.slice(0, i).map((c, j) => Sql.sql`${c} = ${values[j]}`), Sql.sql`${column} ${beyond} ${values[i]}`], ' AND '),
  );
  return Sql.sql`(${Sql.join(or.map((x) => Sql.sql`(${x})`), ' OR ')})`;
}

/** Each sort of the list as SQL over `Measure m` (with `Problem p`, `Category c`): its ORDER BY and the condition after a key. */
const sqlSorts: Record<MeasureSort, { order: (d: Direction) => Prisma.Sql; after: (values: readonly KeyValue[], d: Direction) => Prisma.Sql }> = {
  position: {
    order: (d) => Sql.raw(['m."roundId"', 'c."ordinal"', 'p."ordinal"', 'm."ordinal"', 'm."id"'].map((c) => `${c} ${d === 'asc' ? 'ASC' : 'DESC'}`).join(', ')),
    after: (v, d) => afterSql(['m."roundId"', 'c."ordinal"', 'p."ordinal"', 'm."ordinal"', 'm."id"'].map((c) => Sql.raw(c)), v.map((x) => int(x)), d),
  },
  deadline: {
    // Undated last in either direction: after an undated row come only undated ones.
    order: (d) => Sql.raw(`CASE WHEN m."deadline" IS NULL THEN 1 ELSE 0 END, m."deadline" ${d === 'asc' ? 'ASC' : 'DESC'}, m."id" ${d === 'asc' ? 'ASC' : 'DESC'}`),
    after: (v, d) => {
      const beyond = Sql.raw(d === 'asc' ? '>' : '<');
      const id = int(v[1] ?? null);
      if (v[0] === null) return Sql.sql`(m."deadline" IS NULL AND m."id" ${beyond} ${id})`;
      const deadline = str(v[0] ?? null);
      return Sql.sql`(m."deadline" ${beyond} ${deadline} OR m."deadline" IS NULL OR (m."deadline" = ${deadline} AND m."id" ${beyond} ${id}))`;
    },
  },
  updatedAt: {
    order: (d) => Sql.raw(`m."updatedAt" ${d === 'asc' ? 'ASC' : 'DESC'}, m."id" ${d === 'asc' ? 'ASC' : 'DESC'}`),
    after: (v, d) => afterSql([Sql.raw('m."updatedAt"'), Sql.raw('m."id"')], [date(v[0] ?? null), int(v[1] ?? null)], d),
  },
};

/** The columns of `measureItemColumns` on `Measure m`, for the joined statements that shape a MeasureItem. */
export const MEASURE_ITEM_COLUMNS = Sql.raw(
  ['id', 'problemId', 'manifestationId', 'ordinal', 'text', 'kind', 'status', 'deadline', 'startDate', 'originalDeadline', 'postponementCount', 'checkInCadence', 'lastCheckInOn', 'completedDate', 'progress', 'demo', 'version']
    .map((c) => `m."${c}" AS "${c}"`)
    .join(', '),
);

/** A measure of a joined statement with its leader's and lead department's names, flat: each column typed from Prisma's payloads. */
export type MeasureItemFlatRow = Prisma.MeasureGetPayload<{ select: typeof measureItemColumns & { leaderId: true; leadDepartmentId: true } }> & {
  leaderName: NonNullable<MeasureItemSource['leader']>['name'] | null;
  departmentName: NonNullable<MeasureItemSource['leadDepartment']>['name'] | null;
};
/** Its leader and lead department as `SELECT`ed beside MEASURE_ITEM_COLUMNS (Person l, Department d joined by the caller). */
export const MEASURE_OWNER_COLUMNS = Sql.raw('m."leaderId" AS "leaderId", m."leadDepartmentId" AS "leadDepartmentId", l."name" AS "leaderName", d."name" AS "departmentName"');

/** The flat row as Prisma's include gives it, with its round's thresholds (`toMeasureItem` reads either). */
export function toMeasureItemSource({ leaderId, leaderName, leadDepartmentId, departmentName, ...measure }: MeasureItemFlatRow, round: MeasureItemSource['round']): MeasureItemSource {
  return {
    ...measure,
    leader: leaderId === null ? null : { id: leaderId, name: leaderName ?? '' },
    leadDepartment: leadDepartmentId === null ? null : { id: leadDepartmentId, name: departmentName ?? '' },
    round,
  };
}

type PathOf = MeasurePathSource['problem'];
/** A measure, its round's thresholds and its path, flat. */
export type MeasurePathFlatRow = MeasureItemFlatRow &
  MeasureItemSource['round'] & {
    problemOrdinal: PathOf['ordinal'];
    problemTitle: PathOf['title'];
    categoryId: PathOf['category']['id'];
    categoryOrdinal: PathOf['category']['ordinal'];
    categoryTitle: PathOf['category']['title'];
    pathRoundId: PathOf['category']['round']['id'];
  } & Pick<PathOf['category']['round'], 'committee' | 'roundName' | 'groupName'>;

/** The flat row as the nested shape Prisma's include gives (`toMeasureListItem` reads either). */
export function toMeasurePathSource(row: MeasurePathFlatRow): MeasurePathSource {
  const { feedbackDate, warnDueSoonDays, warnVerySoonDays, behindScheduleMargin, problemOrdinal, problemTitle, categoryId, categoryOrdinal, categoryTitle, pathRoundId, committee, roundName, groupName, ...measure } = row;
  return {
    ...toMeasureItemSource(measure, { feedbackDate, warnDueSoonDays, warnVerySoonDays, behindScheduleMargin }),
    problem: { id: measure.problemId, ordinal: problemOrdinal, title: problemTitle, category: { id: categoryId, ordinal: categoryOrdinal, title: categoryTitle, round: { id: pathRoundId, committee, roundName, groupName } } },
  };
}

/** See `countSql`. */
export const LARGE_TOTAL = 5_000;
export const TOTAL_TTL_MS = 2_000;
const MAX_REMEMBERED_TOTALS = 1_000;

export function createMeasureRepository(db: Db) {
  const totals = new Map<string, { n: number; at: number }>();
  return {
    /** `take` measures matching `where`, in the sort's order, after the key `after`. */
    page: (where: Where, sort: MeasureSort, direction: Direction, after: readonly KeyValue[] | null, take: number) =>
      db.measure.findMany({
        where: after ? { AND: [where, afterWhere(sorts[sort].keys, after, direction)] } : where,
        include: measurePathInclude,
        orderBy: sorts[sort].order(direction),
        take,
      }),

    count: (where: Where) => db.measure.count({ where }),

    /**
     * A page of the measures `warningFilterSql` matches, in any of the list's orders: the ids in
     * one statement (keyset in SQL), then those rows with their path.
     */
    async warningPage(filter: Prisma.Sql, sort: MeasureSort, direction: Direction, after: readonly KeyValue[] | null, take: number) {
      const s = sqlSorts[sort];
      const keyset = after ? Sql.sql`AND ${s.after(after, direction)}` : Sql.empty;
      const ids = await db.$queryRaw<{ id: SqlCount }[]>`
        SELECT m."id" AS "id"
          FROM "Measure" m JOIN "InspectionRound" r ON r."id" = m."roundId"
          JOIN "Problem" p ON p."id" = m."problemId" JOIN "Category" c ON c."id" = p."categoryId"
         WHERE ${filter} ${keyset}
         ORDER BY ${s.order(direction)} LIMIT ${take}`;
      const order = ids.map((r) => toNumber(r.id));
      const rows = await db.measure.findMany({ where: { id: { in: order } }, include: measurePathInclude });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return order.flatMap((id) => byId.get(id) ?? []);
    },

    /** How many measures `warningFilterSql` matches: one COUNT. */
    async countWarning(filter: Prisma.Sql): Promise<number> {
      const [row] = await db.$queryRaw<{ n: SqlCount }[]>`
        SELECT COUNT(*) AS "n" FROM "Measure" m JOIN "InspectionRound" r ON r."id" = m."roundId" WHERE ${filter}`;
      return toNumber(row?.n ?? 0);
    },

    /**
     * A page of overdue measures by deadline (`overdueFilterSql`) with their path, in one statement:
     * the inner SELECT walks the partial index in order (an overdue measure always has a deadline,
     * so there is no NULLS LAST to sort by) and stops at the page; the outer one joins the page's
     * rows to their round, problem, category, leader and department. Prisma's own form binds
     * 'closed' and orders `CASE WHEN deadline IS NULL …` first, which sorts every overdue row for
     * each page; its include then costs six more statements.
     */
    async overduePageByDeadline(filter: Prisma.Sql, direction: Direction, after: readonly KeyValue[] | null, take: number): Promise<MeasurePathSource[]> {
      // After an undated measure (sorted last) come only undated ones, and none of them is overdue.
      if (after && after[0] === null) return [];
      const dir = Sql.raw(direction === 'asc' ? 'ASC' : 'DESC');
      const beyond = Sql.raw(direction === 'asc' ? '>' : '<');
      const keyset = after ? Sql.sql`AND (m."deadline" ${beyond} ${str(after[0] ?? null)} OR (m."deadline" = ${str(after[0] ?? null)} AND m."id" ${beyond} ${int(after[1] ?? null)}))` : Sql.empty;
      const rows = await db.$queryRaw<MeasurePathFlatRow[]>`
        SELECT ${MEASURE_ITEM_COLUMNS}, ${MEASURE_OWNER_COLUMNS},
               mr."feedbackDate" AS "feedbackDate", mr."warnDueSoonDays" AS "warnDueSoonDays", mr."warnVerySoonDays" AS "warnVerySoonDays", mr."behindScheduleMargin" AS "behindScheduleMargin",
               p."ordinal" AS "problemOrdinal", p."title" AS "problemTitle",
               c."id" AS "categoryId", c."ordinal" AS "categoryOrdinal", c."title" AS "categoryTitle",
               cr."id" AS "pathRoundId", cr."committee" AS "committee", cr."roundName" AS "roundName", cr."groupName" AS "groupName"
          FROM (SELECT m."id" AS "id" FROM "Measure" m WHERE ${filter} ${keyset} ORDER BY m."deadline" ${dir}, m."id" ${dir} LIMIT ${take}) k
          JOIN "Measure" m ON m."id" = k."id"
          JOIN "InspectionRound" mr ON mr."id" = m."roundId"
          JOIN "Problem" p ON p."id" = m."problemId"
          JOIN "Category" c ON c."id" = p."categoryId"
          JOIN "InspectionRound" cr ON cr."id" = c."roundId"
          LEFT JOIN "Person" l ON l."id" = m."leaderId"
          LEFT JOIN "Department" d ON d."id" = m."leadDepartmentId"
         ORDER BY m."deadline" ${dir}, m."id" ${dir}`;
      return rows.map(toMeasurePathSource);
    },

    /**
     * How many measures `overdueFilterSql` matches: one COUNT over the partial index (read alone,
     * it carries "status"). A total of LARGE_TOTAL or more is remembered for TOTAL_TTL_MS per
     * filter: counting ~43k overdue rows of a province is the one part of the page that grows
     * with the data (2–4 ms of the ~5 ms a page costs), and a total that large read a second
     * late says the same to its reader. Smaller totals (a unit's, a round's, every test's) are
     * counted on each request.
     */
    async countSql(filter: Prisma.Sql): Promise<number> {
      const key = `${filter.sql}\u0000${JSON.stringify(filter.values)}`;
      const now = Date.now();
      const known = totals.get(key);
      if (known && now - known.at < TOTAL_TTL_MS) return known.n;
      const [row] = await db.$queryRaw<{ n: SqlCount }[]>`SELECT COUNT(*) AS "n" FROM "Measure" m WHERE ${filter}`;
      const n = toNumber(row?.n ?? 0);
      if (n >= LARGE_TOTAL) {
        if (totals.size >= MAX_REMEMBERED_TOTALS) for (const [k, v] of totals) if (now - v.at >= TOTAL_TTL_MS) totals.delete(k);
        if (totals.size < MAX_REMEMBERED_TOTALS) totals.set(key, { n, at: now });
      }
      return n;
    },
  };
}
