import {
  deadlineAfterResult,
  followUpLocked,
  followUpResultEffect,
  mayRecordFollowUp,
  notificationKindLabels,
  toFollowUpResult,
  toMeasureKind,
  toMeasureStatus,
  type ErrorCode,
  type FollowUpCorrection,
  type FollowUpCreate,
  type FollowUpDetail,
  type FollowUpItem,
  type FollowUpOverview,
  type FollowUpRecord,
  type FollowUpScope,
  type FollowUpUpdate,
  type EvidenceItem,
  type MeasureFollowUp,
  type RelapseDeadlineRefusal,
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
  followUpForEdit,
  followUpsOfMeasure,
  followUpsOfRound,
  itemForRecording,
  itemsOf,
  toFollowUp,
} from './repository.js';

const short = (text: string, n = 40) => (text.length > n ? `${text.slice(0, n)}…` : text);
const sameIds = (a: readonly number[], b: readonly number[]) => a.length === b.length && new Set([...a, ...b]).size === a.length;
const deadlineRefusals: Record<RelapseDeadlineRefusal, ErrorCode> = {
  required: 'FOLLOW_UP_DEADLINE_REQUIRED',
  before_today: 'FOLLOW_UP_DEADLINE_PAST',
  long_term: 'FOLLOW_UP_DEADLINE_LONG_TERM',
  not_reopening: 'FOLLOW_UP_DEADLINE_NOT_REOPENING',
};
/** Held and slid among a review's items, as `followUpLocked` reads them. */
const recordedOf = (items: { result: string | null }[]) => ({ held: items.filter((i) => i.result === 'held').length, slid: items.filter((i) => i.result === 'slid').length });

/** The reviewer named for a round: a person of its unit (400 INVALID_REFERENCE otherwise). */
async function checkReviewer(tx: Tx, unitId: number, reviewerId: number | null): Promise<void> {
  if (reviewerId === null) return;
  const person = await tx.person.findUnique({ where: { id: reviewerId }, select: { organizationId: true } });
  if (!person || person.organizationId !== unitId) throw invalidReference('reviewerId', reviewerId);
}

/**
 * What a scope covers, checked as scheduling and editing both need it: the scope names exactly what
 * it needs (categories for `categories`, measures for `measures`), each of the round, chosen measures
 * closed; the closed measures it covers, none being 409 FOLLOW_UP_EMPTY.
 */
async function resolveScope(tx: Tx, roundId: number, scope: { scope: FollowUpScope; categoryIds?: number[]; measureIds?: number[] }): Promise<{ id: number }[]> {
  if (scope.scope === 'categories' && !scope.categoryIds) throw validationFailed('categoryIds', 'required');
  if (scope.scope === 'measures' && !scope.measureIds) throw validationFailed('measureIds', 'required');
  if (scope.scope !== 'categories' && scope.categoryIds) throw validationFailed('categoryIds', 'scope');
  if (scope.scope !== 'measures' && scope.measureIds) throw validationFailed('measureIds', 'scope');
  if (scope.categoryIds) {
    const inRound = await tx.category.findMany({ where: { id: { in: scope.categoryIds }, roundId }, select: { id: true } });
    const missing = scope.categoryIds.find((c) => !inRound.some((r) => r.id === c));
    if (missing !== undefined) throw invalidReference('categoryIds', missing);
  }
  if (scope.measureIds) {
    const rows = await tx.measure.findMany({ where: { id: { in: scope.measureIds } }, select: { id: true, roundId: true, status: true } });
    const missing = scope.measureIds.find((m) => !rows.some((r) => r.id === m && r.roundId === roundId));
    if (missing !== undefined) throw invalidReference('measureIds', missing);
    const open = rows.filter((r) => r.status !== 'closed').map((r) => r.id);
    if (open.length) throw new AppError(409, 'FOLLOW_UP_MEASURE_NOT_CLOSED', { measureIds: open });
  }
  const measures = await closedMeasuresIn(tx, roundId, { categoryIds: scope.categoryIds, measureIds: scope.measureIds });
  if (!measures.length) throw new AppError(409, 'FOLLOW_UP_EMPTY', { roundId, scope: scope.scope });
  return measures;
}

/**
 * 回头看 (follow-up review). The office schedules one — a day, a reviewer of the round's unit, and
 * what it covers: every closed measure of the round, those of some categories, or chosen closed
 * measures (fixed then, one item each; the reviewer's accounts are notified). The reviewer (or the
 * office) records per measure 巩固 (held) or 反弹 (slid back) with a note and evidence; 反弹 reopens
 * the measure through the domain's transition, with the review as its reason (its approved closure
 * reads reopened, the status change is dated in the audit so the burn-up steps down) and a new
 * deadline where its own has passed (限期整改), and tells its owners. Every write is audited in its
 * transaction, with optimistic versions.
 */
export function createFollowUpService({ db, clock, notifier, store }: { db: Db; clock: Clock; notifier: Notifier; store: EvidenceStore }) {
  const evidence = createEvidenceService({ db, store });

  async function detail(id: number, actor: RequestActor): Promise<FollowUpDetail> {
    const row = await findFollowUp(db, id);
    if (!row) throw notFound('follow_up', id);
    const counts = (await countResults(db, { followUpId: id })).get(id) ?? emptyCounts();
    const today = clock.today();
    return { ...toFollowUp(row, counts, actor, today), items: await itemsOf(db, id, today) };
  }

  /** The item and its review, refusing an actor who may not record it (403) — before anything is read from the request body. */
  async function recordable(tx: Tx | Db, itemId: number, actor: RequestActor) {
    const item = await tx.followUpItem.findUnique({ where: { id: itemId }, select: { id: true, measureId: true, followUp: { select: { reviewerId: true } } } });
    if (!item) throw notFound('follow_up_item', itemId);
    if (!mayRecordFollowUp(actor, item.followUp)) throw new AppError(403, 'FOLLOW_UP_NOT_REVIEWER', { followUpItemId: itemId });
    return item;
  }

  /** The reviewer's accounts hear of the review (once per review and account: a new reviewer hears, a kept one not again). */
  async function tellReviewer(tx: Tx, followUpId: number, reviewerId: number | null, scheduledOn: string, measures: number) {
    if (reviewerId === null) return;
    const reviewers = await tx.user.findMany({ where: { active: true, personId: reviewerId }, select: { id: true } });
    await notifier.notify(tx, {
      userIds: reviewers.map((u) => u.id),
      kind: 'follow_up_scheduled',
      measureId: null,
      title: notificationKindLabels.follow_up_scheduled['zh-CN'],
      text: `请于 ${scheduledOn} 对 ${measures} 项已销号整改措施开展“回头看”，逐项记录巩固或反弹情况。`,
      key: (userId) => `follow_up_scheduled:${followUpId}:${userId}`,
    });
  }

  type RecordedItem = NonNullable<Awaited<ReturnType<typeof itemForRecording>>>;

  /**
   * What a result recorded (or corrected to) does to the item's measure (`followUpResultEffect`,
   * from the result it has) and the deadline the measure then has (`deadlineAfterResult`): refused
   * with a 400 before anything is written when the deadline sent does not fit.
   */
  function measureOutcome(item: RecordedItem, body: { result: FollowUpRecord['result']; deadline?: string }) {
    const effect = followUpResultEffect(item.result === null ? null : toFollowUpResult(item.result), body.result, toMeasureStatus(item.measure.status));
    const today = clock.today();
    const after = deadlineAfterResult(effect, { kind: toMeasureKind(item.measure.kind), deadline: item.measure.deadline }, body.deadline, today);
    if (!after.ok) throw new AppError(400, deadlineRefusals[after.refusal], { field: 'deadline', deadline: item.measure.deadline, today });
    return { effect, deadline: after.deadline };
  }

  /** What the result did to the measure: 反弹 reopens it (with its deadline); 反弹 corrected to 巩固 leaves it open. Its owners hear of either. */
  async function applyOutcome(tx: Tx, actor: RequestActor, item: RecordedItem, outcome: ReturnType<typeof measureOutcome>, note: string | null, now: Date) {
    if (outcome.effect === 'reopen') await slide(tx, actor, item, note ?? '', outcome.deadline, now);
    if (outcome.effect === 'stays_open') await tellHeld(tx, item);
  }

  /**
   * 反弹 found (recorded or corrected to): the measure reopens with the review as its reason and the
   * deadline of its re-rectification (限期整改); its owners hear of both.
   */
  async function slide(tx: Tx, actor: RequestActor, item: RecordedItem, note: string, deadline: string | null, now: Date) {
    const reason = `回头看（${item.followUp.scheduledOn}）发现问题反弹：${note}`;
    await reopenClosedMeasure(tx, actor, item.measure, reason, now, { deadline, extra: { followUpId: item.followUpId } });
    const limit = deadline ? `请于 ${deadline} 前完成整改` : '请继续整改';
    await notifier.notify(tx, {
      userIds: await notifier.responsibleUserIds(tx, item.measure),
      kind: 'follow_up_slid',
      measureId: item.measureId,
      title: notificationKindLabels.follow_up_slid['zh-CN'],
      text: `整改措施「${short(item.measure.text)}」在回头看中发现问题反弹，已重新打开，${limit}。原因：${short(note, 80)}`,
      key: (userId) => `follow_up_slid:${item.id}:${item.version}:${userId}`,
    });
  }

  /** 反弹 corrected to 巩固: the owners hear that the review now finds it held, and that their measure still closes only through 申请销号 → 对账销号. */
  async function tellHeld(tx: Tx, item: RecordedItem) {
    await notifier.notify(tx, {
      userIds: await notifier.responsibleUserIds(tx, item.measure),
      kind: 'follow_up_held',
      measureId: item.measureId,
      title: notificationKindLabels.follow_up_held['zh-CN'],
      text: `回头看（${item.followUp.scheduledOn}）对整改措施「${short(item.measure.text)}」的结果已由反弹更正为巩固。该措施不会因此自动销号：仍在整改中，须重新申请销号，经整改办公室对账销号后方可销号。`,
      key: (userId) => `follow_up_held:${item.id}:${item.version}:${userId}`,
    });
  }

  return {
    detail,

    /** The 回头看 items of one measure, latest review first (the measure page lists them). */
    async ofMeasure(measureId: number): Promise<MeasureFollowUp[]> {
      const measure = await db.measure.findUnique({ where: { id: measureId }, select: { id: true } });
      if (!measure) throw notFound('measure', measureId);
      return followUpsOfMeasure(db, measureId, clock.today());
    },

    /**
     * 修改回头看: the note always; the day, the reviewer and the scope only while nothing is recorded
     * (`followUpLocked`: 409 FOLLOW_UP_HAS_RESULTS). A new scope is checked as at scheduling; measures
     * still covered keep their item (and its evidence), others are dropped (their evidence stays the
     * measure's), new ones added. A new reviewer is notified. Audited with the version read.
     */
    async update(id: number, body: FollowUpUpdate, actor: RequestActor): Promise<FollowUpDetail> {
      await db.$transaction(async (tx) => {
        const row = await followUpForEdit(tx, id);
        if (!row) throw notFound('follow_up', id);
        if (row.version !== body.version) throw versionConflict('follow_up', id, row.version);
        if ((body.categoryIds || body.measureIds) && !body.scope) throw validationFailed('scope', 'required');
        const currentMeasureIds = row.items.map((i) => i.measureId);
        const currentCategoryIds = row.categories.map((c) => c.categoryId);
        const scheduledOn = body.scheduledOn ?? row.scheduledOn;
        const reviewerId = body.reviewerId === undefined ? row.reviewerId : body.reviewerId;
        const scopeChanged =
          body.scope !== undefined &&
          (body.scope !== row.scope ||
            (body.scope === 'categories' && !sameIds(body.categoryIds ?? [], currentCategoryIds)) ||
            (body.scope === 'measures' && !sameIds(body.measureIds ?? [], currentMeasureIds)));
        const rescheduled = scheduledOn !== row.scheduledOn || reviewerId !== row.reviewerId || scopeChanged;
        const recorded = recordedOf(row.items);
        if (rescheduled && followUpLocked(recorded)) throw new AppError(409, 'FOLLOW_UP_HAS_RESULTS', { followUpId: id, ...recorded });
        const round = await tx.inspectionRound.findUniqueOrThrow({ where: { id: row.roundId }, select: { inspectedUnitId: true } });
        if (reviewerId !== row.reviewerId) await checkReviewer(tx, round.inspectedUnitId, reviewerId);
        let measureIds = currentMeasureIds;
        let categoryIds: number[] | null = row.scope === 'categories' ? currentCategoryIds : null;
        if (scopeChanged && body.scope) {
          measureIds = (await resolveScope(tx, row.roundId, { scope: body.scope, categoryIds: body.categoryIds, measureIds: body.measureIds })).map((m) => m.id);
          categoryIds = body.scope === 'categories' ? body.categoryIds ?? [] : null;
          const dropped = row.items.filter((i) => !measureIds.includes(i.measureId)).map((i) => i.id);
          if (dropped.length) await tx.followUpItem.deleteMany({ where: { id: { in: dropped }, result: null } });
          const added = measureIds.filter((m) => !currentMeasureIds.includes(m));
          if (added.length) await tx.followUpItem.createMany({ data: added.map((measureId) => ({ followUpId: id, measureId })) });
          await tx.followUpCategory.deleteMany({ where: { followUpId: id } });
          if (categoryIds?.length) await tx.followUpCategory.createMany({ data: categoryIds.map((categoryId) => ({ followUpId: id, categoryId })) });
        }
        const note = body.note === undefined ? row.note : body.note?.trim() || null;
        const scope = scopeChanged && body.scope ? body.scope : row.scope;
        const { count } = await tx.followUp.updateMany({
          where: { id, version: row.version },
          data: { scheduledOn, reviewerId, scope, note, version: { increment: 1 } },
        });
        if (count !== 1) throw versionConflict('follow_up', id, row.version + 1);
        await audit(
          tx, actor, 'follow_up', id, 'update',
          auditedFollowUp(row, { categoryIds: row.scope === 'categories' ? currentCategoryIds : null, measureIds: currentMeasureIds }),
          auditedFollowUp({ scheduledOn, reviewerId, scope, note, version: row.version + 1 }, { categoryIds, measureIds }),
        );
        if (reviewerId !== row.reviewerId) await tellReviewer(tx, id, reviewerId, scheduledOn, measureIds.length);
      });
      notifier.flush();
      return detail(id, actor);
    },

    /** 删除回头看: only while nothing is recorded (409 FOLLOW_UP_HAS_RESULTS); its items go, their evidence stays the measures'. */
    async remove(id: number, version: number | undefined, actor: RequestActor): Promise<void> {
      await db.$transaction(async (tx) => {
        const row = await followUpForEdit(tx, id);
        if (!row) throw notFound('follow_up', id);
        if (version !== undefined && row.version !== version) throw versionConflict('follow_up', id, row.version);
        const recorded = recordedOf(row.items);
        if (followUpLocked(recorded)) throw new AppError(409, 'FOLLOW_UP_HAS_RESULTS', { followUpId: id, ...recorded });
        const { count } = await tx.followUp.deleteMany({ where: { id, version: row.version } });
        if (count !== 1) throw versionConflict('follow_up', id, row.version + 1);
        await audit(
          tx, actor, 'follow_up', id, 'delete',
          auditedFollowUp(row, { categoryIds: row.scope === 'categories' ? row.categories.map((c) => c.categoryId) : null, measureIds: row.items.map((i) => i.measureId) }),
          null,
        );
      });
    },

    /**
     * 更正回头看结果 (the office): a recorded result changes, with the version read; what it does to
     * the measure is the domain's `followUpResultEffect` — 巩固 → 反弹 reopens a closed measure
     * (with a new deadline where its own has passed: `deadlineAfterResult`), 反弹 → 巩固 leaves it in
     * progress (closed again only through 申请销号 → 对账销号) and its owners are told so.
     */
    async correct(itemId: number, body: FollowUpCorrection, actor: RequestActor): Promise<FollowUpItem> {
      await db.$transaction(async (tx) => {
        const item = await itemForRecording(tx, itemId);
        if (!item) throw notFound('follow_up_item', itemId);
        if (item.result === null) throw new AppError(409, 'FOLLOW_UP_ITEM_NOT_RECORDED', { followUpItemId: itemId });
        if (body.version !== item.version) throw versionConflict('follow_up_item', itemId, item.version);
        const note = body.note?.trim() || null;
        if (body.result === 'slid' && !note) throw validationFailed('note', 'required');
        const outcome = measureOutcome(item, body);
        const now = clock.now();
        const { count } = await tx.followUpItem.updateMany({
          where: { id: itemId, version: item.version },
          data: { result: body.result, note, recordedAt: now, recordedByUserId: actor.userId, version: { increment: 1 } },
        });
        if (count !== 1) throw versionConflict('follow_up_item', itemId, item.version + 1);
        await audit(tx, actor, 'follow_up_item', itemId, 'update', auditedItem(item), auditedItem({ result: body.result, note, version: item.version + 1 }), {
          measureId: item.measureId,
          extra: { followUpId: item.followUpId, correction: true },
        });
        await applyOutcome(tx, actor, item, outcome, note, now);
      });
      notifier.flush();
      const item = await findItem(db, itemId, clock.today());
      if (!item) throw notFound('follow_up_item', itemId);
      return item;
    },

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
        await checkReviewer(tx, round.inspectedUnitId, reviewerId);
        const measures = await resolveScope(tx, roundId, body);
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
        await tellReviewer(tx, row.id, reviewerId, body.scheduledOn, measures.length);
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
        const outcome = measureOutcome(item, body);
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
        await applyOutcome(tx, actor, item, outcome, note, now);
      });
      notifier.flush();
      const item = await findItem(db, itemId, clock.today());
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
