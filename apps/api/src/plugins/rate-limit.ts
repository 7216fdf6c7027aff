import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { createDbRateLimiter, takeAttempt, type RateLimit, type RateLimiter } from '../lib/rate-limit.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Per-address limit of this route (e.g. a public form): `{ max: 5, windowMs: 3_600_000 }`.
     * Over it → 429 TOO_MANY_REQUESTS with Retry-After, before the body is read.
     */
    rateLimit?: RateLimit;
  }
  interface FastifyInstance {
    /** The shared attempt counter (lib/rate-limit.ts); services count their own keys with it. */
    rateLimiter: RateLimiter;
  }
}

/** Counts in the database, so limits hold across instances; `config.rateLimit` routes are checked here. */
export default fp(async function rateLimit(app: FastifyInstance, options: { limiter?: RateLimiter }) {
  app.decorate('rateLimiter', options.limiter ?? createDbRateLimiter(app.db));
  app.addHook('onRequest', async (request) => {
    const limit = request.routeOptions.config?.rateLimit;
    if (!limit) return;
    await takeAttempt(app.rateLimiter, `route:${request.method} ${request.routeOptions.url}|${request.ip}`, limit);
  });
});
