import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { PdfPrinter } from '../src/lib/pdf.js';
import { createDb, loadDemoRound, migrate, referenceRound, type Db } from '@rectify/db';
import type { Role, SqlDialect } from '@rectify/domain';
import { buildApp, type AppOptions } from '../src/app.js';
import { fixedClock } from '../src/lib/clock.js';
import { scryptHasher } from '../src/lib/passwords.js';
import { DEMO_PASSWORD, ensureDemoAccounts } from '../src/modules/auth/demo-accounts.js';

/** Cheap scrypt for tests (the hash records its cost, so verification follows it). */
export const testHasher = scryptHasher({ logN: 10 });

/** A database of the test's own, and how to throw it away. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function sqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'rectify-test-'));
  return { url: `file:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

export const pgAdminUrl = process.env.RECTIFY_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** null when no PostgreSQL answers; the caller skips with a line saying so. */
export async function postgresDatabase(): Promise<TestDatabase | null> {
  const admin = new pg.Client({ connectionString: pgAdminUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `rectify_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(pgAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: pgAdminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function postgresAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: pgAdminUrl, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** The day the reference report was signed: the one open measure (due 2023-07-31) is 18 days late. */
export const REPORT_DAY = '2023-08-18';

export interface TestApi {
  app: FastifyInstance;
  db: Db;
  /** The SQL dialect of `db`, as createDb says it. */
  dialect: SqlDialect;
  roundId: number;
  /** A request as the office (整改办公室) would send it. */
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Signs in a demo account (admin, office, leader, officer, inspector) through the API, once; its cookie header. */
  login(username: Role | string, password?: string): Promise<{ cookie: string }>;
  /** A request as the given demo account (or anonymous with null). */
  as(username: Role | string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Where this app stores evidence files. */
  evidenceDir: string;
  close(): Promise<void>;
}

/** The routes answered through the response cache (lib/response-cache.ts). */
export function isCachedRead(url: string): boolean {
  const [path, query = ''] = url.split('?');
  return /^\/api\/(rounds(\/\d+\/(summary|tree))?|programme)$/.test(path!) || (path === '/api/measures' && new URLSearchParams(query).get('overdue') === 'true');
}

/** The session cookie of a login answer, as a request header. */
export function sessionCookie(res: LightMyRequestResponse): { cookie: string } {
  const set = res.cookies.find((c) => c.name === 'rectify_session');
  if (!set) throw new Error(`no session cookie (status ${res.statusCode}: ${res.body})`);
  return { cookie: `rectify_session=${set.value}` };
}

export async function startApi(
  database: TestDatabase,
  options: { today?: string; demo?: boolean; printer?: PdfPrinter; app?: Partial<AppOptions> } = {},
): Promise<TestApi> {
  const { db, dialect, target, close } = await createDb(database.url);
  await migrate(target);
  const loaded = options.demo === false ? null : await loadDemoRound(db, referenceRound);
  const clock = fixedClock(options.today ?? REPORT_DAY);
  await ensureDemoAccounts(db, testHasher, clock);
  const evidenceDir = mkdtempSync(join(tmpdir(), 'rectify-evidence-'));
  const appOptions: AppOptions = {
    db,
    dialect,
    clock,
    printer: options.printer,
    hasher: testHasher,
    scheduler: false,
    evidenceDir,
    loginFailureDelayMs: 0,
    ...options.app,
  };
  const app = await buildApp(appOptions);
  await app.ready();
  // The same app on the same database and clock without the response cache: every cached read a
  // suite makes is asked of it too, and must answer the same bytes (a write path that did not move
  // the data's revision would leave the cached app answering what the data was).
  const uncached = appOptions.responseCache === false ? null : await buildApp({ ...appOptions, responseCache: false });
  await uncached?.ready();
  const cookies = new Map<string, Promise<{ cookie: string }>>();
  const login = (username: string, password = DEMO_PASSWORD) => {
    const key = `${username}\u0000${password}`;
    let cookie = cookies.get(key);
    if (!cookie) {
      cookie = app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } }).then(sessionCookie);
      cookies.set(key, cookie);
    }
    return cookie;
  };
  const as = async (username: string | null, request: InjectOptions) => {
    const options = { ...request, headers: { ...(username ? await login(username) : {}), ...request.headers } };
    const res = await app.inject(options);
    if (uncached && (request.method ?? 'GET') === 'GET' && res.statusCode === 200 && isCachedRead(String(request.url ?? ''))) {
      const fresh = await uncached.inject(options);
      if (fresh.body !== res.body) throw new Error(`the cached answer of GET ${request.url} is not what the data says now:\n cached: ${res.body.slice(0, 400)}\n   data: ${fresh.body.slice(0, 400)}`);
    }
    return res;
  };
  return {
    app,
    db,
    dialect,
    roundId: loaded?.roundId ?? 0,
    request: (request) => as('office', request),
    login,
    as,
    evidenceDir,
    close: async () => {
      await app.close();
      await uncached?.close();
      await close();
      await database.drop();
      rmSync(evidenceDir, { recursive: true, force: true });
    },
  };
}

/**
 * Problems and measures whose denormalised roundId is not their category's round (or is missing):
 * the repositories keep it right on every create, and the suites check it after their writes.
 */
export async function roundIdMismatches(db: Db): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
    `SELECT COUNT(*) AS n FROM "Problem" p JOIN "Category" c ON c."id" = p."categoryId"
       LEFT JOIN "Measure" m ON m."problemId" = p."id"
     WHERE p."roundId" IS NULL OR p."roundId" <> c."roundId" OR m."roundId" IS NULL AND m."id" IS NOT NULL OR m."roundId" <> c."roundId"`,
  );
  return Number(rows[0]!.n);
}
