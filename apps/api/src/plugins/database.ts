import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Db } from '@rectify/db';
import type { Clock } from '../lib/clock.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    clock: Clock;
  }
}

/** Exposes the database client and the clock to every module; their lifetime is the caller's. */
export default fp(async function database(app: FastifyInstance, options: { db: Db; clock: Clock }) {
  app.decorate('db', options.db);
  app.decorate('clock', options.clock);
});
