import type { Db, Prisma } from '@rectify/db';

/**
 * The data's revision (prisma/schema.prisma DataRevision): triggers move it in every transaction
 * that writes a watched table, so equal revisions mean equal data. One primary-key read.
 */
export function createRevisionRepository(db: Db) {
  return {
    /** The revision now, or null when the row is missing (then nothing may be cached). */
    async current(): Promise<string | null> {
      const [row] = await db.$queryRaw<Pick<Prisma.DataRevisionGetPayload<object>, 'n'>[]>`SELECT "n" AS "n" FROM "DataRevision" WHERE "id" = 1`;
      return row ? String(row.n) : null;
    },
  };
}

/**
 * The tables whose rows no cached answer shows, and so carry no revision trigger; every other table
 * has one (the data_revision migration). The revision suite fails on a table in neither list.
 */
export const UNWATCHED_TABLES = {
  ProgressUpdate: 'a progress update writes its measure (progress, status, last check-in) in the same transaction',
  Evidence: 'files and their counts are read from the measure page, which is not cached',
  Session: 'who is signed in, not what they see',
  AuditLog: 'history, read uncached',
  Notification: 'read uncached',
  JobLease: 'which instance runs the daily job',
  RateCounter: 'attempt counters',
  DataRevision: 'the revision itself',
} as const;
