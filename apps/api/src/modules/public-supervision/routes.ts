import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  IdParams,
  Opinion,
  OpinionPage,
  OpinionQuery,
  OpinionReceived,
  OpinionSubmit,
  OpinionUpdate,
  PublicPageSettings,
  PublicPageUpdate,
  PublicTokenParams,
  PublicView,
} from '@rectify/domain';
import { actorOf } from '../../plugins/auth.js';
import { chromiumPrinter, type PdfPrinter } from '../../lib/pdf.js';
import { errors } from '../../lib/route-schemas.js';
import { scopeOf } from '../../lib/scope.js';
import { createReportService } from '../report/service.js';
import { createRoundService } from '../rounds/service.js';
import { createPublicSupervisionService } from './service.js';

const tags = ['public-supervision'];

/**
 * Per address, across instances (the database's attempt counters, lib/rate-limit.ts): enough for a
 * village office's shared connection on a busy day, too few for a flood.
 */
export const OPINION_RATE_LIMIT = { max: 20, windowMs: 60 * 60 * 1000 };
/** Reading the page builds the report from the round's tree: generous for people, a ceiling for floods. */
export const VIEW_RATE_LIMIT = { max: 120, windowMs: 60 * 1000 };
/** A form of at most 2,000 characters fits in well under this; anything larger is refused before it is parsed (413). */
export const OPINION_BODY_LIMIT = 16 * 1024;

/**
 * 群众监督: the office's switch and inbox (account, scope) and the public page (no account: the
 * token in the path finds the round, and a switched-off or unknown page answers 404).
 */
export const publicSupervisionRoutes: FastifyPluginAsyncTypebox<{ printer?: PdfPrinter }> = async (app, options) => {
  const rounds = createRoundService({ db: app.db, clock: app.clock });
  const report = createReportService({ db: app.db, clock: app.clock, rounds, printer: options.printer ?? chromiumPrinter() });
  const service = createPublicSupervisionService({ db: app.db, clock: app.clock, notifier: app.notifier, report });

  app.get('/api/rounds/:id/public-page', {
    config: { access: 'opinions.read', scope: { params: { id: 'round' } } },
    schema: { tags, summary: '群众监督页面设置 The round’s public page: on or off, its address, the ratings and opinions received', params: IdParams, response: { 200: PublicPageSettings, ...errors.read } },
    handler: (r) => service.settings(r.params.id),
  });

  app.patch('/api/rounds/:id/public-page', {
    config: { access: 'opinions.manage', scope: { params: { id: 'round' } } },
    schema: { tags, summary: '开启或关闭群众监督页面 Switch the public page on or off (send the version read; 0 before it exists)', params: IdParams, body: PublicPageUpdate, response: { 200: PublicPageSettings, ...errors.write } },
    handler: (r) => service.setEnabled(r.params.id, r.body, actorOf(r)),
  });

  app.get('/api/opinions', {
    config: { access: 'opinions.read', scope: { query: { roundId: 'round' }, lists: true } },
    schema: { tags, summary: '群众意见建议 Opinions from the public pages of the rounds one sees, newest first (keyset page); by round and status', querystring: OpinionQuery, response: { 200: OpinionPage, ...errors.read } },
    handler: (r) => service.list(r.query, scopeOf(r)),
  });

  app.patch('/api/opinions/:id', {
    config: { access: 'opinions.manage', scope: { params: { id: 'publicOpinion' } } },
    schema: { tags, summary: '处理意见建议 Set an opinion’s status (new / handled / replied) and notes (send the version read)', params: IdParams, body: OpinionUpdate, response: { 200: Opinion, ...errors.write } },
    handler: (r) => service.update(r.params.id, r.body, actorOf(r)),
  });

  const notFound = { 404: Type.Ref('ErrorResponse'), 400: Type.Ref('ErrorResponse') };

  app.get('/api/public/:token', {
    config: { access: 'public', rateLimit: VIEW_RATE_LIMIT },
    schema: { tags, summary: '群众监督：公开页面 The public page: the round and its published report (no account; 120 a minute per address, then 429)', params: PublicTokenParams, response: { 200: PublicView, ...notFound, 429: Type.Ref('ErrorResponse') } },
    handler: (r) => service.view(r.params.token),
  });

  app.post('/api/public/:token/opinions', {
    config: { access: 'public', rateLimit: OPINION_RATE_LIMIT },
    bodyLimit: OPINION_BODY_LIMIT,
    schema: {
      tags,
      summary: '群众监督：提交意见建议 Send an opinion and an optional rating (no account; limited per address: 429 beyond it; `website` is a honeypot — filled, the answer is the same and nothing is stored)',
      params: PublicTokenParams,
      body: OpinionSubmit,
      response: { 201: OpinionReceived, ...notFound, 413: Type.Ref('ErrorResponse'), 415: Type.Ref('ErrorResponse'), 429: Type.Ref('ErrorResponse') },
    },
    handler: async (r, reply) => reply.status(201).send(await service.submit(r.params.token, r.body)),
  });
};
