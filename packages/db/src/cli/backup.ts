#!/usr/bin/env node
// `pnpm backup [folder]`: the database of DATABASE_URL and the evidence files under RECTIFY_DATA_DIR
// into a new folder <folder>/rectify-backup-<time> (default folder: <data>/backups).
import { resolve } from 'node:path';
import { backup } from '../backup.js';
import { defaultDataDir, parseDatabaseUrl } from '../config.js';

const cwd = process.env.INIT_CWD ?? process.cwd();
const dataDir = resolve(cwd, process.env.RECTIFY_DATA_DIR ?? defaultDataDir);
const outDir = resolve(cwd, process.argv[2] ?? resolve(dataDir, 'backups'));
try {
  const { dir, manifest } = await backup({ target: parseDatabaseUrl(process.env.DATABASE_URL), evidenceDir: resolve(dataDir, 'evidence'), outDir });
  console.log(`backup written: ${dir} (${manifest.provider}, ${manifest.evidenceFiles} evidence files)`);
} catch (error) {
  console.error(`backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
