import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, ReportAccept, ReportReturn, ReportStatus, ReportSubmit } from '@rectify/domain';
import { errors } from '../../lib/route-schemas.js';
import { actorOf } from '../../plugins/auth.js';
import { createReportSubmissionService } from './service.js';

const tags = ['report'];

/** 整改报告报送: the unit's office submits the round's report to the 巡察办, which accepts it or sends it back. */
export const reportSubmissionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const reports = createReportSubmissionService({ db: app.db, clock: app.clock, notifier: app.notifier });

  app.get('/api/rounds/:id/report-status', {
    config: { access: 'read', scope: { params: { id: 'round' } } },
    schema: { tags, summary: '报送状态 The round report’s state and its submissions, newest first', params: IdParams, response: { 200: ReportStatus, ...errors.read } },
    handler: (r) => reports.status(r.params.id),
  });

  app.post('/api/rounds/:id/report-submissions', {
    config: { access: 'report.submit', scope: { params: { id: 'round' } } },
    schema: { tags, summary: '报送巡察办 Submit the rectification report (通报 draft + ledger) to the 巡察办 (from draft or after it was sent back; else 409 REPORT_STATE)', params: IdParams, body: ReportSubmit, response: { 201: ReportStatus, ...errors.write } },
    handler: async (r, reply) => reply.status(201).send(await reports.submit(r.params.id, r.body, actorOf(r))),
  });

  app.post('/api/report-submissions/:id/accept', {
    config: { access: 'report.review', scope: { params: { id: 'reportSubmission' } } },
    schema: { tags, summary: '审核通过 Accept a submitted report (巡察办; send the version read)', params: IdParams, body: ReportAccept, response: { 200: ReportStatus, ...errors.write } },
    handler: (r) => reports.accept(r.params.id, r.body, actorOf(r)),
  });

  app.post('/api/report-submissions/:id/return', {
    config: { access: 'report.review', scope: { params: { id: 'reportSubmission' } } },
    schema: { tags, summary: '退回修改 Send a submitted report back with comments (巡察办; send the version read)', params: IdParams, body: ReportReturn, response: { 200: ReportStatus, ...errors.write } },
    handler: (r) => reports.sendBack(r.params.id, r.body, actorOf(r)),
  });
};
