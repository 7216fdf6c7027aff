import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, loadDemoRound, migrate, referenceRound } from '@rectify/db';
import { todayInShanghai, type MeasureDetail, type MeasurePage, type RoundSummary, type RoundTree } from '@rectify/domain';
import { ensureDemoAccounts, DEMO_PASSWORD } from '../src/modules/auth/demo-accounts.js';
import { DAILY_JOB } from '../src/lib/scheduler.js';
import { systemClock } from '../src/lib/clock.js';
import { files, multipart } from './fixtures.js';
import { pgAdminUrl, postgresAvailable, postgresDatabase, testHasher, type TestDatabase } from './harness.js';

/**
 * Past one server: two processes of the built server (apps/api/dist/server.js) on one PostgreSQL
 * database and one shared evidence directory, as two instances behind a proxy would run.
 */
const serverJs = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/server.js');
const available = await postgresAvailable();
if (!available) console.warn(`two-instance test skipped: no PostgreSQL answers at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')} (set RECTIFY_TEST_PG_URL)`);

interface Instance {
  name: string;
  child: ChildProcess;
  base: string;
  /** The server's log, one parsed JSON line each (pino). */
  log: Record<string, unknown>[];
}

/** Every process started, so that afterAll ends them even when one never came up. */
const started: ChildProcess[] = [];

/** Starts the server on a port the system picks; resolves with its address once it listens. */
function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, [serverJs], {
    // Its own process group: the test ends it and anything it started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', RECTIFY_DEMO: '', NODE_ENV: 'production' },
  });
  started.push(child);
  const instance: Instance = { name, child, base: '', log: [] };
  let buffered = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    // Generous: on a loaded 2-core machine a cold start takes tens of seconds; calm, about two.
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 120 s: ${stderr}`)), 120_000);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}: ${stderr}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as Record<string, unknown>;
        instance.log.push(entry);
        const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(String(entry.msg ?? ''));
        if (listening && !instance.base) {
          instance.base = listening[1]!;
          clearTimeout(timer);
          resolvePromise(instance);
        }
      }
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGTERM');
  const killed = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(killed);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!available)('two API processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let dataDir: string;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    if (!existsSync(serverJs)) throw new Error(`${serverJs} is missing: build the API first (pnpm build)`);
    database = (await postgresDatabase())!;
    const { db, target, close } = await createDb(database.url);
    await migrate(target);
    await loadDemoRound(db, referenceRound);
    await ensureDemoAccounts(db, testHasher, systemClock);
    await close();
    dataDir = mkdtempSync(join(tmpdir(), 'rectify-two-'));
    // One shared evidence directory; the daily job checked every second so the test sees both try.
    const env = { DATABASE_URL: database.url, RECTIFY_DATA_DIR: dataDir, RECTIFY_DAILY_CHECK_SECONDS: '1' };
    [a, b] = await Promise.all([startInstance('a', env), startInstance('b', env)]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(started.map(stop));
    await database?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const call = async (instance: Instance, method: string, path: string, cookie?: string, body?: unknown) => {
    const res = await fetch(`${instance.base}${path}`, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.text()) as string, headers: res.headers };
  };
  const login = async (instance: Instance, username: string) => {
    const res = await call(instance, 'POST', '/api/auth/login', undefined, { username, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    return /rectify_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  };

  it('serves a session made on one instance on the other, and a write on one is read (and versioned) on the other', async () => {
    const cookie = await login(a, 'office');
    const me = await call(b, 'GET', '/api/auth/me', cookie);
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body).user.username).toBe('office');

    const page = JSON.parse((await call(b, 'GET', '/api/measures?overdue=true', cookie)).body) as MeasurePage;
    const measure = page.items[0]!;
    const edited = await call(a, 'PATCH', `/api/measures/${measure.id}`, cookie, { version: measure.version, outcome: '在 A 上写入' });
    expect(edited.status).toBe(200);
    const seen = JSON.parse((await call(b, 'GET', `/api/measures/${measure.id}`, cookie)).body) as MeasureDetail;
    expect(seen).toMatchObject({ outcome: '在 A 上写入', version: measure.version + 1 });
    // B was handed the version A replaced: refused, nothing written.
    const stale = await call(b, 'PATCH', `/api/measures/${measure.id}`, cookie, { version: measure.version, outcome: '过期的写入' });
    expect(stale.status).toBe(409);
    expect(JSON.parse((await call(a, 'GET', `/api/measures/${measure.id}`, cookie)).body).outcome).toBe('在 A 上写入');

    // Evidence uploaded through A is downloaded through B (the shared store).
    const upload = multipart('证明.pdf', files.pdf(), 'application/pdf');
    const added = await fetch(`${a.base}/api/measures/${measure.id}/evidence`, { method: 'POST', headers: { cookie, ...upload.headers }, body: upload.payload });
    expect(added.status).toBe(201);
    const evidence = (await added.json()) as { id: number };
    const download = await fetch(`${b.base}/api/evidence/${evidence.id}/download`, { headers: { cookie } });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(files.pdf())).toBe(true);
  }, 60_000);

  it('runs the daily job once across both instances', async () => {
    const { db, close } = await createDb(database.url);
    try {
      const today = todayInShanghai();
      const deadline = Date.now() + 60_000;
      let lease = await db.jobLease.findUnique({ where: { name: DAILY_JOB } });
      while (lease?.lastRunOn !== today && Date.now() < deadline) {
        await sleep(250);
        lease = await db.jobLease.findUnique({ where: { name: DAILY_JOB } });
      }
      expect(lease?.lastRunOn).toBe(today);
      // Both keep checking every second: give each a few more chances to (wrongly) run it again.
      await sleep(3000);
      const runs = [a, b].flatMap((i) => i.log.filter((e) => e.msg === 'daily job done').map((e) => ({ instance: i.name, holder: e.holder })));
      expect(runs).toHaveLength(1);
      expect((await db.jobLease.findUnique({ where: { name: DAILY_JOB } }))?.holder).toBe(runs[0]!.holder);
      // The demo's one overdue measure: one notice to each of its two accounts (leader, officer), not two.
      expect(await db.notification.count({ where: { kind: 'overdue' } })).toBe(2);
    } finally {
      await close();
    }
  }, 90_000);

  // After the daily job: this moves the demo's one overdue measure's deadline on, which would leave the job nothing to send.
  it('answers a read cached on one instance with the write made on the other right after it', async () => {
    const cookie = await login(a, 'office');
    const get = async <T>(instance: Instance, path: string) => {
      const res = await call(instance, 'GET', path, cookie);
      expect(res.status, res.body).toBe(200);
      return JSON.parse(res.body) as T;
    };
    const roundId = (await get<{ items: { id: number }[] }>(b, '/api/rounds')).items[0]!.id;
    // B answers the tree and the overdue list twice: the second from its cache.
    const tree = await get<RoundTree>(b, `/api/rounds/${roundId}/tree`);
    expect(await get<RoundTree>(b, `/api/rounds/${roundId}/tree`)).toEqual(tree);
    const overdue = await get<MeasurePage>(b, '/api/measures?overdue=true&sort=deadline&limit=50');
    await get<MeasurePage>(b, '/api/measures?overdue=true&sort=deadline&limit=50');
    // A renames a category and moves the overdue measure's deadline on.
    const category = tree.categories[0]!;
    expect((await call(a, 'PATCH', `/api/categories/${category.id}`, cookie, { version: category.version, title: '在 A 上改名的方面' })).status).toBe(200);
    const late = overdue.items[0]!;
    const current = JSON.parse((await call(a, 'GET', `/api/measures/${late.id}`, cookie)).body) as MeasureDetail;
    expect((await call(a, 'PATCH', `/api/measures/${late.id}`, cookie, { version: current.version, deadline: '2099-12-31' })).status).toBe(200);
    // B's next answers are the data's.
    expect((await get<RoundTree>(b, `/api/rounds/${roundId}/tree`)).categories[0]!.title).toBe('在 A 上改名的方面');
    expect((await get<RoundSummary>(b, `/api/rounds/${roundId}/summary`)).byCategory[0]!.title).toBe('在 A 上改名的方面');
    const after = await get<MeasurePage>(b, '/api/measures?overdue=true&sort=deadline&limit=50');
    expect(after.total).toBe(overdue.total - 1);
    expect(after.items.map((m) => m.id)).not.toContain(late.id);
  }, 60_000);
});
