#!/usr/bin/env node
// `pnpm restore <backup folder>`: into DATABASE_URL (a SQLite file that does not exist yet, or an
// empty PostgreSQL database) and RECTIFY_DATA_DIR/evidence. Stop the server first.
import { resolve } from 'node:path';
import { restore } from '../backup.js';
import { defaultDataDir, parseDatabaseUrl } from '../config.js';

const cwd = process.env.INIT_CWD ?? process.cwd();
const from = process.argv[2];
if (!from) {
  console.error('usage: pnpm restore <backup folder>');
  process.exit(2);
}
const dataDir = resolve(cwd, process.env.RECTIFY_DATA_DIR ?? defaultDataDir);
try {
  const manifest = await restore({ from: resolve(cwd, from), target: parseDatabaseUrl(process.env.DATABASE_URL), evidenceDir: resolve(dataDir, 'evidence') });
  console.log(`restored the backup of ${manifest.createdAt} (${manifest.provider}, ${manifest.evidenceFiles} evidence files)`);
} catch (error) {
  console.error(`restore failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
