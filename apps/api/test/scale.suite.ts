import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentRound, MeasurePage, RoundPage, RoundSummary, RoundWithTotals } from '@rectify/domain';
import { inRoundScopeWhere, isOverdue, overdueWhere, roundScopeWhere, toMeasureStatus, type RoundScope } from '@rectify/domain';
import { measureItemInclude, measurePathInclude, toMeasureItem, toMeasureListItem, type MeasureItemSource } from '../src/modules/measures/mapper.js';
import { createMeasureRepository, overdueFilterSql } from '../src/modules/measures/repository.js';
import { createRoundRepository, roundInclude } from '../src/modules/rounds/repository.js';
import { toRound } from '../src/modules/rounds/service.js';
import { startApi, REPORT_DAY, type TestApi, type TestDatabase } from './harness.js';
import type { Role } from '@rectify/domain';
import { json } from './fixtures.js';

/** More rounds than SQLite binds variables in one statement (999): any `IN (all ids)` fails here. */
export const SCALE_ROUNDS = 1200;

/**
 * Many rounds, built straight in the database (a handful of set-based statements): every list and
 * summary answers 200 with the right totals, and every page walks to the end without repeating a row.
 */
export function scaleSuite(label: string, makeDatabase: () => Promise<TestDatabase | null>) {
  describe(`${SCALE_ROUNDS} rounds on ${label}`, () => {
    let api: TestApi;
    let unitId: number;

    beforeAll(async () => {
      const database = await makeDatabase();
      if (!database) return;
      api = await startApi(database);
      const { db } = api;
      const round = await db.inspectionRound.findUniqueOrThrow({ where: { id: api.roundId }, select: { inspectedUnitId: true } });
      unitId = round.inspectedUnitId;
      const now = new Date();
      await db.inspectionRound.createMany({
        data: Array.from({ length: SCALE_ROUNDS }, (_, i) => ({ committee: 'scale', roundName: `第${i + 1}轮`, groupName: '第一巡察组', inspectedUnitId: unitId })),
      });
      // One category, one problem, one manifestation and three measures per round:
      // closed, overdue (in progress since a date before the report day), and due later.
      await db.$executeRaw`INSERT INTO "Category" ("roundId", "ordinal", "title", "version", "createdAt", "updatedAt")
        SELECT r."id", 1, '方面', 0, ${now}, ${now} FROM "InspectionRound" r WHERE r."committee" = 'scale'`;
      await db.$executeRaw`INSERT INTO "Problem" ("categoryId", "roundId", "ordinal", "title", "version", "createdAt", "updatedAt")
        SELECT c."id", c."roundId", 1, '问题', 0, ${now}, ${now} FROM "Category" c JOIN "InspectionRound" r ON r."id" = c."roundId" WHERE r."committee" = 'scale'`;
      await db.$executeRaw`INSERT INTO "Manifestation" ("problemId", "ordinal", "text", "demo", "version", "createdAt", "updatedAt")
        SELECT p."id", 1, '表现', false, 0, ${now}, ${now} FROM "Problem" p JOIN "InspectionRound" r ON r."id" = p."roundId" WHERE r."committee" = 'scale'`;
      for (const [ordinal, status, deadline, completed] of [
        [1, 'closed', '2023-06-30', '2023-06-20'],
        [2, 'in_progress', '2023-07-15', null],
        [3, 'not_started', '2099-12-31', null],
      ] as const) {
        await db.$executeRaw`INSERT INTO "Measure" ("problemId", "roundId", "ordinal", "text", "kind", "status", "deadline", "completedDate", "progress", "demo", "version", "createdAt", "updatedAt")
          SELECT p."id", p."roundId", ${ordinal}, ${`措施${ordinal}`}, 'deadline', ${status}, ${deadline}, ${completed}, ${status === 'closed' ? 100 : 0}, false, 0, ${now}, ${now}
            FROM "Problem" p JOIN "InspectionRound" r ON r."id" = p."roundId" WHERE r."committee" = 'scale'`;
      }
    }, 120_000);
    afterAll(async () => {
      await api?.close();
    });

    it('lists every round with its totals counted by the database', async () => {
      // Every page, 200 rounds at a time, to the end: each round once, in id order.
      const rounds: RoundWithTotals[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await api.request({ method: 'GET', url: `/api/rounds?limit=200${cursor ? `&cursor=${cursor}` : ''}` });
        expect(res.statusCode, res.body).toBe(200);
        const page = json<RoundPage>(res);
        expect(page.total).toBe(SCALE_ROUNDS + 1);
        rounds.push(...page.items);
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(Math.ceil((SCALE_ROUNDS + 1) / 200));
      expect(rounds).toHaveLength(SCALE_ROUNDS + 1);
      expect(new Set(rounds.map((r) => r.id)).size).toBe(SCALE_ROUNDS + 1);
      expect(rounds.map((r) => r.id)).toEqual(rounds.map((r) => r.id).sort((a, b) => a - b));
      const newest = json<RoundPage>(await api.request({ method: 'GET', url: '/api/rounds?direction=desc&limit=1' }));
      expect(newest.items[0]!.id).toBe(rounds[rounds.length - 1]!.id);
      // The current round: the newest with an open measure (every scale round has two).
      expect(json<CurrentRound>(await api.request({ method: 'GET', url: '/api/rounds/current' })).round?.id).toBe(newest.items[0]!.id);
      const scale = rounds.filter((r) => r.committee === 'scale');
      expect(scale).toHaveLength(SCALE_ROUNDS);
      for (const r of scale) {
        expect(r.totals).toEqual({ categories: 1, problems: 1, manifestations: 1, measures: 3, total: 3, closed: 1, inProgress: 1, notStarted: 1, pendingClosure: 0, overdue: 1 });
      }
      const demo = rounds.find((r) => r.id === api.roundId)!;
      const demoMeasures = await api.db.measure.findMany({ where: { roundId: api.roundId }, select: { status: true, deadline: true } });
      expect(demo.totals.measures).toBe(demoMeasures.length);
      expect(demo.totals.overdue).toBe(demoMeasures.filter((m) => isOverdue({ status: toMeasureStatus(m.status), deadline: m.deadline }, REPORT_DAY)).length);
    });

    it('answers the summary of the last round and of the demo round', async () => {
      const last = await api.db.inspectionRound.findFirstOrThrow({ where: { committee: 'scale' }, orderBy: { id: 'desc' } });
      const res = await api.request({ method: 'GET', url: `/api/rounds/${last.id}/summary` });
      expect(res.statusCode, res.body).toBe(200);
      const summary = json<RoundSummary>(res);
      expect(summary.totals).toEqual({ categories: 1, problems: 1, manifestations: 1, measures: 3, closed: 1, inProgress: 1, notStarted: 1, pendingClosure: 0, overdue: 1 });
      expect(summary.byCategory).toHaveLength(1);
      expect(summary.byLeader).toEqual([expect.objectContaining({ leaderId: null, total: 3, overdue: 1 })]);
      expect(summary.overdue.map((m) => m.daysOverdue)).toEqual([34]);
      const demo = await api.request({ method: 'GET', url: `/api/rounds/${api.roundId}/summary` });
      expect(demo.statusCode, demo.body).toBe(200);
    });

    it('lists the overdue measures across all rounds', async () => {
      const all = await api.db.measure.findMany({ select: { status: true, deadline: true } });
      const expected = all.filter((m) => isOverdue({ status: toMeasureStatus(m.status), deadline: m.deadline }, REPORT_DAY)).length;
      expect(expected).toBeGreaterThan(SCALE_ROUNDS);
      for (const sort of ['deadline', 'position', 'updatedAt']) {
        const ids: number[] = [];
        let cursor: string | null = null;
        do {
          const res = await api.request({ method: 'GET', url: `/api/measures?overdue=true&sort=${sort}&limit=200${cursor ? `&cursor=${cursor}` : ''}` });
          expect(res.statusCode, res.body).toBe(200);
          const page = json<MeasurePage>(res);
          expect(page.total).toBe(expected);
          expect(page.items.every((m) => m.overdue)).toBe(true);
          ids.push(...page.items.map((m) => m.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(ids, sort).toHaveLength(expected);
        expect(new Set(ids).size, sort).toBe(expected);
      }
    });

    it('answers the overdue list by deadline from the rule’s SQL form: every filter, both directions, each scope', async () => {
      // A co-department on an overdue measure that has no lead department: found only through MeasureCoDepartment.
      const department = await api.db.department.findFirstOrThrow({ select: { id: true } });
      const undepartmented = await api.db.measure.findFirstOrThrow({ where: { status: 'in_progress', leadDepartmentId: null, round: { committee: 'scale' } }, select: { id: true } });
      await api.db.measureCoDepartment.create({ data: { measureId: undepartmented.id, departmentId: department.id } });
      const measures = await api.db.measure.findMany({
        select: { id: true, status: true, deadline: true, roundId: true, problemId: true, leaderId: true, leadDepartmentId: true, problem: { select: { categoryId: true } }, coDepartments: { select: { departmentId: true } }, round: { select: { inspectedUnitId: true, access: { select: { userId: true } } } } },
      });
      const demo = measures.filter((m) => m.roundId === api.roundId && m.leaderId !== null && m.leadDepartmentId !== null && isOverdue({ status: toMeasureStatus(m.status), deadline: m.deadline }, REPORT_DAY));
      const sample = demo[0] ?? measures[0]!;
      const coDepartment = department.id;
      const filters: [string, (m: (typeof measures)[number]) => boolean][] = [
        ['', () => true],
        [`roundId=${api.roundId}`, (m) => m.roundId === api.roundId],
        ['status=in_progress', (m) => m.status === 'in_progress'],
        ['status=not_started&status=pending_closure', (m) => m.status === 'not_started' || m.status === 'pending_closure'],
        [`categoryId=${sample.problem.categoryId}`, (m) => m.problem.categoryId === sample.problem.categoryId],
        [`problemId=${sample.problemId}`, (m) => m.problemId === sample.problemId],
        [`leaderId=${sample.leaderId ?? 1}`, (m) => m.leaderId === (sample.leaderId ?? 1)],
        [`departmentId=${sample.leadDepartmentId ?? 1}`, (m) => m.leadDepartmentId === (sample.leadDepartmentId ?? 1) || m.coDepartments.some((c) => c.departmentId === (sample.leadDepartmentId ?? 1))],
        [`departmentId=${coDepartment}`, (m) => m.leadDepartmentId === coDepartment || m.coDepartments.some((c) => c.departmentId === coDepartment)],
      ];
      const me = async (role: Role) => json<{ user: { id: number; organization: { id: number } | null } }>(await api.as(role, { method: 'GET', url: '/api/auth/me' })).user;
      const admin = await me('admin');
      const inspector = await me('inspector');
      const office = await me('office');
      const scopes: [Role, (m: (typeof measures)[number]) => boolean][] = [
        ['admin', () => true],
        ['office', (m) => m.round.inspectedUnitId === office.organization?.id],
        ['inspector', (m) => m.round.access.some((a) => a.userId === inspector.id)],
      ];
      expect(admin.id).toBeGreaterThan(0);
      for (const [role, sees] of scopes) {
        for (const [filter, keep] of filters) {
          for (const direction of ['asc', 'desc'] as const) {
            const sign = direction === 'asc' ? 1 : -1;
            const expected = measures
              .filter((m) => sees(m) && keep(m) && isOverdue({ status: toMeasureStatus(m.status), deadline: m.deadline }, REPORT_DAY))
              .sort((a, b) => sign * ((a.deadline ?? '').localeCompare(b.deadline ?? '') || a.id - b.id))
              .map((m) => m.id);
            const ids: number[] = [];
            let cursor: string | null = null;
            do {
              const url = `/api/measures?overdue=true&sort=deadline&direction=${direction}&limit=150${filter ? `&${filter}` : ''}${cursor ? `&cursor=${cursor}` : ''}`;
              const res = await api.as(role, { method: 'GET', url });
              expect(res.statusCode, `${role} ${url}: ${res.body}`).toBe(200);
              const page = json<MeasurePage>(res);
              expect(page.total, `${role} ${url}`).toBe(expected.length);
              ids.push(...page.items.map((m) => m.id));
              cursor = page.nextCursor;
            } while (cursor);
            expect(ids, `${role} ${filter} ${direction}`).toEqual(expected);
          }
        }
      }
    });

    const overduePageSql = `SELECT m."id" FROM "Measure" m WHERE m."status" <> 'closed' AND m."deadline" IS NOT NULL AND m."deadline" < '${REPORT_DAY}' ORDER BY m."deadline" ASC, m."id" ASC LIMIT 51`;
    const overdueCountSql = `SELECT COUNT(*) FROM "Measure" m WHERE m."status" <> 'closed' AND m."deadline" IS NOT NULL AND m."deadline" < '${REPORT_DAY}'`;

    // Each database has its own plan language: one test each, so neither run reports a skip.
    if (label === 'PostgreSQL') {
      it('can read the overdue page and its count from the partial index on open measures (PostgreSQL)', async () => {
        // The planner picks a sequential scan on a table this small; with it ruled out, a plan on the
        // partial index shows the index's predicate covers the query's (and the page needs no sort).
        const explain = (sql: string) =>
          api.db.$transaction(async (tx) => {
            await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
            const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`);
            return rows.map((r) => r['QUERY PLAN']).join('\n');
          });
        const page = await explain(overduePageSql);
        expect(page).toContain('Measure_open_deadline_idx');
        expect(page).not.toMatch(/\bSort\b/);
        expect(await explain(overdueCountSql)).toContain('Measure_open_deadline_idx');
      });
    }

    if (label === 'SQLite') it('reads the overdue page and its count from the partial index on open measures (SQLite)', async () => {
      for (const sql of [overduePageSql, overdueCountSql]) {
        const plan = await api.db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`);
        const details = plan.map((p) => p.detail).join(' | ');
        expect(details, sql).toContain('Measure_open_deadline_idx');
        expect(details, sql).not.toContain('TEMP B-TREE');
      }
      // The count reads the index alone.
      const count = await api.db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN SELECT COUNT(*) FROM "Measure" m WHERE m."status" <> 'closed' AND m."deadline" IS NOT NULL AND m."deadline" < '${REPORT_DAY}'`);
      expect(count.map((p) => p.detail).join(' | ')).toContain('COVERING INDEX Measure_open_deadline_idx');
    });

    it('writes a ledger of many problems in its order, batch after batch, each measure once', async () => {
      // 3 categories and 250 problems (more than one batch of problems), created out of ledger order.
      const { db } = api;
      const round = await db.inspectionRound.create({ data: { committee: 'ledger', roundName: '台账', groupName: '第一巡察组', inspectedUnitId: unitId } });
      const categories: { id: number }[] = [];
      for (const ordinal of [3, 1, 2]) categories.push(await db.category.create({ data: { roundId: round.id, ordinal, title: `方面${ordinal}` } }));
      const now = new Date();
      await db.problem.createMany({
        data: Array.from({ length: 250 }, (_, i) => ({ roundId: round.id, categoryId: categories[i % 3]!.id, ordinal: 250 - i, title: `问题${i}`, createdAt: now, updatedAt: now })),
      });
      const problems = await db.problem.findMany({ where: { roundId: round.id }, select: { id: true } });
      await db.measure.createMany({
        data: problems.flatMap((p) => [2, 1].map((ordinal) => ({ problemId: p.id, roundId: round.id, ordinal, text: `措施${p.id}-${ordinal}`, kind: 'deadline', status: 'in_progress', deadline: '2099-12-31', progress: 0, createdAt: now, updatedAt: now }))),
      });
      const res = await api.request({ method: 'GET', url: `/api/rounds/${round.id}/ledger.json` });
      expect(res.statusCode, res.body).toBe(200);
      const rows = json<{ rows: { categoryOrdinal: number; problemOrdinal: number; measureOrdinal: number; measure: string }[] }>(res).rows;
      expect(rows).toHaveLength(500);
      expect(new Set(rows.map((r) => r.measure)).size).toBe(500);
      const key = (r: (typeof rows)[number]) => [r.categoryOrdinal, r.problemOrdinal, r.measureOrdinal];
      const sorted = [...rows].sort((a, b) => a.categoryOrdinal - b.categoryOrdinal || a.problemOrdinal - b.problemOrdinal || a.measureOrdinal - b.measureOrdinal);
      expect(rows.map(key)).toEqual(sorted.map(key));
    });

    it('answers the other growing lists with keyset pages', async () => {
      for (const url of ['/api/closures?state=all&limit=200', '/api/audit?limit=200', '/api/notifications?limit=200', '/api/rounds?limit=200&direction=desc', '/api/people?limit=200', '/api/opinions?limit=200']) {
        const res = await api.request({ method: 'GET', url });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
        expect(json<{ items: unknown[]; nextCursor: string | null; total: number }>(res)).toMatchObject({ items: expect.any(Array), total: expect.any(Number) });
      }
    });

    it('sends the ten longest overdue measures of a round with many, and counts them all', async () => {
      const last = await api.db.problem.findFirstOrThrow({ where: { round: { committee: 'scale' } }, orderBy: { id: 'desc' }, select: { id: true, roundId: true } });
      // 25 more overdue measures, a day apart, in the last round (which had one).
      await api.db.measure.createMany({
        data: Array.from({ length: 25 }, (_, i) => ({
          problemId: last.id, roundId: last.roundId, ordinal: 10 + i, text: `逾期措施${i}`, status: 'in_progress', deadline: `2023-06-${String(i + 1).padStart(2, '0')}`,
        })),
      });
      const summary = json<RoundSummary>(await api.request({ method: 'GET', url: `/api/rounds/${last.roundId}/summary` }));
      expect(summary.totals.overdue).toBe(26);
      expect(summary.overdue).toHaveLength(10);
      expect(summary.overdue.map((m) => m.deadline)).toEqual(Array.from({ length: 10 }, (_, i) => `2023-06-${String(i + 1).padStart(2, '0')}`));
      // The rest are in the measure list's overdue filter.
      expect(json<MeasurePage>(await api.request({ method: 'GET', url: `/api/measures?roundId=${last.roundId}&overdue=true&limit=50` })).total).toBe(26);
    });

    it('reads the tree, the rounds page and the overdue page in joined statements exactly as Prisma’s includes did', async () => {
      const { db } = api;
      const today = REPORT_DAY;
      const rounds = createRoundRepository(db);
      const measures = createMeasureRepository(db);
      const byPosition = [{ ordinal: 'asc' as const }, { id: 'asc' as const }];

      // The tree of the demo round (leaders, departments, manifestations), as the old nested include read it.
      const tree = await rounds.tree(api.roundId);
      expect(tree).not.toBeNull();
      const old = await db.category.findMany({
        where: { roundId: api.roundId },
        orderBy: byPosition,
        include: { problems: { orderBy: byPosition, include: { manifestations: { orderBy: byPosition }, measures: { orderBy: byPosition, include: measureItemInclude } } } },
      });
      type Node = { id: number; ordinal: number; title: string; version: number; problems: { id: number; ordinal: number; title: string; version: number; manifestations: { id: number; ordinal: number; text: string; demo: boolean; version: number }[]; measures: MeasureItemSource[] }[] };
      const shape = (categories: Node[]) =>
        categories.map((c) => ({
          id: c.id, ordinal: c.ordinal, title: c.title, version: c.version,
          problems: c.problems.map((p) => ({
            id: p.id, ordinal: p.ordinal, title: p.title, version: p.version,
            manifestations: p.manifestations.map((x) => ({ id: x.id, ordinal: x.ordinal, text: x.text, demo: x.demo, version: x.version })),
            measures: p.measures.map((m) => toMeasureItem(m, today)),
          })),
        }));
      expect(shape(tree!.categories)).toStrictEqual(shape(old));
      expect(tree!.categories.flatMap((c) => c.problems.flatMap((p) => p.measures)).length).toBeGreaterThan(40);
      expect(toRound(tree!.round)).toStrictEqual(toRound(await db.inspectionRound.findUniqueOrThrow({ where: { id: api.roundId }, include: roundInclude })));
      expect(await rounds.tree(999_999)).toBeNull();

      // The overdue page across all rounds and within the unit, as Prisma's include read its rows.
      const scopes: RoundScope[] = [{ kind: 'all' }, { kind: 'unit', organizationId: unitId }, { kind: 'unit', organizationId: null }];
      for (const scope of scopes) {
        const filter = overdueFilterSql({ overdue: true }, today, scope)!;
        const joined = await measures.overduePageByDeadline(filter, 'asc', null, 60);
        const viaPrisma = await db.measure.findMany({ where: { AND: [overdueWhere(today), inRoundScopeWhere(scope)] }, include: measurePathInclude, orderBy: [{ deadline: 'asc' }, { id: 'asc' }], take: 60 });
        expect(joined.map((r) => toMeasureListItem(r, today))).toStrictEqual(viaPrisma.map((r) => toMeasureListItem(r, today)));
        if (scope.kind === 'all') expect(joined.length).toBe(60);
      }

      // A page of rounds with its totals: one statement against the page, the count and the two grouped ones.
      for (const direction of ['asc', 'desc'] as const) {
        const page = await rounds.pageWithTotals({ kind: 'all' }, null, 51, direction, today);
        const oldRows = await db.inspectionRound.findMany({ include: roundInclude, orderBy: { id: direction }, take: 51 });
        const totals = await rounds.totals(oldRows.map((r) => r.id), today);
        const zero = { categories: 0, problems: 0, manifestations: 0, total: 0, closed: 0, inProgress: 0, notStarted: 0, pendingClosure: 0, overdue: 0 };
        expect(page.rows.map((r) => ({ ...toRound(r), totals: r.totals }))).toStrictEqual(oldRows.map((r) => ({ ...toRound(r), totals: totals.get(r.id) ?? zero })));
        expect(page.total).toBe(await db.inspectionRound.count());
      }
      const none = await rounds.pageWithTotals({ kind: 'unit', organizationId: null }, null, 51, 'asc', today);
      expect(none).toStrictEqual({ rows: [], total: null });
      const unitPage = await rounds.pageWithTotals({ kind: 'unit', organizationId: unitId }, [5], 10, 'asc', today);
      expect(unitPage.rows.map((r) => r.id)).toStrictEqual((await db.inspectionRound.findMany({ where: { AND: [{ id: { gt: 5 } }, roundScopeWhere({ kind: 'unit', organizationId: unitId })] }, orderBy: { id: 'asc' }, take: 10, select: { id: true } })).map((r) => r.id));
    });
  });
}
