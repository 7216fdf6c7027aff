export { createDb, type Database, type Db, type Prisma, type Tx } from './client.js';
export { parseDatabaseUrl, repoRoot, defaultDataDir, UnsupportedDatabaseUrlError, type DatabaseTarget, type Provider } from './config.js';
export { migrate, readMigrations, MigrationChecksumError, type Migration } from './migrate.js';
export { loadDemoRound, type LoadResult } from './demo/load.js';
export { loadDemoDistrict, SUPERVISING_OFFICE, type DistrictResult } from './demo/district.js';
export { referenceRound } from './demo/reference-round.js';
export type { DemoRound } from './demo/types.js';
export { Prisma as PrismaNamespace } from './generated/sqlite/client.js';
export { backup, restore, evidenceFiles, type BackupManifest } from './backup.js';
