import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Programme, ProgrammeQuery, reportStateLabels, unitTypeLabels } from '@rectify/domain';
import { attachment } from '../../lib/download.js';
import { loadDocuments } from '../../lib/documents.js';
import { errors } from '../../lib/route-schemas.js';
import { scopeOf } from '../../lib/scope.js';
import { createProgrammeService } from './service.js';

const tags = ['programme'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 整改总览 (/programme): the 巡察办's view of every round and unit, and its .xlsx. */
export const programmeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const programme = createProgrammeService({ db: app.db, dialect: app.dialect, clock: app.clock });

  app.get('/api/programme', {
    config: { access: 'programme.read', scope: { lists: true } },
    schema: { tags, summary: '整改总览 Every round and unit side by side, figures counted by the database (巡察办, admin); filter by committee, round, year, unit type', querystring: ProgrammeQuery, response: { 200: Programme, ...errors.read } },
    // Through the response cache: one grouped statement over every measure of every round the
    // scope sees (~250 ms of CPU at province size on SQLite), the same answer for everyone with
    // the same scope until something is written.
    handler: (r, reply) => app.cachedRead(r, reply, () => programme.view(r.query, scopeOf(r))),
  });

  app.get('/api/programme.xlsx', {
    config: { access: 'programme.read', scope: { lists: true } },
    schema: { tags, summary: '整改总览 .xlsx The programme view as a workbook (same filters)', querystring: ProgrammeQuery },
    handler: async (r, reply) => {
      const view = await programme.view(r.query, scopeOf(r));
      const { programmeXlsx } = await loadDocuments();
      const filters = [r.query.committee, r.query.roundName, r.query.year ? `${r.query.year}年` : null, r.query.unitType ? unitTypeLabels[r.query.unitType]['zh-CN'] : null].filter(Boolean).join('，');
      const bytes = await programmeXlsx(
        view.rows.map((row) => ({
          unit: row.unit.name,
          unitType: row.unit.unitType ? unitTypeLabels[row.unit.unitType]['zh-CN'] : '',
          title: row.title,
          feedbackDate: row.feedbackDate,
          measures: row.measures,
          closed: row.closed,
          inProgress: row.inProgress,
          overdue: row.overdue,
          postponed: row.postponed,
          completionRate: row.completionRate,
          daysSinceFeedback: row.daysSinceFeedback,
          lastActivity: row.lastActivity ? row.lastActivity.slice(0, 16).replace('T', ' ') : null,
          reportState: reportStateLabels[row.reportState]['zh-CN'],
          opinions: row.ratings.opinions,
          satisfied: row.ratings.satisfied,
          basicallySatisfied: row.ratings.basicallySatisfied,
          dissatisfied: row.ratings.dissatisfied,
        })),
        { title: '巡察整改总览', today: view.today, filters },
      );
      return reply.header('content-type', XLSX).header('content-disposition', attachment(`整改总览-${view.today}.xlsx`)).send(bytes);
    },
  });
};
