import type { Db } from '@rectify/db';
import { isUniqueViolation } from './prisma-errors.js';

/**
 * A database lease per scheduled job, so that several API instances on one database run each
 * daily job once. Taking it is one conditional statement — an INSERT that only the first caller
 * wins (primary key), or an UPDATE whose WHERE only matches a free lease of a day not yet done —
 * so it works the same on SQLite and PostgreSQL without locks held across the job.
 */
export interface JobLeases {
  /** True when `holder` now holds `job` for `day` until now + ttlMs; false when the day is done or another holds it. */
  acquire(job: string, holder: string, day: string, now: Date, ttlMs: number): Promise<boolean>;
  /** Records the day as done and frees the lease (only the holder can). */
  complete(job: string, holder: string, day: string, now: Date): Promise<boolean>;
  /** Frees the lease without recording the day (the run failed: another instance may retry). */
  release(job: string, holder: string): Promise<void>;
}

export function createJobLeases(db: Db): JobLeases {
  return {
    async acquire(job, holder, day, now, ttlMs) {
      const expiresAt = new Date(now.getTime() + ttlMs);
      try {
        await db.jobLease.create({ data: { name: job, holder, expiresAt } });
        return true;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const { count } = await db.jobLease.updateMany({
        where: {
          name: job,
          AND: [
            { OR: [{ lastRunOn: null }, { lastRunOn: { not: day } }] },
            { OR: [{ expiresAt: null }, { expiresAt: { lte: now } }] },
          ],
        },
        data: { holder, expiresAt },
      });
      return count === 1;
    },

    async complete(job, holder, day, now) {
      const { count } = await db.jobLease.updateMany({
        where: { name: job, holder },
        data: { lastRunOn: day, lastRunAt: now, expiresAt: null },
      });
      return count === 1;
    },

    async release(job, holder) {
      await db.jobLease.updateMany({ where: { name: job, holder }, data: { expiresAt: null } });
    },
  };
}
