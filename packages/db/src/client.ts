import type { PrismaClient as SqliteClient } from './generated/sqlite/client.js';
import type { SqlDialect } from '@rectify/domain';
import { ensureParentDir, parseDatabaseUrl, type DatabaseTarget } from './config.js';

/**
 * The one client type the application codes against. Both generated clients come from the same
 * schema, so they share their shape; only the adapter and the SQL dialect differ.
 */
export type Db = SqliteClient;
export type { Prisma } from './generated/sqlite/client.js';
import type { Prisma as PrismaTypes } from './generated/sqlite/client.js';
/** The client inside an interactive transaction. */
export type Tx = PrismaTypes.TransactionClient;

export interface Database {
  db: Db;
  /** Said once, where the client is made, and passed to the services that write dialect-specific SQL. */
  dialect: SqlDialect;
  target: DatabaseTarget;
  close(): Promise<void>;
}

/**
 * Opens the database the URL names. Only that database's generated client, adapter and driver are
 * loaded: the other pair (its ~300 KB runtime data model, `pg` or `better-sqlite3`) would stay
 * resident for nothing (~13 MB of a server's idle RSS; issue 7).
 */
export async function createDb(url: string | undefined = process.env.DATABASE_URL): Promise<Database> {
  const target = parseDatabaseUrl(url);
  let db: Db;
  if (target.provider === 'sqlite') {
    ensureParentDir(target);
    const [{ PrismaBetterSqlite3 }, { PrismaClient }] = await Promise.all([
      import('@prisma/adapter-better-sqlite3'),
      import('./generated/sqlite/client.js'),
    ]);
    db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: target.location }) });
  } else {
    const [{ PrismaPg }, { PrismaClient }] = await Promise.all([
      import('@prisma/adapter-pg'),
      import('./generated/postgres/client.js'),
    ]);
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.location }) }) as unknown as Db;
  }
  return { db, dialect: target.provider === 'sqlite' ? 'sqlite' : 'postgresql', target, close: () => db.$disconnect() };
}
