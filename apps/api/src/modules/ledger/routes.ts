import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams, LedgerImportPlan, LedgerQuery } from '@rectify/domain';
import { actorOf } from '../../plugins/auth.js';
import { attachment } from '../../lib/download.js';
import { errors } from '../../lib/route-schemas.js';
import { acceptRawUploads, readUpload } from '../../lib/upload.js';
import { createLedgerService } from './service.js';

const tags = ['ledger'];
const MAX_LEDGER_BYTES = 20 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** statusesVerified=true: the office vouches for the sheet's closures (audited as such). */
const LedgerUploadQuery = Type.Object(
  { fileName: Type.Optional(Type.String({ maxLength: 255 })), statusesVerified: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])) },
  { additionalProperties: false },
);

export const ledgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ledger = createLedgerService({ db: app.db, clock: app.clock });
  acceptRawUploads(app, MAX_LEDGER_BYTES);
  const fileName = async (roundId: number, ext: string) => `${await ledger.title(roundId)}整改台账.${ext}`;

  app.get('/api/rounds/:id/ledger.xlsx', {
    config: { access: 'export', scope: { params: { id: 'round' } } },
    schema: { tags, summary: '导出整改台账（Excel） Ledger as xlsx, streamed; takes the measure list filters; postponed measures carry 原定时限 / 调整后时限 / 延期原因, long-term ones 报送周期 (每月 / 每季度) and 最近报送日期', params: IdParams, querystring: LedgerQuery, produces: [XLSX], response: { 200: Type.String(), ...errors.read } },
    handler: async (r, reply) => {
      const name = await fileName(r.params.id, 'xlsx'); // 404 before the download starts
      const out = new PassThrough();
      ledger.writeXlsx(r.params.id, r.query, out).catch((error) => {
        r.log.error({ err: error }, 'ledger export failed mid-stream');
        out.destroy(error as Error);
      });
      return reply.type(XLSX).header('content-disposition', attachment(name)).send(out);
    },
  });

  app.get('/api/rounds/:id/ledger.csv', {
    config: { access: 'export', scope: { params: { id: 'round' } } },
    schema: { tags, summary: '导出整改台账（CSV） Ledger as CSV (UTF-8 with BOM)', params: IdParams, querystring: LedgerQuery, produces: ['text/csv'], response: { 200: Type.String(), ...errors.read } },
    handler: async (r, reply) => {
      const csv = await ledger.csv(r.params.id, r.query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(await fileName(r.params.id, 'csv'))).send(csv);
    },
  });

  app.get('/api/rounds/:id/ledger.json', {
    config: { access: 'export', scope: { params: { id: 'round' } } },
    schema: { tags, summary: '导出整改台账（JSON） Ledger rows as JSON', params: IdParams, querystring: LedgerQuery, response: { 200: Type.Object({ title: Type.String(), rows: Type.Array(Type.Unknown()) }), ...errors.read } },
    handler: async (r) => {
      const title = await ledger.title(r.params.id);
      const rows = [];
      for await (const row of ledger.rows(r.params.id, r.query)) rows.push(row);
      return { title, rows };
    },
  });

  app.post('/api/rounds/:id/ledger/import/preview', {
    config: { access: 'hierarchy.write', scope: { params: { id: 'round' } } },
    bodyLimit: MAX_LEDGER_BYTES,
    schema: { tags, summary: '导入台账预览 Preview a ledger import (xlsx as multipart or raw body): what it would create, update or leave locked, every value per row (a long-term measure\'s 报送周期 included), row-level errors', params: IdParams, querystring: LedgerUploadQuery, response: { 200: LedgerImportPlan, ...errors.write, 503: Type.Ref('ErrorResponse') } },
    handler: async (r) => {
      const { bytes } = await readUpload(r, MAX_LEDGER_BYTES);
      return app.importGate.run(() => ledger.preview(r.params.id, bytes, r.query.statusesVerified === 'true'));
    },
  });

  app.post('/api/rounds/:id/ledger/import', {
    config: { access: 'hierarchy.write', scope: { params: { id: 'round' } } },
    bodyLimit: MAX_LEDGER_BYTES,
    schema: { tags, summary: '确认导入台账 Import a ledger: all in one transaction, or nothing when any row has an error; closures are written only with statusesVerified=true (audited), closed measures stay locked', params: IdParams, querystring: LedgerUploadQuery, response: { 200: LedgerImportPlan, ...errors.write, 503: Type.Ref('ErrorResponse') } },
    handler: async (r) => {
      const { bytes } = await readUpload(r, MAX_LEDGER_BYTES);
      return app.importGate.run(() => ledger.apply(r.params.id, bytes, actorOf(r), r.query.statusesVerified === 'true'));
    },
  });
};
