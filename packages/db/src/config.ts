import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Provider = 'sqlite' | 'postgres';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The repository root: packages/db/{src,dist}/.. /../.. */
export const repoRoot = resolve(packageDir, '../..');
export const defaultDataDir = resolve(repoRoot, 'data');
export const migrationsDir = process.env.RECTIFY_MIGRATIONS_DIR ?? resolve(repoRoot, 'prisma/migrations');

export interface DatabaseTarget {
  provider: Provider;
  /** A file path for SQLite, a connection string for PostgreSQL. */
  location: string;
}

export class UnsupportedDatabaseUrlError extends Error {
  constructor(url: string) {
    super(`DATABASE_URL must be file:<path> (SQLite) or postgresql://… (PostgreSQL), got "${url.split('@').pop()}"`);
  }
}

/** Unset → SQLite at data/rectify.db; `file:` → SQLite; `postgres(ql)://` → PostgreSQL. */
export function parseDatabaseUrl(url: string | undefined): DatabaseTarget {
  if (!url) return { provider: 'sqlite', location: resolve(defaultDataDir, 'rectify.db') };
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: 'postgres', location: url };
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === ':memory:') return { provider: 'sqlite', location: path };
    // Relative to where the command was typed: pnpm runs package scripts in the package's folder
    // but keeps the caller's directory in INIT_CWD.
    return { provider: 'sqlite', location: isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path) };
  }
  throw new UnsupportedDatabaseUrlError(url);
}

export function ensureParentDir(target: DatabaseTarget): void {
  if (target.provider === 'sqlite' && target.location !== ':memory:') {
    mkdirSync(dirname(target.location), { recursive: true });
  }
}
