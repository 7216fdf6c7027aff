import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Deleted, IdParams, MeasureBulkResult, MeasureBulkUpdate, MeasureCreate, MeasureDetail, MeasurePage, MeasureQuery, MeasureUpdate } from '@rectify/domain';
import { localeOf } from '../../plugins/errors.js';
import { DeleteQuery, errors } from '../../lib/route-schemas.js';
import { actorOf } from '../../plugins/auth.js';
import { scopeOf } from '../../lib/scope.js';
import { createMeasureService } from './service.js';

const tags = ['measures'];

export const measureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const measures = createMeasureService({ db: app.db, dialect: app.dialect, clock: app.clock, notifier: app.notifier });

  app.get('/api/measures', {
    config: { access: 'read', scope: { query: { roundId: 'round', categoryId: 'category', problemId: 'problem', leaderId: 'person', departmentId: 'department' }, lists: true } },
    schema: { tags, summary: '整改措施列表 List measures (filtered, paginated; warningLevel lists a 三色预警 level as the time summary counts it)', querystring: MeasureQuery, response: { 200: MeasurePage, ...errors.read } },
    // The overdue list (the dashboards' and the office's heaviest read) through the response cache.
    handler: (request, reply) =>
      request.query.overdue === true ? app.cachedRead(request, reply, () => measures.list(request.query, scopeOf(request))) : measures.list(request.query, scopeOf(request)),
  });

  app.get('/api/measures/:id', {
    config: { access: 'read', scope: { params: { id: 'measure' } } },
    schema: { tags, summary: '整改措施详情 One measure (with its latest closure request and what the caller may do with it)', params: IdParams, response: { 200: MeasureDetail, ...errors.read } },
    handler: (request) => measures.get(request.params.id, actorOf(request)),
  });

  app.post('/api/measures', {
    config: { access: 'hierarchy.write', scope: { body: { problemId: 'problem', manifestationId: 'manifestation', leaderId: 'person', leadDepartmentId: 'department', coDepartmentIds: 'department' } } },
    schema: { tags, summary: '新增整改措施 Create a measure', body: MeasureCreate, response: { 201: MeasureDetail, ...errors.write } },
    handler: async (request, reply) => reply.status(201).send(await measures.create(request.body, actorOf(request))),
  });

  app.patch('/api/measures/:id', {
    config: { access: 'measure.update', scope: { params: { id: 'measure' }, body: { manifestationId: 'manifestation', leaderId: 'person', leadDepartmentId: 'department', coDepartmentIds: 'department' } } },
    schema: {
      tags,
      summary: '修改整改措施 Update a measure (send the version read; a stale one gets 409; a closed one 409 MEASURE_LOCKED; officers may change progress and outcome only, leaders all but status)',
      params: IdParams,
      body: MeasureUpdate,
      response: { 200: MeasureDetail, ...errors.write },
    },
    handler: (request) => measures.update(request.params.id, request.body, actorOf(request)),
  });

  app.post('/api/measures/bulk', {
    config: { access: 'measure.update', scope: { body: { 'measures[].id': 'measure', 'set.leaderId': 'person', 'set.leadDepartmentId': 'department', 'set.coDepartmentIds': 'department' } } },
    schema: {
      tags,
      summary: '批量设置 Set leader, departments, deadline or kind on many measures: each measure its own version check and audit record; the answer lists what changed, what was already so and what failed (stale version, locked, not yours)',
      body: MeasureBulkUpdate,
      response: { 200: MeasureBulkResult, ...errors.write },
    },
    handler: (request) => measures.bulkUpdate(request.body, actorOf(request), localeOf(request)),
  });

  app.delete('/api/measures/:id', {
    config: { access: 'hierarchy.write', scope: { params: { id: 'measure' } } },
    schema: { tags, summary: '删除整改措施 Delete a measure', params: IdParams, querystring: DeleteQuery, response: { 200: Deleted, ...errors.write } },
    handler: async (request) => {
      await measures.remove(request.params.id, request.query.version, actorOf(request));
      return { deleted: true, id: request.params.id };
    },
  });
};
