import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentRound, MeasurePage, RoundPage, RoundSummary, RoundWithTotals } from '@rectify/domain';
import { isOverdue, toMeasureStatus } from '@rectify/domain';
import { startApi, REPORT_DAY, type TestApi, type TestDatabase } from './harness.js';
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

    it('answers the other growing lists with keyset pages', async () => {
      for (const url of ['/api/closures?state=all&limit=200', '/api/audit?limit=200', '/api/notifications?limit=200', '/api/rounds?limit=200&direction=desc']) {
        const res = await api.request({ method: 'GET', url });
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
        expect(json<{ items: unknown[]; nextCursor: string | null; total: number }>(res)).toMatchObject({ items: expect.any(Array), total: expect.any(Number) });
      }
    });
  });
}
