import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { createDb, type Db } from '@rectify/db';
import type { MeasurePage, RoundPage, RoundSummary, RoundTree } from '@rectify/domain';
import { buildApp } from '../src/app.js';
import type { Clock } from '../src/lib/clock.js';
import { createRevisionRepository, UNWATCHED_TABLES } from '../src/modules/revision/repository.js';
import { json, otherUnit, type OtherUnit } from './fixtures.js';
import { REPORT_DAY, startApi, testHasher, type TestApi, type TestDatabase } from './harness.js';

/**
 * The response cache (lib/response-cache.ts) and the data's revision it keys on: every write moves
 * the revision, whoever makes it; a cached answer is never one the data has moved past, on this
 * instance or another; one unit's answer is never another's.
 */
export function revisionSuite(label: string, makeDatabase: () => Promise<TestDatabase | null>) {
  describe(`data revision and response cache on ${label}`, () => {
    let database: TestDatabase;
    let api: TestApi;
    let revision: () => Promise<string | null>;
    const clock: Clock & { day: string } = { day: REPORT_DAY, today: () => clock.day, now: () => new Date(`${clock.day}T04:00:00Z`) };

    beforeAll(async () => {
      database = (await makeDatabase())!;
      // The suite's own database, dropped by api.close().
      api = await startApi(database, { app: { clock } });
      const repo = createRevisionRepository(api.db);
      revision = () => repo.current();
    }, 120_000);
    afterAll(async () => {
      await api?.close();
    });

    const get = async <T>(user: string, url: string) => {
      const res = await api.as(user, { method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
      return { body: res.body, value: json<T>(res) };
    };

    it('has a revision trigger on every table but the ones no cached answer shows', async () => {
      const { db } = api;
      const sqlite = (await db.$queryRawUnsafe<{ v: string }[]>('SELECT sqlite_version() AS v').catch(() => null)) !== null;
      const tables = sqlite
        ? (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\'`)).map((t) => t.name)
        : (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '\\_%'`)).map((t) => t.name);
      const triggered = sqlite
        ? (await db.$queryRawUnsafe<{ t: string; sql: string }[]>(`SELECT tbl_name AS t, sql FROM sqlite_master WHERE type = 'trigger'`)).filter((r) => r.sql.includes('"DataRevision"')).map((r) => r.t)
        : (await db.$queryRawUnsafe<{ t: string }[]>(`SELECT c.relname AS t FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_proc p ON p.oid = g.tgfoid WHERE p.proname = 'rectify_bump_revision'`)).map((r) => r.t);
      expect(tables.length).toBeGreaterThan(30);
      const missing = tables.filter((t) => !(t in UNWATCHED_TABLES) && !triggered.includes(t));
      expect(missing, 'tables a write to which would not move the revision: add a trigger (a migration) or name them in UNWATCHED_TABLES with the reason').toEqual([]);
      // SQLite: one trigger for each of insert, update and delete.
      if (sqlite) for (const t of new Set(triggered)) expect(triggered.filter((x) => x === t)).toHaveLength(3);
      expect(triggered.filter((t) => t in UNWATCHED_TABLES)).toEqual([]);
    });

    it('moves the revision in every write through the API: hierarchy, people and departments, evidence-backed closures, postponements, follow-ups, registers, imports, progress', async () => {
      // Every write the other-unit fixture makes (a row of every kind, through the API), watched.
      const moved: { request: string; before: string | null; after: string | null }[] = [];
      const watched: TestApi = {
        ...api,
        as: async (user: string | null, request: InjectOptions) => {
          const before = await revision();
          const res = await api.as(user, request);
          if (request.method !== 'GET' && res.statusCode < 300) moved.push({ request: `${request.method} ${String(request.url).replace(/\d+/g, ':id')}`, before, after: await revision() });
          return res;
        },
      };
      const other = await otherUnit(watched);
      const still = moved.filter((m) => m.before === m.after).map((m) => m.request);
      // An evidence file alone changes no cached answer (its table is unwatched, see UNWATCHED_TABLES).
      expect(still.filter((r) => r !== 'POST /api/measures/:id/evidence')).toEqual([]);
      expect(moved.length).toBeGreaterThan(25);

      const step = async (what: string, write: () => Promise<{ statusCode: number; body: string }>) => {
        const before = await revision();
        const res = await write();
        expect(res.statusCode, `${what}: ${res.body}`).toBeLessThan(300);
        expect(await revision(), `${what} did not move the revision`).not.toBe(before);
      };
      const m = other.ids.measure!;
      await step('progress update', () => api.as('admin', { method: 'POST', url: `/api/measures/${m}/updates`, payload: { date: REPORT_DAY, text: '推进中', percent: 40 } }));
      await step('postponement approved', () => api.as('admin', { method: 'POST', url: `/api/postponements/${other.ids.postponement}/approve`, payload: {} }));
      await step('closure approved', () => api.as('admin', { method: 'POST', url: `/api/closures/${other.ids.closure}/approve`, payload: {} }));
      const closed = await api.db.closureRequest.findUniqueOrThrow({ where: { id: other.ids.closure! }, select: { measureId: true } });
      await step('reopened', () => api.as('admin', { method: 'POST', url: `/api/measures/${closed.measureId}/reopen`, payload: { reason: '回头看发现问题反弹' } }));
      await step('person renamed', () => api.as('admin', { method: 'PATCH', url: `/api/people/${other.ids.person}`, payload: { name: '改名的人', version: 0 } }));
      await step('text import', () =>
        api.as('admin', {
          method: 'POST',
          url: '/api/import/text',
          payload: { round: { committee: '中共城中区十一届委员会', roundName: '第五轮', groupName: '第一巡察组', inspectedUnit: '城中区导入单位' }, categories: [{ title: '方面', problems: [{ title: '问题', measures: ['措施'] }] }] },
        }),
      );
      // A job writes through its own statements: a measure made overdue by the date alone moves
      // nothing (the date is in the key), a row it writes does.
      const before = await revision();
      await api.db.measure.update({ where: { id: m }, data: { lastCheckInOn: REPORT_DAY } });
      expect(await revision()).not.toBe(before);
    }, 120_000);

    it('serves the cached answer until a write, and the written data right after it', async () => {
      const url = `/api/rounds/${api.roundId}/summary`;
      const first = await get<RoundSummary>('office', url);
      const hits = api.app.responseCache!.stats.hits;
      const again = await get<RoundSummary>('office', url);
      expect(again.body).toBe(first.body);
      expect(api.app.responseCache!.stats.hits).toBe(hits + 1);

      const tree = await get<RoundTree>('office', `/api/rounds/${api.roundId}/tree`);
      const open = tree.value.categories.flatMap((c) => c.problems.flatMap((p) => p.measures)).find((x) => x.status !== 'closed')!;
      const res = await api.as('office', { method: 'PATCH', url: `/api/measures/${open.id}`, payload: { version: open.version, status: 'closed', completedDate: REPORT_DAY } });
      expect(res.statusCode, res.body).toBe(200);
      const after = await get<RoundSummary>('office', url);
      expect(after.value.totals.closed).toBe(first.value.totals.closed + 1);
      const treeAfter = await get<RoundTree>('office', `/api/rounds/${api.roundId}/tree`);
      expect(treeAfter.value.categories.flatMap((c) => c.problems.flatMap((p) => p.measures)).find((x) => x.id === open.id)?.status).toBe('closed');
      const page = await get<RoundPage>('office', '/api/rounds');
      expect(page.value.items.find((r) => r.id === api.roundId)?.totals.closed).toBe(after.value.totals.closed);
    });

    it('keys on today: the next day answers for the next day', async () => {
      const url = `/api/rounds/${api.roundId}/summary`;
      const today = await get<RoundSummary>('office', url);
      clock.day = '2023-08-19';
      try {
        const later = await get<RoundSummary>('office', url);
        expect(later.value.today).toBe('2023-08-19');
        expect(later.body).not.toBe(today.body);
        expect(later.value.totals.overdue).toBeGreaterThanOrEqual(today.value.totals.overdue);
      } finally {
        clock.day = REPORT_DAY;
      }
      expect((await get<RoundSummary>('office', url)).body).toBe(today.body);
    });

    it('sees a write made through a second instance on the same database', async () => {
      // Another app with its own connection to the database, as a second server would have.
      const second = await createDb(database.url);
      const app2 = await buildApp({ db: second.db, dialect: second.dialect, clock, hasher: testHasher, scheduler: false, loginFailureDelayMs: 0, evidenceDir: api.evidenceDir });
      try {
        // The tree and the summary, cached on this instance.
        const treeUrl = `/api/rounds/${api.roundId}/tree`;
        const summaryUrl = `/api/rounds/${api.roundId}/summary`;
        const tree = await get<RoundTree>('office', treeUrl);
        await get<RoundSummary>('office', summaryUrl);
        expect((await get<RoundTree>('office', treeUrl)).body).toBe(tree.body);
        // Sessions live in the database: the office's session works on the second instance.
        const login = await api.login('office');
        const category = tree.value.categories[0]!;
        const res = await app2.inject({ method: 'PATCH', url: `/api/categories/${category.id}`, headers: login, payload: { version: category.version, title: '在第二个实例上改的方面' } });
        expect(res.statusCode, res.body).toBe(200);
        expect((await get<RoundTree>('office', treeUrl)).value.categories[0]!.title).toBe('在第二个实例上改的方面');
        expect((await get<RoundSummary>('office', summaryUrl)).value.byCategory[0]!.title).toBe('在第二个实例上改的方面');
      } finally {
        await app2.close();
        await second.close();
      }
    });

    it('never gives one unit another unit\'s cached answer', async () => {
      const other: OtherUnit = await otherUnit(api, '城中区缓存隔离单位');
      for (const url of ['/api/rounds', '/api/rounds?limit=50', '/api/measures?overdue=true&sort=deadline&limit=50']) {
        const ours = await get<RoundPage | MeasurePage>('office', url);
        const theirs = await get<RoundPage | MeasurePage>(other.office, url);
        expect(theirs.body).not.toBe(ours.body);
        const theirIds = (theirs.value.items as { id: number; path?: { round: { id: number } } }[]).map((i) => i.path?.round.id ?? i.id);
        expect(theirIds.every((id) => id === other.ids.round || id === other.ids.measure)).toBe(true);
        // Asked again, each still its own.
        expect((await get('office', url)).body).toBe(ours.body);
        expect((await get(other.office, url)).body).toBe(theirs.body);
      }
      // Our round's summary, cached for us, is not theirs to read.
      await get('office', `/api/rounds/${api.roundId}/summary`);
      expect((await api.as(other.office, { method: 'GET', url: `/api/rounds/${api.roundId}/summary` })).statusCode).toBe(404);
      expect((await api.as(other.office, { method: 'GET', url: `/api/rounds/${api.roundId}/tree` })).statusCode).toBe(404);
    }, 120_000);

    it('reads the revision in one primary-key statement', async () => {
      const db: Db = api.db;
      const repo = createRevisionRepository(db);
      const runs = 300;
      const t = performance.now();
      for (let i = 0; i < runs; i++) await repo.current();
      const ms = (performance.now() - t) / runs;
      console.log(`${label}: revision read ${ms.toFixed(3)} ms each (${runs} in a row)`);
      expect(await repo.current()).toMatch(/^\d+$/);
    });
  });
}
