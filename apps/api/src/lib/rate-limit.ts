import type { Db } from '@rectify/db';
import { AppError } from './errors.js';

/**
 * Attempt limits that hold across server instances: a fixed-window counter per key, counted in
 * the database with one atomic INSERT … ON CONFLICT DO UPDATE … RETURNING (SQLite ≥ 3.35 and
 * PostgreSQL alike), so parallel requests each get a distinct count and none slips through
 * between a read and a write. Callers count BEFORE doing the guarded work (checking a password,
 * accepting a form), and refuse once the count passes the limit.
 *
 * Keys are namespaced strings, e.g. `login:<username>|<address>`, `password:<userId>`,
 * `route:<url>|<address>`.
 */
export interface RateLimit {
  /** Most attempts within one window. */
  max: number;
  windowMs: number;
}

export interface RateHit {
  /** This attempt's number within the window (1 = first). */
  count: number;
  allowed: boolean;
  /** Milliseconds until the window ends (when `allowed` is false: until one may try again). */
  retryAfterMs: number;
}

export interface RateLimiter {
  hit(key: string, limit: RateLimit): Promise<RateHit>;
  /** Forgets the key (after a successful sign-in, say). */
  reset(key: string): Promise<void>;
  /** Deletes windows that have ended (the daily job calls it). */
  prune(): Promise<number>;
}

export function createDbRateLimiter(db: Db, now: () => number = Date.now): RateLimiter {
  return {
    async hit(key, { max, windowMs }) {
      const at = BigInt(now());
      const end = at + BigInt(windowMs);
      const rows = await db.$queryRaw<{ count: number | bigint; windowEnd: number | bigint | string }[]>`
        INSERT INTO "RateCounter" ("key", "count", "windowEnd") VALUES (${key}, 1, ${end})
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE WHEN "RateCounter"."windowEnd" <= ${at} THEN 1 ELSE "RateCounter"."count" + 1 END,
          "windowEnd" = CASE WHEN "RateCounter"."windowEnd" <= ${at} THEN ${end} ELSE "RateCounter"."windowEnd" END
        RETURNING "count", "windowEnd"`;
      const row = rows[0]!;
      const count = Number(row.count);
      return { count, allowed: count <= max, retryAfterMs: Math.max(0, Number(row.windowEnd) - Number(at)) };
    },
    async reset(key) {
      await db.rateCounter.deleteMany({ where: { key } });
    },
    async prune() {
      const { count } = await db.rateCounter.deleteMany({ where: { windowEnd: { lte: BigInt(now()) } } });
      return count;
    },
  };
}

/** Counts one attempt; over the limit → 429 (`code`) with Retry-After, before any work is done. */
export async function takeAttempt(limiter: RateLimiter, key: string, limit: RateLimit, code: 'TOO_MANY_ATTEMPTS' | 'TOO_MANY_REQUESTS' = 'TOO_MANY_REQUESTS'): Promise<void> {
  const hit = await limiter.hit(key, limit);
  if (hit.allowed) return;
  const seconds = Math.max(1, Math.ceil(hit.retryAfterMs / 1000));
  throw new AppError(429, code, { retryAfterSeconds: seconds }, undefined, { 'retry-after': String(seconds) });
}
