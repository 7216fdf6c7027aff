import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES, EvidenceDownloadQuery, EvidenceItem, EvidenceUploadQuery, IdParams, isPreviewableEvidence } from '@rectify/domain';
import { attachment } from '../../lib/download.js';
import { allowFramingBySelf } from '../../plugins/security-headers.js';
import { AppError } from '../../lib/errors.js';
import type { EvidenceStore } from '../../lib/evidence-store.js';
import { errors } from '../../lib/route-schemas.js';
import { readMultipartFile } from '../../lib/upload.js';
import { actorOf } from '../../plugins/auth.js';
import { createEvidenceService } from './service.js';

const tags = ['evidence'];

export const evidenceRoutes: FastifyPluginAsyncTypebox<{ store: EvidenceStore }> = async (app, { store }) => {
  const evidence = createEvidenceService({ db: app.db, store });

  app.post('/api/measures/:id/evidence', {
    config: { access: 'measure.progress', scope: { params: { id: 'measure' } } },
    schema: {
      tags,
      summary: `上传佐证材料 Upload evidence (multipart/form-data, one field "file"; ${EVIDENCE_ACCEPT}; ≤ 20 MB; the type is checked by content: 415 when it is not one of these or the name's extension disagrees)`,
      consumes: ['multipart/form-data'],
      params: IdParams,
      querystring: EvidenceUploadQuery,
      response: { 201: EvidenceItem, ...errors.write },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      await evidence.precheck(request.params.id, actor);
      const upload = await readMultipartFile(request, EVIDENCE_MAX_BYTES);
      if (!upload) throw new AppError(400, 'FILE_MISSING');
      return reply.status(201).send(await evidence.add(request.params.id, upload.fileName ?? '', upload.bytes, actor, request.query.progressUpdateId ?? null));
    },
  });

  app.get('/api/measures/:id/evidence', {
    config: { access: 'read', scope: { params: { id: 'measure' } } },
    schema: { tags, summary: '佐证材料列表 The evidence of a measure, oldest first', params: IdParams, response: { 200: Type.Array(EvidenceItem), ...errors.read } },
    handler: (request) => evidence.list(request.params.id),
  });

  app.get('/api/evidence/:id/download', {
    config: { access: 'read', scope: { params: { id: 'evidence' } } },
    schema: {
      tags,
      summary: '下载佐证材料 Download one file (Content-Disposition with the original, possibly Chinese, name; ?inline=true shows images and PDFs in the page)',
      params: IdParams,
      querystring: EvidenceDownloadQuery,
      response: { ...errors.read },
    },
    handler: async (request, reply) => {
      const file = await evidence.file(request.params.id);
      // Only types a browser renders without running anything of the file's are shown inline.
      const inline = request.query.inline === true && isPreviewableEvidence(file.mimeType);
      // The preview frames the file in our own page, and only there.
      if (inline) allowFramingBySelf(reply);
      return reply
        .header('content-type', file.mimeType)
        .header('content-length', file.size)
        .header('content-disposition', inline ? attachment(file.fileName).replace(/^attachment/, 'inline') : attachment(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  });
};
