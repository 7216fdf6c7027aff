#!/usr/bin/env node
// `pnpm db:migrate`: applies pending migrations to DATABASE_URL (default: SQLite at data/rectify.db).
import { parseDatabaseUrl } from '../config.js';
import { migrate } from '../migrate.js';

const target = parseDatabaseUrl(process.env.DATABASE_URL);
try {
  const applied = await migrate(target);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} catch (error) {
  console.error(`migration failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
