import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { createDb, loadDemoRound, migrate, referenceRound, type Db } from '@rectify/db';
import { buildApp } from '../src/app.js';
import { fixedClock } from '../src/lib/clock.js';

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
  roundId: number;
  close(): Promise<void>;
}

export async function startApi(database: TestDatabase, options: { today?: string; demo?: boolean } = {}): Promise<TestApi> {
  const { db, target, close } = createDb(database.url);
  await migrate(target);
  const loaded = options.demo === false ? null : await loadDemoRound(db, referenceRound);
  const app = await buildApp({ db, clock: fixedClock(options.today ?? REPORT_DAY) });
  await app.ready();
  return {
    app,
    db,
    roundId: loaded?.roundId ?? 0,
    close: async () => {
      await app.close();
      await close();
      await database.drop();
    },
  };
}
