import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, ProgressUpdate, ProgressUpdateCreate } from '@rectify/domain';
import { errors } from '../../lib/route-schemas.js';
import { actorOf } from '../../plugins/auth.js';
import { createProgressService } from './service.js';

export const progressRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const progress = createProgressService({ db: app.db, clock: app.clock });
  app.post('/api/measures/:id/updates', {
    config: { access: 'measure.progress', scope: { params: { id: 'measure' } } },
    schema: {
      tags: ['measures'],
      summary: '报送进展 Append a progress update (sets the measure’s progress; not started → in progress)',
      params: IdParams,
      body: ProgressUpdateCreate,
      response: { 201: ProgressUpdate, ...errors.write },
    },
    handler: async (request, reply) => reply.status(201).send(await progress.add(request.params.id, request.body, actorOf(request))),
  });
};
