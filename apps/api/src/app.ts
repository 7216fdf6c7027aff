import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '@rectify/db';
import { systemClock, type Clock } from './lib/clock.js';
import database from './plugins/database.js';
import errors from './plugins/errors.js';
import openapi from './plugins/openapi.js';
import { registerWebApp } from './plugins/web.js';
import { healthRoutes } from './modules/health/routes.js';
import { roundRoutes } from './modules/rounds/routes.js';
import { hierarchyRoutes } from './modules/hierarchy/routes.js';
import { measureRoutes } from './modules/measures/routes.js';
import { peopleRoutes } from './modules/people/routes.js';

export interface AppOptions {
  db: Db;
  clock?: Clock;
  /** The built web app to serve at /; none in API tests. */
  webDir?: string;
  logger?: boolean;
}

/** Builds the whole application; the server and the tests both call this. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: process.env.LOG_LEVEL ?? 'info' } : false,
    bodyLimit: 1024 * 1024,
    ajv: {
      customOptions: {
        // Unknown fields are refused, not silently dropped: a misspelt field must not look saved.
        removeAdditional: false,
        coerceTypes: 'array',
        allErrors: true,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(database, { db: options.db, clock: options.clock ?? systemClock });
  await app.register(openapi);

  const webServed = await registerWebApp(app, options.webDir);
  await app.register(errors, {
    pageFallback: webServed ? (_request, reply) => reply.type('text/html').sendFile('index.html') : undefined,
  });

  await app.register(healthRoutes);
  await app.register(roundRoutes);
  await app.register(hierarchyRoutes);
  await app.register(measureRoutes);
  await app.register(peopleRoutes);
  return app;
}
