import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams, ReportTexts, ReportTextsUpdate } from '@rectify/domain';
import { actorOf } from '../../plugins/auth.js';
import { attachment } from '../../lib/download.js';
import { allowFramingBySelf } from '../../plugins/security-headers.js';
import { chromiumPrinter, type PdfPrinter } from '../../lib/pdf.js';
import { errors } from '../../lib/route-schemas.js';
import { createRoundService } from '../rounds/service.js';
import { createReportService } from './service.js';

const tags = ['report'];
const file = Type.String({ description: 'file contents' });

export const reportRoutes: FastifyPluginAsyncTypebox<{ printer?: PdfPrinter }> = async (app, options) => {
  const rounds = createRoundService({ db: app.db, clock: app.clock });
  const report = createReportService({ db: app.db, clock: app.clock, rounds, printer: options.printer ?? chromiumPrinter() });
  const fileName = async (roundId: number, ext: string) => {
    const round = await rounds.get(roundId);
    return `${round.inspectedUnit.name}巡察整改情况通报.${ext}`;
  };

  app.get('/api/rounds/:id/report-texts', {
    config: { access: 'read', scope: { params: { id: 'round' } } },
    schema: { tags, summary: '通报可编辑部分 Editable texts of the report', params: IdParams, response: { 200: ReportTexts, ...errors.read } },
    handler: (r) => report.texts(r.params.id),
  });
  app.patch('/api/rounds/:id/report-texts', {
    config: { access: 'hierarchy.write', scope: { params: { id: 'round' } } },
    schema: { tags, summary: '修改通报可编辑部分 Update the report texts (send the version read)', params: IdParams, body: ReportTextsUpdate, response: { 200: ReportTexts, ...errors.write } },
    handler: (r) => report.updateTexts(r.params.id, r.body, actorOf(r)),
  });
  app.get('/api/rounds/:id/report.docx', {
    config: { access: 'export', scope: { params: { id: 'round' } } },
    schema: { tags, summary: '整改情况通报（Word） The report as .docx (GB/T 9704 layout)', params: IdParams, produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'], response: { 200: file, ...errors.read } },
    handler: async (r, reply) => {
      const bytes = await report.docx(r.params.id);
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', attachment(await fileName(r.params.id, 'docx')))
        .send(bytes);
    },
  });
  app.get('/api/rounds/:id/report.html', {
    config: { access: 'export', scope: { params: { id: 'round' } } },
    schema: { tags, summary: '整改情况通报（打印页） The report as a printable page', params: IdParams, produces: ['text/html'], response: { 200: file, ...errors.read } },
    handler: async (r, reply) => allowFramingBySelf(reply).type('text/html; charset=utf-8').send(await report.html(r.params.id)),
  });
  app.get('/api/rounds/:id/report.pdf', {
    config: { access: 'export', scope: { params: { id: 'round' } } },
    schema: { tags, summary: '整改情况通报（PDF） The report printed to PDF by headless chromium', params: IdParams, produces: ['application/pdf'], response: { 200: file, ...errors.read, 503: Type.Ref('ErrorResponse') } },
    handler: async (r, reply) => {
      const bytes = await report.pdf(r.params.id);
      return reply.type('application/pdf').header('content-disposition', attachment(await fileName(r.params.id, 'pdf'))).send(bytes);
    },
  });
};
