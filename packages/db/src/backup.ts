import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DatabaseTarget } from './config.js';

const run = promisify(execFile);

/**
 * Backups of a Rectify installation: the database and the evidence files, in one folder.
 *
 * - SQLite: SQLite's online backup API (better-sqlite3 `.backup()`), a consistent copy taken while
 *   the server keeps running and writing.
 * - PostgreSQL: `pg_dump --format=custom` (restored with `pg_restore`); the client tools must be
 *   installed (Debian: postgresql-client).
 * - Evidence: every file under <data>/evidence/<2 hex>/<sha256>, checked against its name while
 *   copied, so a backup never carries a damaged file silently.
 *
 * The folder holds manifest.json (what, when, how many files, the database copy's sha256).
 */
export interface BackupManifest {
  format: 'rectify-backup-1';
  createdAt: string;
  provider: DatabaseTarget['provider'];
  databaseFile: string;
  databaseSha256: string;
  evidenceFiles: number;
}

const SHA256 = /^[0-9a-f]{64}$/;
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Evidence files as <2 hex>/<sha256> relative paths (anything else in the folder is not ours). */
export function evidenceFiles(evidenceDir: string): string[] {
  if (!existsSync(evidenceDir)) return [];
  const out: string[] = [];
  for (const prefix of readdirSync(evidenceDir).sort()) {
    const dir = join(evidenceDir, prefix);
    if (!/^[0-9a-f]{2}$/.test(prefix) || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) if (SHA256.test(name) && name.startsWith(prefix)) out.push(`${prefix}/${name}`);
  }
  return out;
}

function copyEvidence(from: string, to: string): number {
  const files = evidenceFiles(from);
  for (const file of files) {
    const source = join(from, file);
    const name = file.slice(3);
    if (sha256(source) !== name) throw new Error(`evidence file damaged (content does not match its name): ${source}`);
    mkdirSync(join(to, file.slice(0, 2)), { recursive: true });
    const target = join(to, file);
    if (!existsSync(target)) copyFileSync(source, target);
  }
  return files.length;
}

export async function backup({ target, evidenceDir, outDir, now = new Date() }: { target: DatabaseTarget; evidenceDir: string; outDir: string; now?: Date }): Promise<{ dir: string; manifest: BackupManifest }> {
  const dir = join(outDir, `rectify-backup-${now.toISOString().replace(/[:.]/g, '-')}`);
  if (existsSync(dir)) throw new Error(`backup folder exists already: ${dir}`);
  mkdirSync(dir, { recursive: true });
  let databaseFile: string;
  if (target.provider === 'sqlite') {
    if (!existsSync(target.location)) throw new Error(`no SQLite database at ${target.location}`);
    databaseFile = 'rectify.db';
    const { default: Database } = await import('better-sqlite3');
    const source = new Database(target.location, { readonly: true, fileMustExist: true });
    try {
      await source.backup(join(dir, databaseFile));
    } finally {
      source.close();
    }
  } else {
    databaseFile = 'rectify.pgdump';
    await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${join(dir, databaseFile)}`, `--dbname=${target.location}`]);
  }
  const evidenceCount = copyEvidence(evidenceDir, join(dir, 'evidence'));
  const manifest: BackupManifest = {
    format: 'rectify-backup-1',
    createdAt: now.toISOString(),
    provider: target.provider,
    databaseFile,
    databaseSha256: sha256(join(dir, databaseFile)),
    evidenceFiles: evidenceCount,
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, manifest };
}

/**
 * Restores a backup folder into `target` and `evidenceDir`. Refuses to overwrite: the SQLite file
 * must not exist, the PostgreSQL database must have no tables. Verifies the copy's sha256 first.
 */
export async function restore({ from, target, evidenceDir }: { from: string; target: DatabaseTarget; evidenceDir: string }): Promise<BackupManifest> {
  const manifest = JSON.parse(readFileSync(join(from, 'manifest.json'), 'utf8')) as BackupManifest;
  if (manifest.format !== 'rectify-backup-1') throw new Error(`not a Rectify backup: ${from}`);
  if (manifest.provider !== target.provider) throw new Error(`the backup is of ${manifest.provider}, DATABASE_URL points to ${target.provider}`);
  const copy = join(from, manifest.databaseFile);
  if (sha256(copy) !== manifest.databaseSha256) throw new Error(`the database copy is damaged (sha256 differs from the manifest): ${copy}`);
  if (target.provider === 'sqlite') {
    if (existsSync(target.location)) throw new Error(`a database exists already at ${target.location}: move it away first`);
    mkdirSync(join(target.location, '..'), { recursive: true });
    copyFileSync(copy, target.location);
  } else {
    const { stdout } = await run('psql', ['--no-psqlrc', '-tAc', "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", target.location]);
    if (Number(stdout.trim()) > 0) throw new Error('the PostgreSQL database is not empty: restore into a new database');
    await run('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${target.location}`, copy]);
  }
  const restored = copyEvidence(join(from, 'evidence'), evidenceDir);
  if (restored !== manifest.evidenceFiles) throw new Error(`the backup lists ${manifest.evidenceFiles} evidence files, found ${restored}`);
  return manifest;
}
