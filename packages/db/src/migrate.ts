import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureParentDir, migrationsDir, type DatabaseTarget, type Provider } from './config.js';

/**
 * Applies the SQL migrations of prisma/migrations/<provider>/ in order, each once, each in its own
 * transaction, recording its sha256. A recorded migration whose file changed since is refused:
 * the database and the code would no longer agree on what the schema is.
 */
export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationChecksumError extends Error {
  constructor(readonly migration: string) {
    super(`migration ${migration} was edited after it was applied; restore it and add a new migration instead`);
  }
}

export function readMigrations(provider: Provider, dir = migrationsDir): Migration[] {
  const folder = join(dir, provider);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(folder, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(folder, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const LEDGER = '_rectify_migrations';

function check(applied: Map<string, string>, migrations: Migration[]): Migration[] {
  for (const m of migrations) {
    const recorded = applied.get(m.name);
    if (recorded !== undefined && recorded !== m.checksum) throw new MigrationChecksumError(m.name);
  }
  return migrations.filter((m) => !applied.has(m.name));
}

async function migrateSqlite(path: string, migrations: Migration[]): Promise<string[]> {
  // Each driver is loaded only for its own database: a server keeps only the one it uses.
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.exec(`CREATE TABLE IF NOT EXISTS "${LEDGER}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    // IMMEDIATE takes the write lock first, so two processes starting at once apply each file once.
    const run = db.transaction(() => {
      const rows = db.prepare(`SELECT name, checksum FROM "${LEDGER}"`).all() as { name: string; checksum: string }[];
      const pending = check(new Map(rows.map((r) => [r.name, r.checksum])), migrations);
      for (const m of pending) {
        db.exec(m.sql);
        db.prepare(`INSERT INTO "${LEDGER}" (name, checksum, applied_at) VALUES (?, ?, ?)`).run(
          m.name,
          m.checksum,
          new Date().toISOString(),
        );
      }
      return pending.map((m) => m.name);
    });
    return run.immediate();
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One migrator at a time across processes; the key is arbitrary but fixed.
    await client.query('SELECT pg_advisory_lock(727274)');
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${LEDGER}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "${LEDGER}"`);
    const pending = check(new Map(rows.map((r) => [r.name, r.checksum])), migrations);
    for (const m of pending) {
      // PostgreSQL DDL is transactional: a failing file leaves nothing behind.
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "${LEDGER}" (name, checksum) VALUES ($1, $2)`, [m.name, m.checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return pending.map((m) => m.name);
  } finally {
    await client.query('SELECT pg_advisory_unlock(727274)').catch(() => undefined);
    await client.end();
  }
}

/** Applies pending migrations; returns the names applied now. */
export async function migrate(target: DatabaseTarget, dir = migrationsDir): Promise<string[]> {
  const migrations = readMigrations(target.provider, dir);
  if (migrations.length === 0) throw new Error(`no migrations found under ${join(dir, target.provider)}`);
  if (target.provider === 'sqlite') {
    ensureParentDir(target);
    return migrateSqlite(target.location, migrations);
  }
  return migratePostgres(target.location, migrations);
}
