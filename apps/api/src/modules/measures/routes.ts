import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Deleted, IdParams, MeasureCreate, MeasureDetail, MeasurePage, MeasureQuery, MeasureUpdate } from '@rectify/domain';
import { DeleteQuery, errors } from '../../lib/route-schemas.js';
import { createMeasureService } from './service.js';

const tags = ['measures'];

export const measureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const measures = createMeasureService({ db: app.db, clock: app.clock });

  app.get('/api/measures', {
    schema: { tags, summary: '整改措施列表 List measures (filtered, paginated)', querystring: MeasureQuery, response: { 200: MeasurePage, ...errors.read } },
    handler: (request) => measures.list(request.query),
  });

  app.get('/api/measures/:id', {
    schema: { tags, summary: '整改措施详情 One measure', params: IdParams, response: { 200: MeasureDetail, ...errors.read } },
    handler: (request) => measures.get(request.params.id),
  });

  app.post('/api/measures', {
    schema: { tags, summary: '新增整改措施 Create a measure', body: MeasureCreate, response: { 201: MeasureDetail, ...errors.write } },
    handler: async (request, reply) => reply.status(201).send(await measures.create(request.body)),
  });

  app.patch('/api/measures/:id', {
    schema: {
      tags,
      summary: '修改整改措施 Update a measure (send the version read; a stale one gets 409)',
      params: IdParams,
      body: MeasureUpdate,
      response: { 200: MeasureDetail, ...errors.write },
    },
    handler: (request) => measures.update(request.params.id, request.body),
  });

  app.delete('/api/measures/:id', {
    schema: { tags, summary: '删除整改措施 Delete a measure', params: IdParams, querystring: DeleteQuery, response: { 200: Deleted, ...errors.write } },
    handler: async (request) => {
      await measures.remove(request.params.id, request.query.version);
      return { deleted: true, id: request.params.id };
    },
  });
};
