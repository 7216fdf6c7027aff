import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.js';
import { PrismaClient as PostgresClient } from './generated/postgres/client.js';
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

export function createDb(url: string | undefined = process.env.DATABASE_URL): Database {
  const target = parseDatabaseUrl(url);
  let db: Db;
  if (target.provider === 'sqlite') {
    ensureParentDir(target);
    db = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: target.location }) });
  } else {
    db = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.location }) }) as unknown as Db;
  }
  return { db, dialect: target.provider === 'sqlite' ? 'sqlite' : 'postgresql', target, close: () => db.$disconnect() };
}
