import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CurrentRound, IdParams, RoundCreate, RoundPage, RoundQuery, RoundRecords, RoundSummary, RoundTree, RoundUpdate, RoundWithTotals } from '@rectify/domain';
import { errors } from '../../lib/route-schemas.js';
import { actorOf } from '../../plugins/auth.js';
import { scopeOf } from '../../lib/scope.js';
import { createRoundService } from './service.js';

const tags = ['rounds'];
const read = { access: 'read' as const };
const write = { access: 'hierarchy.write' as const };

export const roundRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const rounds = createRoundService({ db: app.db, clock: app.clock });

  app.get('/api/rounds', { config: { ...read, scope: { lists: true } }, schema: { tags, summary: '巡察轮次及汇总 Rounds with their totals, a page at a time (keyset: pass nextCursor as cursor)', querystring: RoundQuery, response: { 200: RoundPage, ...errors.read } } }, (r, reply) => app.cachedRead(r, reply, () => rounds.list(r.query, scopeOf(r))));
  app.get('/api/rounds/current', { config: { ...read, scope: { lists: true } }, schema: { tags, summary: '当前轮次 The newest round with open measures, else the newest round', response: { 200: CurrentRound } } }, (r) => rounds.current(scopeOf(r)));
  app.get('/api/rounds/:id', { config: { ...read, scope: { params: { id: 'round' } } }, schema: { tags, summary: '巡察轮次 One round', params: IdParams, response: { 200: RoundWithTotals, ...errors.read } } }, (r) => rounds.get(r.params.id));
  app.post('/api/rounds', { config: { ...write, scope: { body: { inspectedUnitId: 'organization' } } }, schema: { tags, summary: '新建巡察轮次 Create a round', body: RoundCreate, response: { 201: RoundWithTotals, ...errors.write } } }, async (r, reply) => reply.status(201).send(await rounds.create(r.body, actorOf(r))));
  app.patch('/api/rounds/:id', { config: { ...write, scope: { params: { id: 'round' } } }, schema: { tags, summary: '修改巡察轮次 Update a round', params: IdParams, body: RoundUpdate, response: { 200: RoundWithTotals, ...errors.write } } }, (r) => rounds.update(r.params.id, r.body, actorOf(r)));
  app.get('/api/rounds/:id/tree', { config: { ...read, scope: { params: { id: 'round' } } }, schema: { tags, summary: '整改层级树 Round → categories → problems → manifestations and measures', params: IdParams, response: { 200: RoundTree, ...errors.read } } }, (r, reply) => app.cachedRead(r, reply, () => rounds.tree(r.params.id)));
  app.get('/api/rounds/:id/summary', { config: { ...read, scope: { params: { id: 'round' } } }, schema: { tags, summary: '整改进度汇总 Progress by category, leader, department; overdue list', params: IdParams, response: { 200: RoundSummary, ...errors.read } } }, (r, reply) => app.cachedRead(r, reply, () => rounds.summary(r.params.id)));
  app.get('/api/rounds/:id/records', { config: { ...read, scope: { params: { id: 'round' } } }, schema: { tags, summary: '建章立制、会议、领导小组 Regulations, meetings, leading group', params: IdParams, response: { 200: RoundRecords, ...errors.read } } }, (r) => rounds.records(r.params.id));
};
