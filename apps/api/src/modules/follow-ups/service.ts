import {
  mayRecordFollowUp,
  notificationKindLabels,
  type FollowUpCreate,
  type FollowUpDetail,
  type FollowUpItem,
  type FollowUpOverview,
  type FollowUpRecord,
  type EvidenceItem,
} from '@rectify/domain';
import type { Db, Tx } from '@rectify/db';
import type { Clock } from '../../lib/clock.js';
import type { RequestActor } from '../../lib/actor.js';
import { audit } from '../../lib/audit.js';
import { AppError, invalidReference, notFound, validationFailed, versionConflict } from '../../lib/errors.js';
import type { EvidenceStore } from '../../lib/evidence-store.js';
import type { Notifier } from '../notifications/service.js';
import { reopenClosedMeasure } from '../closures/reopen.js';
import { createEvidenceService } from '../evidence/service.js';
import {
  auditedFollowUp,
  auditedItem,
  closedMeasuresIn,
  countResults,
  emptyCounts,
  findFollowUp,
  findItem,
  followUpsOfRound,
  itemForRecording,
  itemsOf,
  toFollowUp,
} from './repository.js';

const short = (text: string, n = 40) => (text.length > n ? `${text.slice(0, n)}…` : text);

/**
 * 回头看 (follow-up review). The office schedules one — a day, a reviewer of the round's unit, and
 * what it covers: every closed measure of the round, those of some categories, or chosen closed
 * measures (fixed then, one item each; the reviewer's accounts are notified). The reviewer (or the
 * office) records per measure 巩固 (held) or 反弹 (slid back) with a note and evidence; 反弹 reopens
 * the measure through the domain's transition, with the review as its reason (its approved closure
 * reads reopened, the status change is dated in the audit so the burn-up steps down) and tells its
 * owners. Every write is audited in its transaction, with optimistic versions.
 */
export function createFollowUpService({ db, clock, notifier, store }: { db: Db; clock: Clock; notifier: Notifier; store: EvidenceStore }) {
  const evidence = createEvidenceService({ db, store });

  async function detail(id: number, actor: RequestActor): Promise<FollowUpDetail> {
    const row = await findFollowUp(db, id);
    if (!row) throw notFound('follow_up', id);
    const counts = (await countResults(db, { followUpId: id })).get(id) ?? emptyCounts();
    return { ...toFollowUp(row, counts, actor, clock.today()), items: await itemsOf(db, id) };
  }

  /** The item and its review, refusing an actor who may not record it (403) — before anything is read from the request body. */
  async function recordable(tx: Tx | Db, itemId: number, actor: RequestActor) {
    const item = await tx.followUpItem.findUnique({ where: { id: itemId }, select: { id: true, measureId: true, followUp: { select: { reviewerId: true } } } });
    if (!item) throw notFound('follow_up_item', itemId);
    if (!mayRecordFollowUp(actor, item.followUp)) throw new AppError(403, 'FOLLOW_UP_NOT_REVIEWER', { followUpItemId: itemId });
    return item;
  }

  return {
    detail,

    async ofRound(roundId: number, actor: RequestActor): Promise<FollowUpOverview> {
      const round = await db.inspectionRound.findUnique({ where: { id: roundId }, select: { id: true } });
      if (!round) throw notFound('round', roundId);
      const [rows, counts] = await Promise.all([followUpsOfRound(db, roundId), countResults(db, { roundId })]);
      const today = clock.today();
      const reviews = rows.map((r) => toFollowUp(r, counts.get(r.id) ?? emptyCounts(), actor, today));
      const totals = { reviews: reviews.length, due: 0, overdue: 0, measures: 0, held: 0, slid: 0, pending: 0 };
      for (const r of reviews) {
        if (r.state === 'due') totals.due++;
        if (r.state === 'overdue') totals.overdue++;
        totals.measures += r.counts.total;
        totals.held += r.counts.held;
        totals.slid += r.counts.slid;
        totals.pending += r.counts.pending;
      }
      return { reviews, totals };
    },

    async schedule(roundId: number, body: FollowUpCreate, actor: RequestActor): Promise<FollowUpDetail> {
      const id = await db.$transaction(async (tx) => {
        const round = await tx.inspectionRound.findUnique({ where: { id: roundId }, select: { id: true, inspectedUnitId: true } });
        if (!round) throw notFound('round', roundId);
        const reviewerId = body.reviewerId ?? null;
        if (reviewerId !== null) {
          const person = await tx.person.findUnique({ where: { id: reviewerId }, select: { organizationId: true } });
          if (!person || person.organizationId !== round.inspectedUnitId) throw invalidReference('reviewerId', reviewerId);
        }
        // The scope names exactly what it needs: categories for `categories`, measures for `measures`.
        if (body.scope === 'categories' && !body.categoryIds) throw validationFailed('categoryIds', 'required');
        if (body.scope === 'measures' && !body.measureIds) throw validationFailed('measureIds', 'required');
        if (body.scope !== 'categories' && body.categoryIds) throw validationFailed('categoryIds', 'scope');
        if (body.scope !== 'measures' && body.measureIds) throw validationFailed('measureIds', 'scope');
        if (body.categoryIds) {
          const inRound = await tx.category.findMany({ where: { id: { in: body.categoryIds }, roundId }, select: { id: true } });
          const missing = body.categoryIds.find((c) => !inRound.some((r) => r.id === c));
          if (missing !== undefined) throw invalidReference('categoryIds', missing);
        }
        if (body.measureIds) {
          const rows = await tx.measure.findMany({ where: { id: { in: body.measureIds } }, select: { id: true, roundId: true, status: true } });
          const missing = body.measureIds.find((m) => !rows.some((r) => r.id === m && r.roundId === roundId));
          if (missing !== undefined) throw invalidReference('measureIds', missing);
          const open = rows.filter((r) => r.status !== 'closed').map((r) => r.id);
          if (open.length) throw new AppError(409, 'FOLLOW_UP_MEASURE_NOT_CLOSED', { measureIds: open });
        }
        const measures = await closedMeasuresIn(tx, roundId, { categoryIds: body.categoryIds, measureIds: body.measureIds });
        if (!measures.length) throw new AppError(409, 'FOLLOW_UP_EMPTY', { roundId, scope: body.scope });
        const note = body.note?.trim() || null;
        const row = await tx.followUp.create({
          data: {
            roundId,
            scheduledOn: body.scheduledOn,
            reviewerId,
            scope: body.scope,
            note,
            createdByUserId: actor.userId,
            createdAt: clock.now(),
            categories: body.categoryIds ? { create: body.categoryIds.map((categoryId) => ({ categoryId })) } : undefined,
          },
        });
        await tx.followUpItem.createMany({ data: measures.map((m) => ({ followUpId: row.id, measureId: m.id })) });
        await audit(tx, actor, 'follow_up', row.id, 'create', null, auditedFollowUp(row, { categoryIds: body.categoryIds ?? null, measureIds: measures.map((m) => m.id) }));
        if (reviewerId !== null) {
          const reviewers = await tx.user.findMany({ where: { active: true, personId: reviewerId }, select: { id: true } });
          await notifier.notify(tx, {
            userIds: reviewers.map((u) => u.id),
            kind: 'follow_up_scheduled',
            measureId: null,
            title: notificationKindLabels.follow_up_scheduled['zh-CN'],
            text: `请于 ${body.scheduledOn} 对 ${measures.length} 项已销号整改措施开展“回头看”，逐项记录巩固或反弹情况。`,
            key: (userId) => `follow_up_scheduled:${row.id}:${userId}`,
          });
        }
        return row.id;
      });
      notifier.flush();
      return detail(id, actor);
    },

    async record(itemId: number, body: FollowUpRecord, actor: RequestActor): Promise<FollowUpItem> {
      await db.$transaction(async (tx) => {
        await recordable(tx, itemId, actor);
        const item = await itemForRecording(tx, itemId);
        if (!item) throw notFound('follow_up_item', itemId);
        if (item.result !== null) throw new AppError(409, 'FOLLOW_UP_ITEM_RECORDED', { followUpItemId: itemId, result: item.result });
        if (body.version !== undefined && body.version !== item.version) throw versionConflict('follow_up_item', itemId, item.version);
        if (item.measure.status !== 'closed') throw new AppError(409, 'FOLLOW_UP_MEASURE_NOT_CLOSED', { measureIds: [item.measureId] });
        const note = body.note?.trim() || null;
        if (body.result === 'slid' && !note) throw validationFailed('note', 'required');
        const now = clock.now();
        const { count } = await tx.followUpItem.updateMany({
          where: { id: itemId, version: item.version, result: null },
          data: { result: body.result, note, recordedAt: now, recordedByUserId: actor.userId, version: { increment: 1 } },
        });
        if (count !== 1) throw versionConflict('follow_up_item', itemId, item.version + 1);
        await audit(tx, actor, 'follow_up_item', itemId, 'update', auditedItem(item), auditedItem({ result: body.result, note, version: item.version + 1 }), {
          measureId: item.measureId,
          extra: { followUpId: item.followUpId },
        });
        if (body.result === 'slid') {
          const reason = `回头看（${item.followUp.scheduledOn}）发现问题反弹：${note}`;
          await reopenClosedMeasure(tx, actor, item.measure, reason, now, { followUpId: item.followUpId });
          await notifier.notify(tx, {
            userIds: await notifier.responsibleUserIds(tx, item.measure),
            kind: 'follow_up_slid',
            measureId: item.measureId,
            title: notificationKindLabels.follow_up_slid['zh-CN'],
            text: `整改措施「${short(item.measure.text)}」在回头看中发现问题反弹，已重新打开，请继续整改。原因：${short(note ?? '', 80)}`,
            key: (userId) => `follow_up_slid:${itemId}:${userId}`,
          });
        }
      });
      notifier.flush();
      const item = await findItem(db, itemId);
      if (!item) throw notFound('follow_up_item', itemId);
      return item;
    },

    /** Refuses early (before the file is read) when the actor may not record this item. */
    async precheckEvidence(itemId: number, actor: RequestActor): Promise<void> {
      await recordable(db, itemId, actor);
    },

    /** Evidence of a 回头看 item: stored like a measure's (by content, once), tied to the item and its measure. */
    async addEvidence(itemId: number, fileName: string, bytes: Buffer, actor: RequestActor): Promise<EvidenceItem> {
      const item = await recordable(db, itemId, actor);
      return evidence.add(item.measureId, fileName, bytes, actor, null, {
        itemId,
        guard: async (tx) => {
          await recordable(tx, itemId, actor);
        },
      });
    },
  };
}
