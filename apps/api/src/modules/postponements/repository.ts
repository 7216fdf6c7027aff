import type { Db, Prisma, Tx } from '@rectify/db';
import { toPostponementState, type Postponement } from '@rectify/domain';
import { toUserRef, userRefSelect } from '../../lib/user-ref.js';

/** The queries of 延期申请: typed from Prisma's payloads, the measure's columns it moves beside them. */

export const postponementInclude = {
  requestedBy: userRefSelect,
  reviewedBy: userRefSelect,
} as const satisfies Prisma.PostponementInclude;

type Row = Prisma.PostponementGetPayload<{ include: typeof postponementInclude }>;

export function toPostponement(row: Row): Postponement {
  return {
    id: row.id,
    measureId: row.measureId,
    previousDeadline: row.previousDeadline,
    requestedDeadline: row.requestedDeadline,
    reason: row.reason,
    state: toPostponementState(row.state),
    requestedAt: row.requestedAt.toISOString(),
    requestedBy: toUserRef(row.requestedBy),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    reviewedBy: toUserRef(row.reviewedBy),
    reviewReason: row.reviewReason,
    version: row.version,
  };
}

/** The audit log's view of a request. */
export const auditedPostponement = (row: { state: string; previousDeadline: string | null; requestedDeadline: string; reason: string; reviewReason: string | null; version: number }) => ({
  state: row.state,
  previousDeadline: row.previousDeadline,
  requestedDeadline: row.requestedDeadline,
  reason: row.reason,
  reviewReason: row.reviewReason,
  version: row.version,
});

export async function findPostponement(db: Db | Tx, id: number): Promise<Row | null> {
  return db.postponement.findUnique({ where: { id }, include: postponementInclude });
}

/** Every request of one measure, newest first (the measure page lists them). */
export async function postponementsOfMeasure(db: Db | Tx, measureId: number): Promise<Postponement[]> {
  const rows = await db.postponement.findMany({ where: { measureId }, include: postponementInclude, orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }] });
  return rows.map(toPostponement);
}

export async function hasPendingPostponement(tx: Tx, measureId: number): Promise<boolean> {
  return (await tx.postponement.count({ where: { measureId, state: 'pending' } })) > 0;
}

/** The measure's timeline columns a postponement reads and moves. */
export async function measureTimeline(tx: Tx, id: number) {
  return tx.measure.findUnique({
    where: { id },
    select: {
      id: true, text: true, kind: true, status: true, deadline: true, originalDeadline: true, postponementCount: true, leaderId: true, leadDepartmentId: true, version: true,
      round: { select: { inspectedUnitId: true } },
    },
  });
}

/**
 * Approved: the deadline moves, the original is kept (the first one, however many times it moves),
 * the count goes up; only if the measure still has the version read (else 0 rows).
 */
export async function moveDeadline(
  tx: Tx,
  measure: { id: number; version: number; deadline: string | null; originalDeadline: string | null },
  deadline: string,
): Promise<{ count: number }> {
  return tx.measure.updateMany({
    where: { id: measure.id, version: measure.version },
    data: {
      deadline,
      originalDeadline: measure.originalDeadline ?? measure.deadline,
      postponementCount: { increment: 1 },
      version: { increment: 1 },
    },
  });
}

/** Decides a pending request, only if it is still pending at the version read (else 0 rows). */
export async function decidePostponement(
  tx: Tx,
  row: { id: number; version: number },
  data: { state: 'approved' | 'refused'; reviewReason: string | null; reviewedAt: Date; reviewedByUserId: number },
): Promise<{ count: number }> {
  return tx.postponement.updateMany({ where: { id: row.id, version: row.version, state: 'pending' }, data: { ...data, version: { increment: 1 } } });
}

/** The queue: filtered by state and round; for leaders and officers, only the measures they answer for. */
export async function postponementQueue(db: Db, filter: { state: string | null; roundId: number | null; mine: Prisma.MeasureWhereInput | null }) {
  const where: Prisma.PostponementWhereInput = {
    ...(filter.state ? { state: filter.state } : {}),
    ...(filter.roundId || filter.mine ? { measure: { ...(filter.roundId ? { roundId: filter.roundId } : {}), ...(filter.mine ?? {}) } } : {}),
  };
  const rows = await db.postponement.findMany({
    where,
    include: {
      ...postponementInclude,
      measure: {
        select: {
          id: true, text: true, deadline: true, roundId: true,
          leader: { select: { id: true, name: true } },
          leadDepartment: { select: { id: true, name: true } },
        },
      },
    },
    orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
    take: 500,
  });
  return rows.map((r) => ({ ...toPostponement(r), measure: r.measure }));
}

/** The accounts of the unit's office (整改办公室), who decide its postponements; other units' offices never hear of them. */
export async function officeUserIds(tx: Tx, organizationId: number): Promise<number[]> {
  const users = await tx.user.findMany({ where: { active: true, role: 'office', organizationId }, select: { id: true } });
  return users.map((u) => u.id);
}
