import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Db } from '@rectify/db';
import type { SqlDialect } from '@rectify/domain';
import type { Clock } from '../lib/clock.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    /** The SQL dialect `db` speaks (createDb's `dialect`), for the statements whose date arithmetic differs. */
    dialect: SqlDialect;
    clock: Clock;
  }
}

/** Exposes the database client, its dialect and the clock to every module; their lifetime is the caller's. */
export default fp(async function database(app: FastifyInstance, options: { db: Db; dialect: SqlDialect; clock: Clock }) {
  app.decorate('db', options.db);
  app.decorate('dialect', options.dialect);
  app.decorate('clock', options.clock);
});
