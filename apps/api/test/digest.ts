import { createHash } from 'node:crypto';
import type { Db } from '@rectify/db';

/**
 * Everything a database holds, as "<rows>:<hash>" per table: two databases with equal digests hold
 * the same rows. `skip` leaves out tables that change without a write (sessions, attempt counters).
 */
export async function databaseDigest(db: Db, skip: string[] = []): Promise<Record<string, string>> {
  const sqlite = await isSqlite(db);
  const tables = sqlite
    ? await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    : await db.$queryRawUnsafe<{ name: string }[]>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    if (skip.includes(name)) continue;
    const rows = await db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${name}"`);
    // Sorted as text: tables with composite keys have no single column that orders them.
    const text = rows.map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Date ? v.toISOString() : v))).sort().join('\n');
    out[name] = `${rows.length}:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
  }
  return out;
}

async function isSqlite(db: Db): Promise<boolean> {
  try {
    await db.$queryRawUnsafe('SELECT sqlite_version()');
    return true;
  } catch {
    return false;
  }
}
