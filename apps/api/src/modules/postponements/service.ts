import {
  notificationKindLabels,
  type Postponement,
  type PostponementApprove,
  type PostponementCreate,
  type PostponementQuery,
  type PostponementQueueItem,
  type PostponementRefuse,
  inRoundScopeWhere,
  roundScope,
} from '@rectify/domain';
import type { Db, Prisma, Tx } from '@rectify/db';
import type { Clock } from '../../lib/clock.js';
import type { RequestActor } from '../../lib/actor.js';
import { audit } from '../../lib/audit.js';
import { AppError, notFound, versionConflict } from '../../lib/errors.js';
import { guardMeasure } from '../../lib/measure-guard.js';
import type { Notifier } from '../notifications/service.js';
import {
  auditedPostponement,
  decidePostponement,
  findPostponement,
  hasPendingPostponement,
  measureTimeline,
  moveDeadline,
  officeUserIds,
  postponementQueue,
  postponementsOfMeasure,
  toPostponement,
} from './repository.js';

const short = (text: string, n = 40) => (text.length > n ? `${text.slice(0, n)}…` : text);

/**
 * 延期 (postponement), first class: the responsible officer or leader asks for a later deadline with
 * a reason (→ pending; the office is notified); the office approves (the deadline moves, the first
 * original deadline is kept, the count goes up; the owners are notified) or refuses with a reason
 * (nothing changes on the measure). Every step is audited in its transaction, with optimistic
 * versions on the request and on the measure.
 */
export function createPostponementService({ db, clock, notifier }: { db: Db; clock: Clock; notifier: Notifier }) {
  async function get(id: number): Promise<Postponement> {
    const row = await findPostponement(db, id);
    if (!row) throw notFound('postponement', id);
    return toPostponement(row);
  }

  async function pending(tx: Tx, id: number, actor: RequestActor, version: number | undefined) {
    const row = await findPostponement(tx, id);
    if (!row) throw notFound('postponement', id);
    await guardMeasure(tx, row.measureId, actor, 'postponement.decide');
    if (row.state !== 'pending') throw new AppError(409, 'POSTPONEMENT_NOT_PENDING', { id, state: row.state });
    if (version !== undefined && version !== row.version) throw versionConflict('postponement', id, row.version);
    const measure = await measureTimeline(tx, row.measureId);
    if (!measure) throw notFound('measure', row.measureId);
    return { row, measure };
  }

  async function decided(
    tx: Tx,
    actor: RequestActor,
    row: { id: number; version: number; state: string; previousDeadline: string | null; requestedDeadline: string; reason: string; reviewReason: string | null; requestedByUserId: number | null },
    state: 'approved' | 'refused',
    reviewReason: string | null,
    measure: { id: number; text: string; leaderId: number | null; leadDepartmentId: number | null },
  ) {
    const { count } = await decidePostponement(tx, row, { state, reviewReason, reviewedAt: clock.now(), reviewedByUserId: actor.userId });
    if (count !== 1) throw versionConflict('postponement', row.id, row.version + 1);
    const after = { ...row, state, reviewReason, version: row.version + 1 };
    await audit(tx, actor, 'postponement', row.id, state === 'approved' ? 'approve' : 'reject', auditedPostponement(row), auditedPostponement(after), { measureId: measure.id });
    const userIds = await notifier.responsibleUserIds(tx, measure);
    if (row.requestedByUserId) userIds.push(row.requestedByUserId);
    const kind = state === 'approved' ? 'postponement_approved' : 'postponement_refused';
    await notifier.notify(tx, {
      userIds,
      kind,
      measureId: measure.id,
      title: notificationKindLabels[kind]['zh-CN'],
      text:
        state === 'approved'
          ? `整改措施「${short(measure.text)}」的完成时限已由 ${row.previousDeadline ?? '（无）'} 延至 ${row.requestedDeadline}。`
          : `整改措施「${short(measure.text)}」延期至 ${row.requestedDeadline} 的申请未获同意，原因：${reviewReason ?? ''}`,
      key: (userId) => `${kind}:${row.id}:${userId}`,
    });
  }

  return {
    get,

    ofMeasure: (measureId: number) => postponementsOfMeasure(db, measureId),

    async request(measureId: number, body: PostponementCreate, actor: RequestActor): Promise<Postponement> {
      const id = await db.$transaction(async (tx) => {
        await guardMeasure(tx, measureId, actor, 'postponement.request');
        const measure = await measureTimeline(tx, measureId);
        if (!measure) throw notFound('measure', measureId);
        if (measure.kind === 'long_term' || !measure.deadline) throw new AppError(409, 'POSTPONEMENT_NOT_APPLICABLE', { measureId, kind: measure.kind });
        if (body.requestedDeadline <= measure.deadline) {
          throw new AppError(400, 'POSTPONEMENT_NOT_LATER', { field: 'requestedDeadline', deadline: measure.deadline });
        }
        if (await hasPendingPostponement(tx, measureId)) throw new AppError(409, 'POSTPONEMENT_PENDING', { measureId });
        const row = await tx.postponement.create({
          data: {
            measureId,
            previousDeadline: measure.deadline,
            requestedDeadline: body.requestedDeadline,
            reason: body.reason.trim(),
            requestedByUserId: actor.userId,
            requestedAt: clock.now(),
          },
        });
        await audit(tx, actor, 'postponement', row.id, 'submit', null, auditedPostponement(row), { measureId });
        await notifier.notify(tx, {
          userIds: await officeUserIds(tx, measure.round.inspectedUnitId),
          kind: 'postponement_requested',
          measureId,
          title: notificationKindLabels.postponement_requested['zh-CN'],
          text: `整改措施「${short(measure.text)}」申请将完成时限由 ${measure.deadline} 延至 ${body.requestedDeadline}，理由：${short(row.reason, 80)}`,
          key: (userId) => `postponement_requested:${row.id}:${userId}`,
        });
        return row.id;
      });
      notifier.flush();
      return get(id);
    },

    async approve(id: number, body: PostponementApprove, actor: RequestActor): Promise<Postponement> {
      await db.$transaction(async (tx) => {
        const { row, measure } = await pending(tx, id, actor, body.version);
        const { count } = await moveDeadline(tx, measure, row.requestedDeadline);
        if (count !== 1) throw versionConflict('measure', measure.id, measure.version + 1);
        await audit(
          tx, actor, 'measure', measure.id, 'update',
          { deadline: measure.deadline, originalDeadline: measure.originalDeadline, postponementCount: measure.postponementCount, version: measure.version },
          { deadline: row.requestedDeadline, originalDeadline: measure.originalDeadline ?? measure.deadline, postponementCount: measure.postponementCount + 1, version: measure.version + 1 },
        );
        await decided(tx, actor, row, 'approved', body.reason?.trim() || null, measure);
      });
      notifier.flush();
      return get(id);
    },

    async refuse(id: number, body: PostponementRefuse, actor: RequestActor): Promise<Postponement> {
      await db.$transaction(async (tx) => {
        const { row, measure } = await pending(tx, id, actor, body.version);
        await decided(tx, actor, row, 'refused', body.reason.trim(), measure);
      });
      notifier.flush();
      return get(id);
    },

    /** The office (and admin, inspector) see every request; a leader those of the measures they lead; an officer theirs. */
    async list(query: PostponementQuery, actor: RequestActor): Promise<PostponementQueueItem[]> {
      const state = query.state ?? 'pending';
      let mine: Prisma.MeasureWhereInput | null = null;
      if (actor.role === 'leader') mine = { leaderId: actor.personId ?? -1 };
      if (actor.role === 'officer') {
        mine = { OR: [{ leaderId: actor.personId ?? -1 }, ...(actor.departmentId ? [{ leadDepartmentId: actor.departmentId }] : [])] };
      }
      // Kept to the rounds the account sees (packages/domain scope.ts).
      const scoped: Prisma.MeasureWhereInput = { AND: [mine ?? {}, inRoundScopeWhere(roundScope(actor))] };
      return postponementQueue(db, { state: state === 'all' ? null : state, roundId: query.roundId ?? null, mine: scoped });
    },
  };
}

export type PostponementService = ReturnType<typeof createPostponementService>;
