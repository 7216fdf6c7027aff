/**
 * In-memory brake on password guessing: after `maxFailures` failed sign-ins for one username from
 * one address within `windowMs`, further attempts are refused until the window has passed. A
 * success clears the count. One process's memory is enough for a unit's single server; it resets
 * on restart.
 */
export interface LoginThrottle {
  /** Milliseconds until the key may try again; 0 when it may now. */
  retryAfter(key: string): number;
  fail(key: string): void;
  succeed(key: string): void;
}

export function createLoginThrottle({
  maxFailures = 5,
  windowMs = 15 * 60 * 1000,
  now = () => Date.now(),
}: { maxFailures?: number; windowMs?: number; now?: () => number } = {}): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => (failures.get(key) ?? []).filter((t) => now() - t < windowMs);
  return {
    retryAfter(key) {
      const times = recent(key);
      if (times.length < maxFailures) return 0;
      return Math.max(0, times[times.length - maxFailures]! + windowMs - now());
    },
    fail(key) {
      if (failures.size > 10_000) {
        for (const [k, times] of failures) if (!times.some((t) => now() - t < windowMs)) failures.delete(k);
      }
      failures.set(key, [...recent(key), now()]);
    },
    succeed(key) {
      failures.delete(key);
    },
  };
}
