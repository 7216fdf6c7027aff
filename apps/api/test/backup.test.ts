import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backup, createDb, evidenceFiles, parseDatabaseUrl, restore } from '@rectify/db';
import { pgAdminUrl, postgresAvailable, postgresDatabase, sqliteDatabase, startApi, type TestApi, type TestDatabase } from './harness.js';
import { builders, world } from './fixtures.js';
import { databaseDigest } from './digest.js';

/**
 * `pnpm backup` / `pnpm restore` (packages/db/src/backup.ts): a backup of a database with data and
 * evidence, restored into a fresh database and a fresh data directory, holds exactly the same rows
 * and files; a restore never overwrites.
 */
type ProviderDatabase = TestDatabase & { provider: 'sqlite' | 'postgres' };

function backupSuite(label: string, makeDatabase: () => Promise<ProviderDatabase | null>) {
  describe(`backup and restore on ${label}`, () => {
    let api: TestApi;
    const work = mkdtempSync(join(tmpdir(), 'rectify-backup-test-'));
    let url = '';
    beforeAll(async () => {
      const database = (await makeDatabase())!;
      url = database.url;
      api = await startApi(database);
      const b = builders(api, await world(api));
      const measure = await b.measure();
      await b.evidence(measure.id);
    });
    afterAll(async () => {
      await api?.close();
      rmSync(work, { recursive: true, force: true });
    });

    it('restores into a fresh place exactly what was backed up, and refuses to overwrite', async () => {
      const { dir, manifest } = await backup({ target: parseDatabaseUrl(url), evidenceDir: api.evidenceDir, outDir: join(work, 'backups') });
      expect(manifest.evidenceFiles).toBeGreaterThan(0);

      const fresh = (await makeDatabase())!;
      const target = fresh.provider === 'sqlite' ? parseDatabaseUrl(`file:${join(work, 'restored', 'rectify.db')}`) : parseDatabaseUrl(fresh.url);
      const evidenceDir = join(work, 'restored', 'evidence');
      try {
        await restore({ from: dir, target, evidenceDir });
        const restored = await createDb(target.provider === 'sqlite' ? `file:${target.location}` : target.location);
        try {
          expect(await databaseDigest(restored.db)).toEqual(await databaseDigest(api.db));
        } finally {
          await restored.close();
        }
        expect(evidenceFiles(evidenceDir)).toEqual(evidenceFiles(api.evidenceDir));
        for (const file of evidenceFiles(evidenceDir)) expect(readFileSync(join(evidenceDir, file))).toEqual(readFileSync(join(api.evidenceDir, file)));
        await expect(restore({ from: dir, target, evidenceDir })).rejects.toThrow(/exists already|not empty/);
      } finally {
        await fresh.drop();
      }
    });
  });
}

backupSuite('SQLite', async () => ({ ...sqliteDatabase(), provider: 'sqlite' as const }));
if (await postgresAvailable()) backupSuite('PostgreSQL', async () => {
  const db = await postgresDatabase();
  return db && { ...db, provider: 'postgres' as const };
});
else describe.skip(`backup and restore on PostgreSQL — skipped: no server at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')}`, () => it('needs a PostgreSQL server', () => undefined));
