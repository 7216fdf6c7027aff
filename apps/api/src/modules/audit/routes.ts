import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AuditEntry, AuditPage, AuditQuery, IdParams } from '@rectify/domain';
import { errors } from '../../lib/route-schemas.js';
import { scopeOf } from '../../lib/scope.js';
import { createAuditService } from './service.js';

/** Read-only on purpose: no route edits or deletes audit rows. */
export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const audit = createAuditService({ db: app.db });
  app.get('/api/audit', {
    config: { access: 'audit.read', scope: { lists: true } },
    schema: { tags: ['audit'], summary: '操作日志 The audit log, newest first (office, admin); filter by entity and id', querystring: AuditQuery, response: { 200: AuditPage, ...errors.read } },
    handler: (request) => audit.query(request.query, scopeOf(request)),
  });
  app.get('/api/measures/:id/history', {
    config: { access: 'read', scope: { params: { id: 'measure' } } },
    schema: { tags: ['measures'], summary: '措施历史 A measure’s history: its changes, progress updates, evidence, closures and reopenings, newest first', params: IdParams, response: { 200: Type.Array(AuditEntry), ...errors.read } },
    handler: (request) => audit.measureHistory(request.params.id),
  });
};
