import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  Deleted,
  EVIDENCE_ACCEPT,
  EVIDENCE_MAX_BYTES,
  EvidenceItem,
  FollowUpCorrection,
  FollowUpCreate,
  FollowUpDetail,
  FollowUpItem,
  FollowUpOverview,
  FollowUpRecord,
  FollowUpUpdate,
  IdParams,
  MeasureFollowUp,
} from '@rectify/domain';
import { AppError } from '../../lib/errors.js';
import type { EvidenceStore } from '../../lib/evidence-store.js';
import { DeleteQuery, errors } from '../../lib/route-schemas.js';
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

  app.patch('/api/follow-ups/:id', {
    config: { access: 'followup.manage', scope: { params: { id: 'followUp' }, body: { categoryIds: 'category', measureIds: 'measure', reviewerId: 'person' } } },
    schema: {
      tags,
      summary: '修改回头看 Edit a follow-up review (the unit’s office; send the version read): the note always; the day, the reviewer and the scope only while no result is recorded (409 FOLLOW_UP_HAS_RESULTS). A new scope is checked as at scheduling: measures still covered keep their item and evidence, others are dropped, new ones added; a new reviewer is notified',
      params: IdParams,
      body: FollowUpUpdate,
      response: { 200: FollowUpDetail, ...errors.write },
    },
    handler: (request) => followUps.update(request.params.id, request.body, actorOf(request)),
  });

  app.delete('/api/follow-ups/:id', {
    config: { access: 'followup.manage', scope: { params: { id: 'followUp' } } },
    schema: {
      tags,
      summary: '删除回头看 Delete a follow-up review that has no recorded result (409 FOLLOW_UP_HAS_RESULTS otherwise); its evidence stays with the measures',
      params: IdParams,
      querystring: DeleteQuery,
      response: { 200: Deleted, ...errors.write },
    },
    handler: async (request) => {
      await followUps.remove(request.params.id, request.query.version, actorOf(request));
      return { deleted: true, id: request.params.id };
    },
  });

  app.get('/api/measures/:id/follow-ups', {
    config: { access: 'read', scope: { params: { id: 'measure' } } },
    schema: {
      tags,
      summary: '措施的回头看 Every follow-up review item of one measure, latest review first: the review’s day, reviewer and state, the result (null: pending), note and evidence',
      params: IdParams,
      response: { 200: Type.Array(MeasureFollowUp), ...errors.read },
    },
    handler: (request) => followUps.ofMeasure(request.params.id),
  });

  app.patch('/api/follow-up-items/:id', {
    config: { access: 'followup.manage', scope: { params: { id: 'followUpItem' } } },
    schema: {
      tags,
      summary: '更正回头看结果 Correct a recorded result (the unit’s office; send the version read; 409 FOLLOW_UP_ITEM_NOT_RECORDED when none is): 巩固 → 反弹 reopens the closed measure as recording 反弹 does, with its `deadline` as there; 反弹 → 巩固 leaves the reopened measure in progress — it is closed again only through 申请销号 → 对账销号 — and tells its owners so',
      params: IdParams,
      body: FollowUpCorrection,
      response: { 200: FollowUpItem, ...errors.write },
    },
    handler: (request) => followUps.correct(request.params.id, request.body, actorOf(request)),
  });

  app.post('/api/follow-up-items/:id/result', {
    config: { access: 'followup.record', scope: { params: { id: 'followUpItem' } } },
    schema: {
      tags,
      summary: '记录回头看结果 Record 巩固 (held) or 反弹 (slid, with a note: the measure is reopened with the review as its reason and its owners notified) — the office, or the review’s reviewer; once per measure. 限期整改: 反弹 takes the reopened measure’s new `deadline` (today or later), required when its deadline has passed (400 FOLLOW_UP_DEADLINE_REQUIRED; the item’s `measure.relapseDeadline` says which), kept otherwise when none is sent; none for a long-term measure or with a result that reopens nothing',
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
