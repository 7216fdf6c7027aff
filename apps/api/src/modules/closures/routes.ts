import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ClosureApprove,
  ClosureQuery,
  ClosurePage,
  ClosureReject,
  ClosureRequest,
  ClosureSubmit,
  IdParams,
  MeasureDetail,
  MeasureReopen,
} from '@rectify/domain';
import { errors } from '../../lib/route-schemas.js';
import { actorOf } from '../../plugins/auth.js';
import { createMeasureService } from '../measures/service.js';
import { createClosureService } from './service.js';

const tags = ['closures'];

export const closureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const closures = createClosureService({ db: app.db, clock: app.clock, notifier: app.notifier });
  const measures = createMeasureService({ db: app.db, dialect: app.dialect, clock: app.clock, notifier: app.notifier });

  app.post('/api/measures/:id/closure', {
    config: { access: 'measure.progress', scope: { params: { id: 'measure' } } },
    schema: {
      tags,
      summary: '申请销号 Submit a measure for closure (needs ≥ 1 evidence: else 400 EVIDENCE_REQUIRED; → pending_closure)',
      params: IdParams,
      body: ClosureSubmit,
      response: { 201: ClosureRequest, ...errors.write },
    },
    handler: async (request, reply) => reply.status(201).send(await closures.submit(request.params.id, request.body, actorOf(request))),
  });

  app.get('/api/closures', {
    config: { access: 'read', scope: { lists: true } },
    schema: {
      tags,
      summary: '销号审核队列 Closure requests (default: pending), oldest first; a leader sees those of the measures they lead, an officer their own',
      querystring: ClosureQuery,
      response: { 200: ClosurePage, ...errors.read },
    },
    handler: (request) => closures.list(request.query, actorOf(request)),
  });

  app.get('/api/closures/:id', {
    config: { access: 'read', scope: { params: { id: 'closure' } } },
    schema: { tags, summary: '销号申请 One closure request', params: IdParams, response: { 200: ClosureRequest, ...errors.read } },
    handler: (request) => closures.get(request.params.id),
  });

  app.post('/api/closures/:id/approve', {
    config: { access: 'closure.decide', scope: { params: { id: 'closure' } } },
    schema: {
      tags,
      summary: '同意销号 Approve: the measure is closed today and locked (office, admin, or the measure’s leader)',
      params: IdParams,
      body: ClosureApprove,
      response: { 200: ClosureRequest, ...errors.write },
    },
    // Approving needs nothing but the id: a POST without a body counts as {}.
    preValidation: async (request) => {
      if (request.body === undefined || request.body === null) request.body = {};
    },
    handler: (request) => closures.approve(request.params.id, request.body, actorOf(request)),
  });

  app.post('/api/closures/:id/reject', {
    config: { access: 'closure.decide', scope: { params: { id: 'closure' } } },
    schema: {
      tags,
      summary: '退回销号 Reject with a reason: the measure goes back to in progress and its owners are notified',
      params: IdParams,
      body: ClosureReject,
      response: { 200: ClosureRequest, ...errors.write },
    },
    handler: (request) => closures.reject(request.params.id, request.body, actorOf(request)),
  });

  app.post('/api/measures/:id/reopen', {
    config: { access: 'measure.reopen', scope: { params: { id: 'measure' } } },
    schema: {
      tags,
      summary: '重新打开 Reopen a closed measure with a reason (office, admin); kept in its history',
      params: IdParams,
      body: MeasureReopen,
      response: { 200: MeasureDetail, ...errors.write },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      await closures.reopen(request.params.id, request.body, actor);
      return measures.get(request.params.id, actor);
    },
  });
};
