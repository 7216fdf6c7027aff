import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_BYTES, EvidenceItem, FollowUpCreate, FollowUpDetail, FollowUpItem, FollowUpOverview, FollowUpRecord, IdParams } from '@rectify/domain';
import { AppError } from '../../lib/errors.js';
import type { EvidenceStore } from '../../lib/evidence-store.js';
import { errors } from '../../lib/route-schemas.js';
import { readMultipartFile } from '../../lib/upload.js';
import { actorOf } from '../../plugins/auth.js';
import { createFollowUpService } from './service.js';

const tags = ['follow-ups'];

export const followUpRoutes: FastifyPluginAsyncTypebox<{ store: EvidenceStore }> = async (app, { store }) => {
  const followUps = createFollowUpService({ db: app.db, clock: app.clock, notifier: app.notifier, store });

  app.post('/api/rounds/:id/follow-ups', {
    config: { access: 'followup.schedule', scope: { params: { id: 'round' }, body: { categoryIds: 'category', measureIds: 'measure', reviewerId: 'person' } } },
    schema: {
      tags,
      summary: '安排回头看 Schedule a follow-up review (the office): a day, a reviewer of the round’s unit, and its scope — every closed measure of the round, those of `categoryIds`, or the closed `measureIds` (409 FOLLOW_UP_EMPTY when none); the reviewer is notified',
      params: IdParams,
      body: FollowUpCreate,
      response: { 201: FollowUpDetail, ...errors.write },
    },
    handler: async (request, reply) => reply.status(201).send(await followUps.schedule(request.params.id, request.body, actorOf(request))),
  });

  app.get('/api/rounds/:id/follow-ups', {
    config: { access: 'read', scope: { params: { id: 'round' } } },
    schema: {
      tags,
      summary: '回头看列表 The round’s follow-up reviews (latest day first) with their results counted, and the totals (due, overdue, held, slid)',
      params: IdParams,
      response: { 200: FollowUpOverview, ...errors.read },
    },
    handler: (request) => followUps.ofRound(request.params.id, actorOf(request)),
  });

  app.get('/api/follow-ups/:id', {
    config: { access: 'read', scope: { params: { id: 'followUp' } } },
    schema: { tags, summary: '回头看 One follow-up review with each measure, its result, note and evidence', params: IdParams, response: { 200: FollowUpDetail, ...errors.read } },
    handler: (request) => followUps.detail(request.params.id, actorOf(request)),
  });

  app.post('/api/follow-up-items/:id/result', {
    config: { access: 'followup.record', scope: { params: { id: 'followUpItem' } } },
    schema: {
      tags,
      summary: '记录回头看结果 Record 巩固 (held) or 反弹 (slid, with a note: the measure is reopened with the review as its reason and its owners notified) — the office, or the review’s reviewer; once per measure',
      params: IdParams,
      body: FollowUpRecord,
      response: { 200: FollowUpItem, ...errors.write },
    },
    handler: (request) => followUps.record(request.params.id, request.body, actorOf(request)),
  });

  app.post('/api/follow-up-items/:id/evidence', {
    config: { access: 'followup.record', scope: { params: { id: 'followUpItem' } } },
    schema: {
      tags,
      summary: `回头看佐证材料 Upload evidence for one measure of a follow-up review (multipart/form-data, one field "file"; ${EVIDENCE_ACCEPT}; ≤ 20 MB; checked by content like a measure's evidence)`,
      consumes: ['multipart/form-data'],
      params: IdParams,
      response: { 201: EvidenceItem, ...errors.write },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      await followUps.precheckEvidence(request.params.id, actor);
      const upload = await readMultipartFile(request, EVIDENCE_MAX_BYTES);
      if (!upload) throw new AppError(400, 'FILE_MISSING');
      return reply.status(201).send(await followUps.addEvidence(request.params.id, upload.fileName ?? '', upload.bytes, actor));
    },
  });
};
