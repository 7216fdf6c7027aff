import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams, Postponement, PostponementApprove, PostponementCreate, PostponementQuery, PostponementQueueItem, PostponementRefuse } from '@rectify/domain';
import { errors } from '../../lib/route-schemas.js';
import { actorOf } from '../../plugins/auth.js';
import { createPostponementService } from './service.js';

const tags = ['postponements'];

export const postponementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const postponements = createPostponementService({ db: app.db, clock: app.clock, notifier: app.notifier });

  app.post('/api/measures/:id/postponements', {
    config: { access: 'postponement.request', scope: { params: { id: 'measure' } } },
    schema: {
      tags,
      summary: '申请延期 Ask for a later deadline with a reason (the measure’s leader or an officer who answers for it; 409 while one is pending; the office is notified)',
      params: IdParams,
      body: PostponementCreate,
      response: { 201: Postponement, ...errors.write },
    },
    handler: async (request, reply) => reply.status(201).send(await postponements.request(request.params.id, request.body, actorOf(request))),
  });

  app.get('/api/measures/:id/postponements', {
    config: { access: 'read', scope: { params: { id: 'measure' } } },
    schema: { tags, summary: '延期记录 Every postponement request of a measure, newest first', params: IdParams, response: { 200: Type.Array(Postponement), ...errors.read } },
    handler: (request) => postponements.ofMeasure(request.params.id),
  });

  app.get('/api/postponements', {
    config: { access: 'read', scope: { query: { roundId: 'round' }, lists: true } },
    schema: {
      tags,
      summary: '延期审核队列 Postponement requests (default: pending), oldest first; a leader sees those of the measures they lead, an officer their own',
      querystring: PostponementQuery,
      response: { 200: Type.Array(PostponementQueueItem), ...errors.read },
    },
    handler: (request) => postponements.list(request.query, actorOf(request)),
  });

  app.get('/api/postponements/:id', {
    config: { access: 'read', scope: { params: { id: 'postponement' } } },
    schema: { tags, summary: '延期申请 One postponement request', params: IdParams, response: { 200: Postponement, ...errors.read } },
    handler: (request) => postponements.get(request.params.id),
  });

  app.post('/api/postponements/:id/approve', {
    config: { access: 'postponement.decide', scope: { params: { id: 'postponement' } } },
    schema: {
      tags,
      summary: '同意延期 Approve (the office): the deadline moves, the original is kept as 原定时限, the count goes up; the owners are notified',
      params: IdParams,
      body: PostponementApprove,
      response: { 200: Postponement, ...errors.write },
    },
    preValidation: async (request) => {
      if (request.body === undefined || request.body === null) request.body = {};
    },
    handler: (request) => postponements.approve(request.params.id, request.body, actorOf(request)),
  });

  app.post('/api/postponements/:id/refuse', {
    config: { access: 'postponement.decide', scope: { params: { id: 'postponement' } } },
    schema: {
      tags,
      summary: '不同意延期 Refuse with a reason (the office): nothing changes on the measure; the owners are notified',
      params: IdParams,
      body: PostponementRefuse,
      response: { 200: Postponement, ...errors.write },
    },
    handler: (request) => postponements.refuse(request.params.id, request.body, actorOf(request)),
  });
};
