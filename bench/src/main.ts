import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, openSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createDb, loadDemoRound, migrate, parseDatabaseUrl, referenceRound } from '@rectify/db';
import { scryptHasher } from '../../apps/api/src/lib/passwords.js';
import { largeRoundPages } from './browser.js';
import { generate, ID_TABLES, pgWriter, shapes, sqliteWriter, type Counts, type Size, type Writer } from './generate.js';

/**
 * `pnpm bench --db sqlite|postgres --size demo|city|province`: builds a data set, starts the built
 * server on it, signs in, loads each read route with autocannon (loopback, 10 connections), times
 * the ledger export, asks the same questions of the database driver alone, and writes
 * bench/results/<date>-<db>-<size>.json. Needs `pnpm build` first.
 */
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const PORT = Number(process.env.BENCH_PORT ?? 3209);
const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const USERNAME = 'bench';
const PASSWORD = 'bench-password-1';

function option(name: string, allowed: readonly string[], fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : fallback;
  if (!value || !allowed.includes(value)) {
    console.error(`--${name} must be one of ${allowed.join(', ')}`);
    process.exit(2);
  }
  return value;
}
const dbKind = option('db', ['sqlite', 'postgres'], 'sqlite') as 'sqlite' | 'postgres';
const size = option('size', ['demo', 'city', 'province'], 'demo') as Size;
/** `--serve`: build the data set, start the server and keep both until Ctrl-C, measuring nothing (to profile pages by hand). */
const serveOnly = process.argv.includes('--serve');

/** The rounds each measurement asks about. */
interface Rounds {
  largestRoundId: number;
  treeRoundId: number;
  dashboardRoundId: number;
}
interface Setup extends Rounds {
  url: string;
  counts: Partial<Counts>;
  benchPersonId: number | null;
  raw: RawDriver;
  cleanup(): Promise<void>;
}
interface RawDriver {
  query(sql: string, params: (string | number)[]): Promise<unknown>;
  close(): Promise<void>;
}

async function benchUserRow(personId: number | null): Promise<(string | number | boolean | null)[]> {
  const now = new Date().toISOString();
  // The server's own hasher and cost, so the sign-in does the work a real one does.
  const hash = await scryptHasher().hash(PASSWORD);
  return [1, USERNAME, hash, 'admin', personId, true, false, 0, now, now];
}
const USER_COLUMNS = ['id', 'username', 'passwordHash', 'role', 'personId', 'active', 'demo', 'version', 'createdAt', 'updatedAt'];

async function fill(writer: Writer) {
  if (size === 'demo') return null;
  const started = performance.now();
  const generated = await generate(writer, shapes[size], new Date());
  console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return generated;
}

/** Demo size: the reference round through the app's own loader; it stands for every round asked about. */
async function demoRounds(url: string): Promise<Rounds | null> {
  if (size !== 'demo') return null;
  const database = await createDb(url);
  const loaded = await loadDemoRound(database.db, referenceRound);
  await database.close();
  if (!loaded.loaded || loaded.roundId === null) throw new Error(`demo round not loaded: ${loaded.reason}`);
  return { largestRoundId: loaded.roundId, treeRoundId: loaded.roundId, dashboardRoundId: loaded.roundId };
}

function roundsOf(demo: Rounds | null, generated: Awaited<ReturnType<typeof fill>>): Rounds {
  const from = generated ?? demo;
  if (!from) throw new Error('no data set');
  return { largestRoundId: from.largestRoundId, treeRoundId: from.treeRoundId, dashboardRoundId: from.dashboardRoundId };
}

async function setupSqlite(dir: string): Promise<Setup> {
  const url = `file:${join(dir, 'bench.db')}`;
  const target = parseDatabaseUrl(url);
  await migrate(target);
  const demo = await demoRounds(url);
  const db = new Database(target.location);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  const writer = sqliteWriter(db);
  db.exec('BEGIN');
  const generated = await fill(writer);
  const personId = generated?.benchPersonId ?? ((db.prepare('SELECT "leaderId" AS id FROM "Measure" WHERE "leaderId" IS NOT NULL LIMIT 1').get() as { id: number } | undefined)?.id ?? null);
  await writer.insert('User', USER_COLUMNS, [await benchUserRow(personId)]);
  db.exec('COMMIT');
  db.exec('ANALYZE');
  return {
    url,
    counts: generated?.counts ?? {},
    benchPersonId: personId,
    ...roundsOf(demo, generated),
    raw: {
      async query(sql, params) {
        return db.prepare(sql).all(...params);
      },
      async close() {
        db.close();
      },
    },
    async cleanup() {},
  };
}

async function setupPostgres(): Promise<Setup> {
  const name = `rectify_bench_${size}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = PG_ADMIN.replace(/\/[^/]*$/, `/${name}`);
  await migrate(parseDatabaseUrl(url));
  const demo = await demoRounds(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const writer = pgWriter(client);
  await client.query('BEGIN');
  const generated = await fill(writer);
  const personId = generated?.benchPersonId ?? ((await client.query<{ id: number }>('SELECT "leaderId" AS id FROM "Measure" WHERE "leaderId" IS NOT NULL LIMIT 1')).rows[0]?.id ?? null);
  await writer.insert('User', USER_COLUMNS, [await benchUserRow(personId)]);
  for (const table of ID_TABLES) {
    await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT MAX(id) FROM "${table}"), 1))`);
  }
  await client.query('COMMIT');
  await client.query('ANALYZE');
  return {
    url,
    counts: generated?.counts ?? {},
    benchPersonId: personId,
    ...roundsOf(demo, generated),
    raw: {
      async query(sql, params) {
        // The same text with $n placeholders.
        let n = 0;
        return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params)).rows;
      },
      async close() {
        await client.end();
      },
    },
    async cleanup() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Resets the process's VmHWM to its current RSS (Linux: 5 > clear_refs); false where not allowed. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function memory(pid: number): { rssMb: number; hwmMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb('VmRSS') / 102.4) / 10, hwmMb: Math.round(kb('VmHWM') / 102.4) / 10 };
}

async function startServer(url: string, dataDir: string): Promise<ChildProcess> {
  const log = openSync(join(dataDir, 'server.log'), 'a');
  const server = spawn(process.execPath, [join(root, 'apps/api/dist/server.js')], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_URL: url, RECTIFY_DATA_DIR: dataDir, RECTIFY_DEMO: '0', NODE_ENV: 'production' },
    stdio: ['ignore', log, log],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}); see ${join(dataDir, 'server.log')}`);
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill('SIGKILL');
  throw new Error('server did not answer /api/health within 60 s');
}

interface LoadResult {
  name: string;
  path: string;
  /** The server process's own CPU time (user + system) per answered request: what a request costs, however busy the machine. */
  serverCpuMsPerRequest: number | null;
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/**
 * Waits until the server answers /api/health promptly again: requests still queued from a slow
 * route (autocannon stops sending, the server goes on answering) must not be charged to the next.
 */
async function settle(): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const t = performance.now();
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/api/health`)).ok && performance.now() - t < 50) return;
    } catch {
      // still busy
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not become idle within 120 s');
}

/** CPU time (user + system, ms) the process has used so far, from /proc/<pid>/stat (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function load(name: string, path: string, cookie: string, pid: number): Promise<LoadResult> {
  await settle();
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({ url: `http://127.0.0.1:${PORT}${path}`, connections: 10, duration: DURATION, headers: { cookie } });
  const cpu = cpuMs(pid) - cpuBefore;
  // A route that answered nothing within the run counts as a failure, not as 0 ms.
  const unanswered = result.requests.total === 0 ? 1 : 0;
  const serverCpuMsPerRequest = result.requests.total > 0 ? Math.round((cpu / result.requests.total) * 100) / 100 : null;
  return { name, path, serverCpuMsPerRequest, reqPerSec: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total, non2xx: result.non2xx, errors: result.errors + result.timeouts + unanswered };
}

/** Cold loads of the dashboard: on a 2-core machine shared with others one load varies by ±20 %, so the median of seven. */
const COLD_DASHBOARD_RUNS = 7;

/**
 * The dashboard of the 1,000-measure round opened cold (new browser context: no cache, no
 * storage) in Debian's chromium: from navigation to the figures and the measure list on screen.
 */
async function coldDashboard(cookie: string, roundId: number): Promise<{ roundId: number; msEach: number[]; median: number } | { skipped: string } | { failed: string }> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  } catch (error) {
    return { skipped: `no chromium at ${executablePath} (${(error as Error).message.split('\n')[0]})` };
  }
  const [name, value] = cookie.split('=') as [string, string];
  const msEach: number[] = [];
  try {
    for (let i = 0; i < COLD_DASHBOARD_RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/' }]);
      const page = await context.newPage();
      const t = performance.now();
      await page.goto(`http://127.0.0.1:${PORT}/rounds/${roundId}`);
      try {
        await page.getByTestId('completion-detail').waitFor({ state: 'visible', timeout: 60_000 });
        await page.getByTestId('measure-list').first().waitFor({ state: 'visible', timeout: 60_000 });
      } catch (error) {
        return { failed: `round ${roundId}: ${(error as Error).message.split('\n')[0]}` };
      }
      msEach.push(Math.round(performance.now() - t));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  const sorted = [...msEach].sort((a, b) => a - b);
  return { roundId, msEach, median: sorted[Math.floor(sorted.length / 2)] ?? NaN };
}

async function timeRaw(name: string, run: () => Promise<unknown>) {
  const times: number[] = [];
  const until = performance.now() + 2000;
  while (performance.now() < until && times.length < 5000) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 100) / 100;
  return { name, p50: at(0.5), p99: at(0.99), runs: times.length };
}

/** ProgressCounts as the API's conditional sums over `Measure m` (apps/api/src/lib/sql.ts countColumns); one `?` for today. */
const COUNT_COLUMNS = `COUNT(m."id") AS "total", SUM(CASE WHEN m."status" = 'closed' THEN 1 ELSE 0 END) AS "closed",
  SUM(CASE WHEN m."status" = 'in_progress' THEN 1 ELSE 0 END) AS "inProgress", SUM(CASE WHEN m."status" = 'not_started' THEN 1 ELSE 0 END) AS "notStarted",
  SUM(CASE WHEN m."status" = 'pending_closure' THEN 1 ELSE 0 END) AS "pendingClosure",
  SUM(CASE WHEN m."status" <> 'closed' AND m."deadline" IS NOT NULL AND m."deadline" < ? THEN 1 ELSE 0 END) AS "overdue"`;

/**
 * The round summary's whole answer through the driver alone: the seven statements the API's
 * repository runs for it (modules/rounds/repository.ts — structure, categories, counts by
 * category, leader and department, the 10 longest overdue with their path and owners, ratings),
 * one after another, as `timeRaw` times one of them.
 */
function summaryAsTheApiAsks(roundId: number, today: string): { query(raw: RawDriver): Promise<void> } {
  const statements: [string, (string | number)[]][] = [
    [`SELECT (SELECT COUNT(*) FROM "Category" c WHERE c."roundId" = ?) AS "categories", (SELECT COUNT(*) FROM "Problem" p WHERE p."roundId" = ?) AS "problems",
       (SELECT COUNT(*) FROM "Manifestation" x JOIN "Problem" p ON p."id" = x."problemId" WHERE p."roundId" = ?) AS "manifestations"`, [roundId, roundId, roundId]],
    ['SELECT "id", "ordinal", "title" FROM "Category" WHERE "roundId" = ? ORDER BY "ordinal", "id"', [roundId]],
    [`SELECT p."categoryId" AS "key", ${COUNT_COLUMNS} FROM "Measure" m JOIN "Problem" p ON p."id" = m."problemId" WHERE m."roundId" = ? GROUP BY p."categoryId"`, [today, roundId]],
    [`SELECT m."leaderId" AS "key", o."name" AS "name", ${COUNT_COLUMNS} FROM "Measure" m LEFT JOIN "Person" o ON o."id" = m."leaderId" WHERE m."roundId" = ? GROUP BY m."leaderId", o."name"`, [today, roundId]],
    [`SELECT m."leadDepartmentId" AS "key", o."name" AS "name", ${COUNT_COLUMNS} FROM "Measure" m LEFT JOIN "Department" o ON o."id" = m."leadDepartmentId" WHERE m."roundId" = ? GROUP BY m."leadDepartmentId", o."name"`, [today, roundId]],
    [`SELECT m."id", m."text", m."status", m."deadline", l."id" AS "leaderId", l."name" AS "leaderName", d."id" AS "departmentId", d."name" AS "departmentName",
            p."id" AS "problemId", p."ordinal" AS "problemOrdinal", p."title" AS "problemTitle", c."id" AS "categoryId", c."ordinal" AS "categoryOrdinal", c."title" AS "categoryTitle"
       FROM "Measure" m JOIN "Problem" p ON p."id" = m."problemId" JOIN "Category" c ON c."id" = p."categoryId"
       LEFT JOIN "Person" l ON l."id" = m."leaderId" LEFT JOIN "Department" d ON d."id" = m."leadDepartmentId"
      WHERE m."roundId" = ? AND m."status" <> 'closed' AND m."deadline" < ? ORDER BY m."deadline", m."id" LIMIT 10`, [roundId, today]],
    [`SELECT COUNT(o."id") AS "opinions", SUM(CASE WHEN o."rating" = 'satisfied' THEN 1 ELSE 0 END) AS "satisfied",
            SUM(CASE WHEN o."rating" = 'basically_satisfied' THEN 1 ELSE 0 END) AS "basicallySatisfied", SUM(CASE WHEN o."rating" = 'dissatisfied' THEN 1 ELSE 0 END) AS "dissatisfied"
       FROM "PublicOpinion" o WHERE o."roundId" = ?`, [roundId]],
  ];
  return {
    async query(raw) {
      for (const [sql, params] of statements) await raw.query(sql, params);
    },
  };
}

/**
 * One request at a time for 2 s (at most 2,000), timed to the microsecond: the API's own cost for
 * an answer, without the queue that 10 connections on one Node thread put in front of it — the
 * like-for-like partner of a lone raw query.
 */
async function timeLone(path: string, cookie: string) {
  const times: number[] = [];
  const until = performance.now() + 2000;
  while (performance.now() < until && times.length < 2000) {
    const t = performance.now();
    const response = await fetch(`http://127.0.0.1:${PORT}${path}`, { headers: { cookie } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0) * 100) / 100;
  return { path, p50: at(0.5), p99: at(0.99), runs: times.length };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), `rectify-bench-${size}-`));
  const loadAverageAtStart = loadavg();
  console.log(`bench: ${dbKind}, ${size}; machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const started = performance.now();
  const setup = dbKind === 'sqlite' ? await setupSqlite(dataDir) : await setupPostgres();
  const setupSeconds = Math.round((performance.now() - started) / 100) / 10;
  console.log(`data set ready in ${setupSeconds} s`, setup.counts);
  let server: ChildProcess | undefined;
  let finished = false;
  try {
    server = await startServer(setup.url, dataDir);
    const pid = server.pid as number;
    const login = await fetch(`http://127.0.0.1:${PORT}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
    });
    if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const idle = memory(pid);
    console.log(`server idle RSS ${idle.rssMb} MB`);
    if (serveOnly) {
      console.log(`serving http://127.0.0.1:${PORT} (sign in as ${USERNAME} / ${PASSWORD}; cookie ${cookie}); rounds: dashboard ${setup.dashboardRoundId}, tree ${setup.treeRoundId}, largest ${setup.largestRoundId}. Ctrl-C stops and drops the data set.`);
      await new Promise<void>((stop) => process.once('SIGINT', () => stop()));
      finished = true;
      return;
    }

    const today = new Date().toISOString().slice(0, 10);
    const routes: [string, string][] = [
      ['me', '/api/auth/me'],
      ['rounds list', '/api/rounds?limit=50'],
      ['round summary (100 measures)', `/api/rounds/${setup.treeRoundId}/summary`],
      ['round summary (largest)', `/api/rounds/${setup.largestRoundId}/summary`],
      ['tree (100-measure round)', `/api/rounds/${setup.treeRoundId}/tree`],
      ['measures, round + status filter', `/api/measures?roundId=${setup.treeRoundId}&status=in_progress&status=not_started`],
      ['overdue, all rounds', '/api/measures?overdue=true&sort=deadline&limit=50'],
      ['my tasks', '/api/me/tasks'],
      ['my task counts (menu badge)', '/api/me/tasks/counts'],
    ];
    // The programme view's figures, where this build has the route.
    if ((await fetch(`http://127.0.0.1:${PORT}/api/programme`, { headers: { cookie } })).ok) routes.push(['programme figures', '/api/programme']);
    else console.log('programme figures: skipped (no /api/programme in this build)');
    const results: LoadResult[] = [];
    for (const [name, path] of routes) {
      const r = await load(name, path, cookie, pid);
      results.push(r);
      console.log(`${name.padEnd(34)} ${String(r.reqPerSec).padStart(6)} req/s  p50 ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms  non-2xx ${r.non2xx}  errors ${r.errors}  server CPU ${r.serverCpuMsPerRequest} ms/request`);
    }

    await settle();
    const dashboard = await coldDashboard(cookie, setup.dashboardRoundId);
    if ('median' in dashboard) console.log(`dashboard of round ${dashboard.roundId}, cold: ${dashboard.msEach.join(' / ')} ms (median ${dashboard.median})`);
    else if ('skipped' in dashboard) console.log(`cold dashboard: skipped, ${dashboard.skipped}`);
    else console.log(`COLD DASHBOARD FAILED: ${dashboard.failed}`);
    const pages = await largeRoundPages(PORT, cookie, setup.dashboardRoundId);
    if ('roundId' in pages) {
      const s = pages.timeline.scroll;
      console.log(`tree of round ${pages.roundId}, cold: ${pages.tree.msEach.join(' / ')} ms (median ${pages.tree.median}); timeline: ${pages.timeline.msEach.join(' / ')} ms (median ${pages.timeline.median}), scrolled in ${s.steps} steps: p95 frame ${s.p95FrameMs} ms, ${s.longFrames} frames over 50 ms, ${s.barsAtBottom} bars drawn at the bottom`);
    } else if ('skipped' in pages) console.log(`tree and timeline: skipped, ${pages.skipped}`);
    else console.log(`TREE / TIMELINE FAILED: ${pages.failed}`);

    // The ledger: one request at a time, as an office user would ask for it. Its growth is read
    // from a fresh high-water mark: the load tests above set the process's VmHWM, and counting
    // from it would charge their peak to the export.
    const loadPeakMb = memory(pid).hwmMb;
    const peakReset = resetPeak(pid);
    const before = memory(pid);
    const ledgerTimes: number[] = [];
    let ledgerBytes = 0;
    let ledgerNon2xx = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const response = await fetch(`http://127.0.0.1:${PORT}/api/rounds/${setup.largestRoundId}/ledger.xlsx`, { headers: { cookie } });
      const body = await response.arrayBuffer();
      ledgerTimes.push(Math.round(performance.now() - t));
      ledgerBytes = body.byteLength;
      if (!response.ok) ledgerNon2xx++;
    }
    const after = memory(pid);
    const ledger = { roundId: setup.largestRoundId, msEach: ledgerTimes, bytes: ledgerBytes, non2xx: ledgerNon2xx, rssBeforeMb: before.rssMb, rssAfterMb: after.rssMb, peakRssMb: after.hwmMb, growthMb: Math.round((after.hwmMb - before.rssMb) * 10) / 10, peakReset };
    console.log(`ledger.xlsx of round ${ledger.roundId}: ${ledgerTimes.join(' / ')} ms, ${Math.round(ledgerBytes / 1024)} KB, RSS ${before.rssMb} → peak ${after.hwmMb} MB`);

    const summaryRaw = summaryAsTheApiAsks(setup.treeRoundId, today);
    const raw = [
      await timeRaw('round summary (the API\'s seven statements)', () => summaryRaw.query(setup.raw)),
      await timeRaw('round summary by status', () => setup.raw.query('SELECT "status", COUNT(*) AS n FROM "Measure" WHERE "roundId" = ? GROUP BY "status"', [setup.treeRoundId])),
      await timeRaw('rounds with totals (all, as the API answers)', () => setup.raw.query(`SELECT r."id", r."roundName", COUNT(m."id") AS total, SUM(CASE WHEN m."status" = 'closed' THEN 1 ELSE 0 END) AS closed FROM "InspectionRound" r LEFT JOIN "Measure" m ON m."roundId" = r."id" GROUP BY r."id", r."roundName" ORDER BY r."id" DESC`, [])),
      await timeRaw('overdue page (50)', () => setup.raw.query(`SELECT "id", "roundId", "text", "deadline", "status" FROM "Measure" WHERE "status" <> 'closed' AND "deadline" < ? ORDER BY "deadline", "id" LIMIT 50`, [today])),
    ];
    // API / raw compares like with like: one request at a time against one run of the raw form at a
    // time. (At 10 connections a request's p50 is mostly the nine queued before it on one thread.)
    const pairs: [string, string][] = [
      ['round summary (100 measures)', 'round summary (the API\'s seven statements)'],
      ['rounds list', 'rounds with totals (all, as the API answers)'],
      ['overdue, all rounds', 'overdue page (50)'],
    ];
    const ratios = [];
    for (const [api, rawName] of pairs) {
      const path = routes.find(([name]) => name === api)?.[1] as string;
      const lone = await timeLone(path, cookie);
      const r = raw.find((x) => x.name === rawName);
      const ratio = r && r.p50 > 0 ? Math.round((lone.p50 / r.p50) * 10) / 10 : null;
      console.log(`${api.padEnd(30)} one at a time p50 ${lone.p50} ms (at 10 connections ${results.find((x) => x.name === api)?.p50} ms); raw ${rawName}: p50 ${r?.p50} ms   API/raw (p50) ${ratio}`);
      ratios.push({ api, raw: rawName, apiP50: lone.p50, apiP99: lone.p99, apiP50At10Connections: results.find((x) => x.name === api)?.p50, rawP50: r?.p50, ratio });
    }
    const peak = { hwmMb: Math.max(loadPeakMb, memory(pid).hwmMb) };
    console.log(`server RSS idle ${idle.rssMb} MB, peak (VmHWM) ${peak.hwmMb} MB${peakReset ? '' : ' (the peak could not be reset before the ledger: its growth includes the load tests)'}`);
    const non2xx = results.reduce((n, r) => n + r.non2xx + r.errors, 0) + ledgerNon2xx + ('failed' in dashboard ? 1 : 0) + ('failed' in pages ? 1 : 0);
    console.log(non2xx === 0 ? 'non-2xx: 0' : `NON-2XX OR ERRORS: ${non2xx}`);

    const date = new Date().toISOString().slice(0, 10);
    const file = join(root, 'bench/results', `${date}-${dbKind}-${size}.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({
      at: new Date().toISOString(),
      db: dbKind,
      size,
      machine: { cores: cpus().length, loadAverageAtStart, loadAverageAtEnd: loadavg() },
      counts: setup.counts,
      setupSeconds,
      durationPerRouteSeconds: DURATION,
      connections: 10,
      routes: results,
      ledger,
      coldDashboard: dashboard,
      largeRoundPages: pages,
      raw,
      apiOverRaw: ratios,
      rss: { idleMb: idle.rssMb, peakMb: peak.hwmMb },
      non2xx,
    }, null, 2) + '\n');
    console.log(`wrote ${file}`);
    if (non2xx !== 0) process.exitCode = 1;
    finished = true;
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 1000));
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    await setup.raw.close();
    await setup.cleanup();
    if (!finished || process.exitCode) console.log(`server log kept: ${join(dataDir, 'server.log')}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
