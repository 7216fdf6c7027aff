import {
  type ClosureApprove,
  type ClosureQuery,
  type ClosurePage,
  type ClosureReject,
  type ClosureRequest,
  type ClosureSubmit,
  type MeasureReopen,
  type MeasureState,
  toMeasureStatus,
  transitions,
  inRoundScopeWhere,
  roundScope,
} from '@rectify/domain';
import type { Db, Prisma, Tx } from '@rectify/db';
import type { Clock } from '../../lib/clock.js';
import type { RequestActor } from '../../lib/actor.js';
import { audit } from '../../lib/audit.js';
import { AppError, notFound, versionConflict } from '../../lib/errors.js';
import { guardMeasure } from '../../lib/measure-guard.js';
import { DEFAULT_LIMIT, afterWhere, dateKey, decodeCursor, intKey, pageOf } from '../../lib/keyset.js';

const closureKeys = [dateKey<Prisma.ClosureRequestWhereInput>((requestedAt) => ({ requestedAt })), intKey<Prisma.ClosureRequestWhereInput>((id) => ({ id }))];
import { measurePathInclude, toMeasureListItem } from '../measures/mapper.js';
import type { Notifier } from '../notifications/service.js';
import { auditedClosure, closureInclude, toClosure } from './mapper.js';
import { reopenClosedMeasure } from './reopen.js';

/**
 * 申请销号 → 对账销号. An officer submits a measure with a summary and at least one piece of
 * evidence (→ pending closure); the office, or the leader of the measure, approves (→ closed on
 * today's date, locked) or rejects with a reason (→ back in progress, the owners notified). The
 * office reopens a closed measure with a reason; the approved request then reads `reopened`.
 */
export function createClosureService({ db, clock, notifier }: { db: Db; clock: Clock; notifier: Notifier }) {
  async function get(id: number): Promise<ClosureRequest> {
    const row = await db.closureRequest.findUnique({ where: { id }, include: closureInclude });
    if (!row) throw notFound('closure', id);
    return toClosure(row);
  }

  /** Reads a pending request and its measure, checking that the actor may decide it. */
  async function pendingFor(tx: Tx, id: number, actor: RequestActor, version: number | undefined) {
    const closure = await tx.closureRequest.findUnique({ where: { id } });
    if (!closure) throw notFound('closure', id);
    const measure = await guardMeasure(tx, closure.measureId, actor, 'closure.decide', { allowClosed: true });
    if (closure.state !== 'pending') throw new AppError(409, 'CLOSURE_NOT_PENDING', { id, state: closure.state });
    if (version !== undefined && version !== closure.version) throw versionConflict('closure', id, closure.version);
    return { closure, measure };
  }

  const stateOf = (m: { status: string; completedDate: string | null; progress: number }): MeasureState => ({
    status: toMeasureStatus(m.status),
    completedDate: m.completedDate,
    progress: m.progress,
  });

  async function setMeasure(tx: Tx, actor: RequestActor, measure: { id: number; status: string; completedDate: string | null; progress: number; version: number }, data: MeasureState) {
    const { count } = await tx.measure.updateMany({ where: { id: measure.id, version: measure.version }, data: { ...data, version: { increment: 1 } } });
    if (count !== 1) throw versionConflict('measure', measure.id, measure.version + 1);
    await audit(
      tx, actor, 'measure', measure.id, 'update',
      { status: measure.status, completedDate: measure.completedDate, progress: measure.progress, version: measure.version },
      { ...data, version: measure.version + 1 },
    );
  }

  return {
    get,

    async submit(measureId: number, body: ClosureSubmit, actor: RequestActor): Promise<ClosureRequest> {
      const id = await db.$transaction(async (tx) => {
        const measure = await guardMeasure(tx, measureId, actor, 'measure.progress');
        if (measure.status === 'pending_closure') throw new AppError(409, 'CLOSURE_PENDING', { measureId });
        const evidence = await tx.evidence.count({ where: { measureId } });
        if (evidence === 0) throw new AppError(400, 'EVIDENCE_REQUIRED', { measureId });
        const closure = await tx.closureRequest.create({
          data: { measureId, summary: body.summary.trim(), requestedByUserId: actor.userId, requestedAt: clock.now() },
        });
        await audit(tx, actor, 'closure', closure.id, 'submit', null, auditedClosure(closure), { measureId });
        await setMeasure(tx, actor, measure, transitions.requestClosure(stateOf(measure)));
        return closure.id;
      });
      return get(id);
    },

    /** The queue: the office (and admin, inspector) see all; a leader the measures they lead; an officer theirs. */
    /** A page of the queue, oldest request first (keyset on requestedAt, id). */
    async list(query: ClosureQuery, actor: RequestActor): Promise<ClosurePage> {
      const state = query.state ?? 'pending';
      const where: Prisma.ClosureRequestWhereInput = state === 'all' ? {} : { state };
      if (actor.role === 'leader') where.measure = { leaderId: actor.personId ?? -1 };
      if (actor.role === 'officer') {
        where.measure = {
          OR: [{ leaderId: actor.personId ?? -1 }, ...(actor.departmentId ? [{ leadDepartmentId: actor.departmentId }] : [])],
        };
      }
      const limit = query.limit ?? DEFAULT_LIMIT;
      const after = decodeCursor(query.cursor, `closures:${state}`, ['date', 'int']);
      // Kept to the rounds the account sees (packages/domain scope.ts).
      const scoped: Prisma.ClosureRequestWhereInput = { AND: [where, { measure: inRoundScopeWhere(roundScope(actor)) }] };
      const [total, rows] = await Promise.all([
        db.closureRequest.count({ where: scoped }),
        db.closureRequest.findMany({
          where: after ? { AND: [scoped, afterWhere(closureKeys, after, 'asc')] } : scoped,
          include: { ...closureInclude, measure: { include: { ...measurePathInclude, _count: { select: { evidence: true } } } } },
          orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
          take: limit + 1,
        }),
      ]);
      const today = clock.today();
      return pageOf(
        rows,
        limit,
        `closures:${state}`,
        (r) => [r.requestedAt.toISOString(), r.id],
        (r) => ({ ...toClosure(r), measure: toMeasureListItem(r.measure, today), evidenceCount: r.measure._count.evidence }),
        total,
      );
    },

    async approve(id: number, body: ClosureApprove, actor: RequestActor): Promise<ClosureRequest> {
      await db.$transaction(async (tx) => {
        const { closure, measure } = await pendingFor(tx, id, actor, body.version);
        const now = clock.now();
        const today = clock.today();
        const decided = await tx.closureRequest.update({
          where: { id },
          data: { state: 'approved', decidedAt: now, decidedByUserId: actor.userId, version: { increment: 1 } },
        });
        await audit(tx, actor, 'closure', id, 'approve', auditedClosure(closure), auditedClosure(decided), { measureId: measure.id });
        await setMeasure(tx, actor, measure, transitions.close(stateOf(measure), today));
        await notifier.closureDecided(tx, measure, { id, state: 'approved', reason: null, requestedByUserId: closure.requestedByUserId }, today);
      });
      notifier.flush();
      return get(id);
    },

    async reject(id: number, body: ClosureReject, actor: RequestActor): Promise<ClosureRequest> {
      await db.$transaction(async (tx) => {
        const { closure, measure } = await pendingFor(tx, id, actor, body.version);
        const decided = await tx.closureRequest.update({
          where: { id },
          data: { state: 'rejected', reason: body.reason.trim(), decidedAt: clock.now(), decidedByUserId: actor.userId, version: { increment: 1 } },
        });
        await audit(tx, actor, 'closure', id, 'reject', auditedClosure(closure), auditedClosure(decided), { measureId: measure.id });
        await setMeasure(tx, actor, measure, transitions.reopen(stateOf(measure)));
        await notifier.closureDecided(tx, measure, { id, state: 'rejected', reason: decided.reason, requestedByUserId: closure.requestedByUserId }, clock.today());
      });
      notifier.flush();
      return get(id);
    },

    /** Office / admin: a closed measure goes back to in progress; the reason stays in its history. */
    async reopen(measureId: number, body: MeasureReopen, actor: RequestActor): Promise<void> {
      await db.$transaction(async (tx) => {
        const measure = await guardMeasure(tx, measureId, actor, 'measure.reopen', { allowClosed: true });
        if (measure.status !== 'closed') throw new AppError(409, 'MEASURE_NOT_CLOSED', { measureId, status: measure.status });
        await reopenClosedMeasure(tx, actor, measure, body.reason.trim(), clock.now());
      });
    },
  };
}

