import type { FastifyReply, FastifyRequest } from 'fastify';
import { roundScope, type RoundScope } from '@rectify/domain';
import type { Clock } from './clock.js';
import { AppError } from './errors.js';

export interface ResponseCacheOptions {
  /** At most this many answers (default 1,000). */
  maxEntries?: number;
  /** At most this many bytes of answers, UTF-8 (default 32 MB); a larger answer is not kept. */
  maxBytes?: number;
  /** An answer is dropped this long after it was computed, whatever the revision says (default 5 s). */
  ttlMs?: number;
  now?: () => number;
}

interface Entry {
  body: string;
  bytes: number;
  at: number;
}

/**
 * Serialised answers, least recently used first out, bounded by count and by bytes, each kept at
 * most `ttlMs` (a safety net: the key's revision is what keeps an answer right).
 */
export function createResponseCache(options: ResponseCacheOptions = {}) {
  const maxEntries = options.maxEntries ?? 1_000;
  const maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
  const ttlMs = options.ttlMs ?? 5_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const stats = { hits: 0, misses: 0, evicted: 0, bytes: 0 };

  function drop(key: string, entry: Entry) {
    entries.delete(key);
    stats.bytes -= entry.bytes;
  }

  return {
    stats,
    get size() {
      return entries.size;
    },
    get(key: string): string | undefined {
      const entry = entries.get(key);
      if (!entry || now() - entry.at >= ttlMs) {
        if (entry) drop(key, entry);
        stats.misses++;
        return undefined;
      }
      // Most recently used last.
      entries.delete(key);
      entries.set(key, entry);
      stats.hits++;
      return entry.body;
    },
    set(key: string, body: string): void {
      const bytes = Buffer.byteLength(body) + Buffer.byteLength(key);
      const old = entries.get(key);
      if (old) drop(key, old);
      if (bytes > maxBytes / 4) return;
      entries.set(key, { body, bytes, at: now() });
      stats.bytes += bytes;
      for (const [k, e] of entries) {
        if (entries.size <= maxEntries && stats.bytes <= maxBytes) break;
        drop(k, e);
        stats.evicted++;
      }
    },
    clear(): void {
      entries.clear();
      stats.bytes = 0;
    },
  };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;

/** The visibility an answer was computed for (packages/domain roundScope): part of every key. */
export function scopeKey(scope: RoundScope): string {
  switch (scope.kind) {
    case 'all':
      return 'all';
    case 'unit':
      return `unit:${scope.organizationId ?? 'none'}`;
    case 'granted':
      return `granted:${scope.userId}`;
  }
}

/**
 * A read route's answer through the cache: keyed by the route and its whole URL (path and query),
 * the account's role and round scope, today's date on the app's clock (warnings and overdue counts
 * depend on it) and the data's revision read from the database on this request (so a write through
 * any instance, job or statement is seen by the next read). Concurrent misses of one key compute
 * once. The answer is kept serialised, as the route's response schema writes it.
 */
export function createCachedReads(deps: { cache: ResponseCache; clock: Clock; revision: () => Promise<string | null> }) {
  const pending = new Map<string, Promise<string>>();
  return async function cachedRead(request: FastifyRequest, reply: FastifyReply, compute: () => Promise<unknown>): Promise<unknown> {
    const actor = request.actor;
    if (!actor) throw new AppError(401, 'UNAUTHORIZED');
    const revision = await deps.revision();
    if (revision === null) return compute();
    const key = [request.routeOptions.url, request.url, actor.role, scopeKey(roundScope(actor)), deps.clock.today(), revision].join('\u0000');
    let body = deps.cache.get(key);
    if (body === undefined) {
      let computing = pending.get(key);
      if (!computing) {
        const started = compute()
          .then((value) => {
            const serialised = reply.serialize(value);
            // The routes' serialiser writes JSON text; anything else is not kept.
            if (typeof serialised !== 'string') throw new Error(`${request.routeOptions.url}: the serialiser did not write text`);
            deps.cache.set(key, serialised);
            return serialised;
          })
          .finally(() => pending.delete(key));
        pending.set(key, started);
        computing = started;
      }
      body = await computing;
    }
    void reply.type('application/json; charset=utf-8');
    return body;
  };
}

export type CachedRead = ReturnType<typeof createCachedReads>;
