export { createDb, type Database, type Db, type Prisma, type Tx } from './client.js';
export { parseDatabaseUrl, repoRoot, defaultDataDir, UnsupportedDatabaseUrlError, type DatabaseTarget, type Provider } from './config.js';
export { migrate, readMigrations, MigrationChecksumError, type Migration } from './migrate.js';
export { loadDemoRound, type LoadResult } from './demo/load.js';
export { loadDemoDistrict, SUPERVISING_OFFICE, type DistrictResult } from './demo/district.js';
export { referenceRound } from './demo/reference-round.js';
export type { DemoRound } from './demo/types.js';
// The namespace's runtime part (sql, join, raw, the error classes) is the same for both databases; it
// is taken from its own module so that importing it does not load the SQLite client's data model.
export * as PrismaNamespace from './generated/sqlite/internal/prismaNamespace.js';
export { backup, restore, evidenceFiles, type BackupManifest } from './backup.js';
