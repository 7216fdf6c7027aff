import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams } from '@rectify/domain';
import { attachment } from '../../lib/download.js';
import { loadDocuments } from '../../lib/documents.js';
import { AppError } from '../../lib/errors.js';
import { chromiumPrinter, type PdfPrinter } from '../../lib/pdf.js';
import { errors } from '../../lib/route-schemas.js';
import { localeOf } from '../../plugins/errors.js';
import { createRoundService } from '../rounds/service.js';

const tags = ['report'];
const file = Type.String({ description: 'file contents' });

/** 整改工作看板 on paper: the dashboard with every measure in full, as HTML and printed to PDF. */
export const dashboardPrintRoutes: FastifyPluginAsyncTypebox<{ printer?: PdfPrinter }> = async (app, options) => {
  const rounds = createRoundService({ db: app.db, clock: app.clock });
  const printer = options.printer ?? chromiumPrinter();
  const html = async (roundId: number, locale: 'zh-CN' | 'en') => {
    const [tree, summary, { renderDashboardHtml }] = await Promise.all([rounds.tree(roundId), rounds.summary(roundId), loadDocuments()]);
    return { html: renderDashboardHtml({ tree, summary, locale }), unit: tree.round.inspectedUnit.name, today: summary.today };
  };

  app.get('/api/rounds/:id/dashboard.html', {
    config: { access: 'export', scope: { params: { id: 'round' } } },
    schema: { tags, summary: '整改看板（打印页） The dashboard as a printable A4 page: figures, categories, overdue, every measure in full', params: IdParams, produces: ['text/html'], response: { 200: file, ...errors.read } },
    handler: async (r, reply) => reply.type('text/html; charset=utf-8').send((await html(r.params.id, localeOf(r))).html),
  });

  app.get('/api/rounds/:id/dashboard.pdf', {
    config: { access: 'export', scope: { params: { id: 'round' } } },
    schema: { tags, summary: '整改看板（PDF） The dashboard printed to A4 PDF by headless chromium (503 without it)', params: IdParams, produces: ['application/pdf'], response: { 200: file, ...errors.read, 503: Type.Ref('ErrorResponse') } },
    handler: async (r, reply) => {
      const page = await html(r.params.id, localeOf(r));
      if (!printer.available()) throw new AppError(503, 'PDF_UNAVAILABLE');
      const bytes = await printer.print(page.html);
      return reply.type('application/pdf').header('content-disposition', attachment(`${page.unit}整改工作看板${page.today}.pdf`)).send(bytes);
    },
  });
};
