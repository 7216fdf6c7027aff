import { describe, expect, it } from 'vitest';
import { createResponseCache, scopeKey } from '../src/lib/response-cache.js';

describe('response cache', () => {
  it('keeps at most maxEntries answers, dropping the least recently used', () => {
    const cache = createResponseCache({ maxEntries: 3 });
    for (const k of ['a', 'b', 'c']) cache.set(k, `{"${k}":1}`);
    expect(cache.get('a')).toBe('{"a":1}'); // a is now the most recent
    cache.set('d', '{"d":1}');
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => cache.get(k) !== undefined)).toEqual([true, true, true]);
    expect(cache.stats.evicted).toBe(1);
  });

  it('keeps at most maxBytes (UTF-8, keys included), and never an answer over a quarter of them', () => {
    const cache = createResponseCache({ maxBytes: 4000 });
    cache.set('huge', 'x'.repeat(1001));
    expect(cache.size).toBe(0);
    for (let i = 0; i < 20; i++) cache.set(`k${i}`, '汉'.repeat(300)); // 900 bytes each
    expect(cache.stats.bytes).toBeLessThanOrEqual(4000);
    expect(cache.size).toBe(4);
    expect(cache.get('k19')).toBeDefined();
    expect(cache.get('k0')).toBeUndefined();
    // Replacing an answer counts its bytes once.
    cache.set('k19', 'y');
    expect(cache.stats.bytes).toBe(3 * (900 + 3) + 1 + 3);
  });

  it('drops an answer after its time to live', () => {
    let now = 1_000;
    const cache = createResponseCache({ ttlMs: 5_000, now: () => now });
    cache.set('a', '1');
    now += 4_999;
    expect(cache.get('a')).toBe('1');
    now += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.stats.bytes).toBe(0);
  });

  it('names each visibility apart: every unit, every granted account, everything', () => {
    const keys = [
      scopeKey({ kind: 'all' }),
      scopeKey({ kind: 'unit', organizationId: 1 }),
      scopeKey({ kind: 'unit', organizationId: 2 }),
      scopeKey({ kind: 'unit', organizationId: null }),
      scopeKey({ kind: 'granted', userId: 1 }),
      scopeKey({ kind: 'granted', userId: 2 }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
