import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { migrate, readMigrations } from '../src/index.js';

const adminUrl = process.env.RECTIFY_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

async function connect(url: string): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return client;
  } catch {
    return null;
  }
}

const admin = await connect(adminUrl);
if (!admin) console.warn(`PostgreSQL migration tests skipped: no server answers at ${adminUrl.replace(/\/\/[^@]*@/, '//')} (set RECTIFY_TEST_PG_URL)`);

describe.skipIf(!admin)('migrations on PostgreSQL, several instances starting at once', () => {
  const name = `rectify_t_migrate_${process.pid}`;
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

  beforeAll(async () => {
    await admin!.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin!.query(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    await admin?.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin?.end();
  });

  it('applies each migration once when three migrators start together (advisory lock)', async () => {
    const all = readMigrations('postgres').map((m) => m.name);
    const runs = await Promise.all([1, 2, 3].map(() => migrate({ provider: 'postgres', location: url })));
    // One of them applied everything; the others waited for it and found nothing pending.
    expect(runs.map((r) => r.length).sort()).toEqual([0, 0, all.length]);
    expect(runs.find((r) => r.length)).toEqual(all);
    const db = (await connect(url))!;
    try {
      const { rows } = await db.query<{ name: string }>('SELECT name FROM "_rectify_migrations" ORDER BY name');
      expect(rows.map((r) => r.name)).toEqual(all);
      // No lock is left behind for the next start.
      const locks = await db.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = $1)`, [name]);
      expect(locks.rowCount).toBe(0);
    } finally {
      await db.end();
    }
    expect(await migrate({ provider: 'postgres', location: url })).toEqual([]);
  });
});
