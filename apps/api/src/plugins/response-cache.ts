import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { createCachedReads, createResponseCache, type CachedRead, type ResponseCache, type ResponseCacheOptions } from '../lib/response-cache.js';
import { createRevisionRepository } from '../modules/revision/repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The hot read routes' answers (lib/response-cache.ts); null when turned off. */
    responseCache: ResponseCache | null;
    /** A read route's answer through the cache (or computed, when it is off). */
    cachedRead: CachedRead;
  }
}

/** The response cache of the round summary, tree, rounds list, overdue list and programme figures; after `database`. */
export default fp(async function responseCache(app: FastifyInstance, options: { cache: ResponseCacheOptions | false }) {
  if (options.cache === false) {
    app.decorate('responseCache', null);
    app.decorate('cachedRead', (_request, _reply, compute) => compute());
    return;
  }
  const cache = createResponseCache(options.cache);
  const revisions = createRevisionRepository(app.db);
  app.decorate('responseCache', cache);
  app.decorate('cachedRead', createCachedReads({ cache, clock: app.clock, revision: () => revisions.current() }));
});
