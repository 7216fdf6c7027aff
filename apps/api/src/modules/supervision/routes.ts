import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams, SupervisionNotice, SupervisionNoticeCreate } from '@rectify/domain';
import { attachment } from '../../lib/download.js';
import { errors } from '../../lib/route-schemas.js';
import { actorOf } from '../../plugins/auth.js';
import { createSupervisionService } from './service.js';

const tags = ['supervision'];
const file = Type.String({ description: 'file contents' });

export const supervisionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const notices = createSupervisionService({ db: app.db, clock: app.clock, notifier: app.notifier });

  app.post('/api/rounds/:id/supervision-notices', {
    config: { access: 'supervision.issue', scope: { params: { id: 'round' }, body: { measureIds: 'measure' } } },
    schema: {
      tags,
      summary: '发督办函 Issue a numbered supervision notice (督办〔年〕N号) to the lead department (or the leader) of one or several open measures of the round; audited on each measure, its owners notified',
      params: IdParams,
      body: SupervisionNoticeCreate,
      response: { 201: SupervisionNotice, ...errors.write },
    },
    handler: async (request, reply) => reply.status(201).send(await notices.issue(request.params.id, request.body, actorOf(request))),
  });

  app.get('/api/rounds/:id/supervision-notices', {
    config: { access: 'read', scope: { params: { id: 'round' } } },
    schema: { tags, summary: '督办函列表 The round’s supervision notices, newest first', params: IdParams, response: { 200: Type.Array(SupervisionNotice), ...errors.read } },
    handler: (request) => notices.ofRound(request.params.id),
  });

  app.get('/api/measures/:id/supervision-notices', {
    config: { access: 'read', scope: { params: { id: 'measure' } } },
    schema: { tags, summary: '措施的督办函 The supervision notices that name a measure', params: IdParams, response: { 200: Type.Array(SupervisionNotice), ...errors.read } },
    handler: (request) => notices.ofMeasure(request.params.id),
  });

  app.get('/api/supervision-notices/:id/notice.docx', {
    config: { access: 'export', scope: { params: { id: 'supervisionNotice' } } },
    schema: {
      tags,
      summary: '督办函（Word） The notice as .docx in the official layout (GB/T 9704)',
      params: IdParams,
      produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      response: { 200: file, ...errors.read },
    },
    handler: async (request, reply) => {
      const { bytes, fileName } = await notices.docx(request.params.id);
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', attachment(fileName))
        .send(bytes);
    },
  });
};
