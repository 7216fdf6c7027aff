import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { RoundWithTotals, TextImportConfirm, TextImportPreviewSchema, TextImportRequest } from '@rectify/domain';
import { actorOf } from '../../plugins/auth.js';
import { scopeOf } from '../../lib/scope.js';
import { errors } from '../../lib/route-schemas.js';
import { acceptRawUploads, readUpload } from '../../lib/upload.js';
import { createRoundService } from '../rounds/service.js';
import { createTextImportService } from './service.js';

const tags = ['import'];
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const UploadQuery = Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 255 })) }, { additionalProperties: false });

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const imports = createTextImportService({ db: app.db, rounds: createRoundService({ db: app.db, clock: app.clock }) });
  acceptRawUploads(app, MAX_DOCUMENT_BYTES);

  app.post('/api/import/text/preview', {
    config: { access: 'hierarchy.write', scope: {} },
    bodyLimit: 4 * 1024 * 1024,
    schema: { tags, summary: '从文本导入：解析预览 Parse a pasted report or feedback text into a hierarchy to review', body: TextImportRequest, response: { 200: TextImportPreviewSchema, ...errors.write } },
    handler: (r) => imports.preview(r.body.text),
  });

  app.post('/api/import/document/preview', {
    config: { access: 'hierarchy.write', scope: {} },
    bodyLimit: MAX_DOCUMENT_BYTES,
    schema: { tags, summary: '从文件导入：解析预览 Parse an uploaded .txt, .docx or .pdf (multipart or raw body)', querystring: UploadQuery, response: { 200: TextImportPreviewSchema, ...errors.write, 503: Type.Ref('ErrorResponse') } },
    handler: async (r) => {
      const upload = await readUpload(r, MAX_DOCUMENT_BYTES);
      return app.importGate.run(() => imports.previewDocument(upload.bytes, upload.fileName));
    },
  });

  app.post('/api/import/text', {
    config: { access: 'hierarchy.write', scope: { lists: true } },
    bodyLimit: 4 * 1024 * 1024,
    schema: { tags, summary: '确认导入：新建巡察轮次 Create a round from the reviewed hierarchy', body: TextImportConfirm, response: { 201: RoundWithTotals, ...errors.write } },
    handler: async (r, reply) => reply.status(201).send(await imports.confirm(r.body, actorOf(r), scopeOf(r))),
  });
};
