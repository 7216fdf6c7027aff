import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, Timeline, TimeSummary } from '@rectify/domain';
import { errors } from '../../lib/route-schemas.js';
import { createTimelineService } from './service.js';

const tags = ['timeline'];

export const timelineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const timeline = createTimelineService({ db: app.db, dialect: app.dialect, clock: app.clock });

  app.get('/api/rounds/:id/time-summary', {
    config: { access: 'read', scope: { params: { id: 'round' } } },
    schema: {
      tags,
      summary: '三色预警统计 Open measures per warning level (round thresholds), postponed measures, pending postponements, due in the next 14 days, long-term measures and their missed check-ins (each level also listed by GET /api/measures?warningLevel=)',
      params: IdParams,
      response: { 200: TimeSummary, ...errors.read },
    },
    handler: (request) => timeline.summary(request.params.id),
  });

  app.get('/api/rounds/:id/timeline', {
    config: { access: 'read', scope: { params: { id: 'round' } } },
    schema: {
      tags,
      summary: '时间轴 The round’s timeline: one bar per measure (start → deadline, original deadline when postponed, closed date, overdue stretch) and the burn-up of closed measures replayed from the dated history',
      params: IdParams,
      response: { 200: Timeline, ...errors.read },
    },
    handler: (request) => timeline.timeline(request.params.id),
  });
};
