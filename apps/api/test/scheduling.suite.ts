import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@rectify/db';
import { addDays } from '@rectify/domain';
import type { Clock } from '../src/lib/clock.js';
import { createJobLeases } from '../src/lib/job-lease.js';
import { createDailyScheduler, DAILY_JOB, type DailyJobResult } from '../src/lib/scheduler.js';
import { createNotifier } from '../src/modules/notifications/service.js';
import { REPORT_DAY, roundIdMismatches, startApi, type TestApi, type TestDatabase } from './harness.js';
import { world, type World } from './fixtures.js';

/** A clock the test moves: the lease compares instants, the job runs per day. */
function movableClock(day: string) {
  let now = new Date(`${day}T04:00:00Z`);
  const clock: Clock & { set(day: string, hour?: number): void; advance(ms: number): void } = {
    today: () => new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10),
    now: () => now,
    set: (d, hour = 4) => {
      now = new Date(`${d}T${String(hour).padStart(2, '0')}:00:00Z`);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
  return clock;
}

/** The client with a count of the statements it sends (model operations and raw SQL alike). */
function countingDb(db: Db) {
  const counter = { statements: 0 };
  const counted = db.$extends({
    query: {
      async $allOperations({ args, query }) {
        counter.statements++;
        return query(args);
      },
    },
  });
  return { db: counted as unknown as Db, counter };
}

/** The daily job across instances (JobLease) and the set-based deadline scan. */
export function schedulingSuite(label: string, makeDatabase: () => Promise<TestDatabase | null>) {
  describe(`scheduled jobs on ${label}`, () => {
    let api: TestApi;
    let w: World;

    beforeAll(async () => {
      const db = await makeDatabase();
      if (!db) return;
      api = await startApi(db);
      w = await world(api);
    });
    afterAll(async () => {
      await api?.close();
    });

    describe('daily deadline scan', () => {
      it('notifies every account that answers for each late or due measure in a fixed number of statements, once', async () => {
        // 60 more open measures due or overdue: the leader's, the officer department's, or both.
        const base = await api.db.measure.count();
        await api.db.measure.createMany({
          data: Array.from({ length: 60 }, (_, i) => ({
            problemId: w.problemId, roundId: api.roundId,
            ordinal: 1000 + i,
            text: `批量措施${i}`,
            deadline: i % 2 ? '2023-08-01' : '2023-08-20',
            leaderId: i % 3 === 0 ? null : w.leaderPersonId,
            leadDepartmentId: i % 3 === 1 ? null : w.officerDepartmentId,
            status: i % 5 === 0 ? 'in_progress' : 'not_started',
          })),
        });
        await api.db.measure.create({ data: { problemId: w.problemId, roundId: api.roundId, ordinal: 2000, text: '已销号措施', deadline: '2023-08-01', status: 'closed', progress: 100, completedDate: '2023-07-30', leaderId: w.leaderPersonId } });
        await api.db.measure.create({ data: { problemId: w.problemId, roundId: api.roundId, ordinal: 2001, text: '远期措施', deadline: '2023-12-31', leaderId: w.leaderPersonId } });
        expect(await api.db.measure.count()).toBe(base + 62);
        expect(await roundIdMismatches(api.db)).toBe(0);

        const { db, counter } = countingDb(api.db);
        const notifier = createNotifier({ db, dialect: api.dialect, clock: { today: () => REPORT_DAY, now: () => new Date(`${REPORT_DAY}T04:00:00Z`) }, mailer: null });
        const created = await notifier.scanDeadlines();
        // Two reads and one INSERT, however many measures are late.
        expect(counter.statements).toBe(3);

        // What was expected, counted from the data rather than from the scan.
        const leader = w.userIds.leader!;
        const officer = w.userIds.officer!;
        const open = await api.db.measure.findMany({
          where: { status: { not: 'closed' }, deadline: { not: null, lte: addDays(REPORT_DAY, 7) } },
          select: { id: true, deadline: true, leaderId: true, leadDepartmentId: true },
        });
        const accounts = await api.db.user.findMany({ where: { active: true }, select: { id: true, person: { select: { id: true, departmentId: true } } } });
        let expected = 0;
        for (const m of open) {
          expected += accounts.filter((u) => u.person && (u.person.id === m.leaderId || (m.leadDepartmentId !== null && u.person.departmentId === m.leadDepartmentId))).length;
        }
        expect(created).toBe(expected);
        expect(await api.db.notification.count({ where: { kind: { in: ['overdue', 'due_soon'] } } })).toBe(expected);

        const batch = await api.db.measure.findMany({ where: { text: { startsWith: '批量措施' } }, select: { id: true, text: true } });
        const byText = new Map(batch.map((m) => [m.text, m.id]));
        const notes = await api.db.notification.findMany({ where: { measureId: { in: batch.map((m) => m.id) } } });
        // 批量措施5: overdue, the leader's and the officer department's → both accounts, overdue by 17 days.
        const late = notes.filter((n) => n.measureId === byText.get('批量措施5'));
        expect(late.map((n) => n.userId).sort()).toEqual([leader, officer].sort());
        expect(late.every((n) => n.kind === 'overdue' && n.text.includes('已过 17 天'))).toBe(true);
        // 批量措施0: no leader, due in 2 days → the officer's department only.
        const soon = notes.filter((n) => n.measureId === byText.get('批量措施0'));
        expect(soon).toMatchObject([{ userId: officer, kind: 'due_soon' }]);
        expect(soon[0]!.text).toContain('还有 2 天');
        expect(soon[0]!.createdAt.toISOString()).toBe(`${REPORT_DAY}T04:00:00.000Z`);
        // 批量措施4: no lead department → the leader only.
        expect(notes.filter((n) => n.measureId === byText.get('批量措施4')).map((n) => n.userId)).toEqual([leader]);
        const closedOrFar = await api.db.measure.findMany({ where: { text: { in: ['已销号措施', '远期措施'] } }, select: { id: true } });
        expect(await api.db.notification.count({ where: { measureId: { in: closedOrFar.map((m) => m.id) } } })).toBe(0);

        // The same day again: nothing new, and no INSERT at all.
        counter.statements = 0;
        expect(await notifier.scanDeadlines()).toBe(0);
        expect(counter.statements).toBe(2);

        // A new deadline is a new event: notified again, once.
        await api.db.measure.update({ where: { id: byText.get('批量措施5')! }, data: { deadline: '2023-08-19' } });
        expect(await notifier.scanDeadlines()).toBe(2);
        expect(await notifier.scanDeadlines()).toBe(0);
      });

      it('loses nothing and duplicates nothing when two scans race', async () => {
        await api.db.measure.createMany({
          data: Array.from({ length: 20 }, (_, i) => ({ problemId: w.problemId, roundId: api.roundId, ordinal: 3000 + i, text: `并发措施${i}`, deadline: '2023-08-10', leaderId: w.leaderPersonId })),
        });
        const notifier = createNotifier({ db: api.db, dialect: api.dialect, clock: { today: () => REPORT_DAY, now: () => new Date() }, mailer: null });
        const [a, b] = await Promise.all([notifier.scanDeadlines(), notifier.scanDeadlines()]);
        expect(a + b).toBe(20);
        const ids = (await api.db.measure.findMany({ where: { text: { startsWith: '并发措施' } }, select: { id: true } })).map((m) => m.id);
        expect(await api.db.notification.count({ where: { measureId: { in: ids } } })).toBe(20);
      });
    });

    describe('one run a day across instances', () => {
      const ran: string[] = [];
      const job = (name: string) => async (day: string): Promise<DailyJobResult> => {
        ran.push(`${name}:${day}`);
        return { notified: 0, emailed: 0, digests: 0 };
      };

      it('runs once per day whichever instance checks first, and again the next day', async () => {
        const clock = movableClock('2030-01-01');
        const instance = (name: string) => createDailyScheduler({ leases: createJobLeases(api.db), clock, log: api.app.log, job: job(name), holder: name });
        const a = instance('a');
        const b = instance('b');
        const first = await Promise.all([a.check(), b.check(), instance('c').check()]);
        expect(first.filter((r) => r.ran)).toHaveLength(1);
        expect(ran).toHaveLength(1);
        expect(ran[0]).toMatch(/^[abc]:2030-01-01$/);
        const lease = await api.db.jobLease.findUnique({ where: { name: DAILY_JOB } });
        expect(lease).toMatchObject({ lastRunOn: '2030-01-01', expiresAt: null, holder: ran[0]!.slice(0, 1) });

        // Later that day, and after a restart (a new holder name): already done.
        clock.advance(6 * 3600 * 1000);
        expect((await b.check()).ran).toBe(false);
        expect((await instance('a-restarted').check()).ran).toBe(false);
        expect(ran).toHaveLength(1);

        // The next day (Asia/Shanghai): one run again.
        clock.set('2030-01-02', 1);
        const next = await Promise.all([a.check(), b.check()]);
        expect(next.filter((r) => r.ran).map((r) => r.day)).toEqual(['2030-01-02']);
        expect(ran).toHaveLength(2);
      });

      it('retries a failed run, and takes over a lease its holder never gave back once it expires', async () => {
        const clock = movableClock('2030-02-01');
        const leases = createJobLeases(api.db);
        const failing = createDailyScheduler({ leases, clock, log: api.app.log, holder: 'broken', job: async () => { throw new Error('SMTP down'); } });
        await expect(failing.check()).rejects.toThrow('SMTP down');
        const healthy = createDailyScheduler({ leases, clock, log: api.app.log, holder: 'healthy', job: job('healthy'), leaseMs: 60_000 });
        expect((await healthy.check()).ran).toBe(true);

        // A holder that died mid-run (lease taken, never completed) blocks the day only until its lease expires.
        clock.set('2030-02-02');
        expect(await leases.acquire(DAILY_JOB, 'crashed', '2030-02-02', clock.now(), 60_000)).toBe(true);
        expect((await healthy.check()).ran).toBe(false);
        clock.advance(61_000);
        expect((await healthy.check()).ran).toBe(true);
        expect(ran.filter((r) => r.endsWith('2030-02-02'))).toEqual(['healthy:2030-02-02']);
        // The late holder cannot mark the day done over the new one's record.
        expect(await leases.complete(DAILY_JOB, 'crashed', '2030-02-02', clock.now())).toBe(false);
      });
    });
  });
}
