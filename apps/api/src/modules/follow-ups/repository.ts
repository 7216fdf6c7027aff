import type { Db, Prisma, Tx } from '@rectify/db';
import {
  followUpLocked,
  followUpState,
  mayAttempt,
  mayRecordFollowUp,
  relapseDeadline,
  toFollowUpResult,
  toFollowUpScope,
  toMeasureKind,
  toMeasureStatus,
  type Actor,
  type FollowUp,
  type FollowUpCounts,
  type FollowUpItem,
  type MeasureFollowUp,
} from '@rectify/domain';
import { toUserRef, userRefSelect } from '../../lib/user-ref.js';
import { evidenceInclude, toEvidence } from '../evidence/service.js';

/** The queries of 回头看 (follow-up reviews), typed from Prisma's payloads. */

export const followUpInclude = {
  reviewer: { select: { id: true, name: true } },
  createdBy: userRefSelect,
  categories: { select: { category: { select: { id: true, title: true, ordinal: true } } } },
} as const satisfies Prisma.FollowUpInclude;

type FollowUpRow = Prisma.FollowUpGetPayload<{ include: typeof followUpInclude }>;

export const followUpItemInclude = {
  recordedBy: userRefSelect,
  evidence: { include: evidenceInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  measure: {
    select: {
      id: true, text: true, status: true, kind: true, deadline: true, completedDate: true, ordinal: true,
      leader: { select: { id: true, name: true } },
      leadDepartment: { select: { id: true, name: true } },
      problem: { select: { id: true, ordinal: true, title: true, category: { select: { id: true, ordinal: true, title: true } } } },
    },
  },
} as const satisfies Prisma.FollowUpItemInclude;

type ItemRow = Prisma.FollowUpItemGetPayload<{ include: typeof followUpItemInclude }>;

export const emptyCounts = (): FollowUpCounts => ({ total: 0, held: 0, slid: 0, pending: 0 });

export function toFollowUp(row: FollowUpRow, counts: FollowUpCounts, actor: Pick<Actor, 'role' | 'personId'>, today: string): FollowUp {
  return {
    id: row.id,
    roundId: row.roundId,
    scheduledOn: row.scheduledOn,
    reviewer: row.reviewer,
    scope: toFollowUpScope(row.scope),
    categories: row.categories.map((c) => c.category).sort((a, b) => a.ordinal - b.ordinal).map(({ id, title }) => ({ id, title })),
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    createdBy: toUserRef(row.createdBy),
    counts,
    state: followUpState({ scheduledOn: row.scheduledOn, pending: counts.pending }, today),
    mayRecord: mayRecordFollowUp(actor, row),
    mayManage: mayAttempt(actor.role, 'followup.manage'),
    locked: followUpLocked(counts),
    version: row.version,
  };
}

/** What a reviewer recorded, as both the review's items and the measure's rows show it. */
function recordedResult(row: Pick<ItemRow, 'result' | 'note' | 'recordedAt' | 'recordedBy' | 'evidence' | 'version'>) {
  return {
    result: row.result === null ? null : toFollowUpResult(row.result),
    note: row.note,
    recordedAt: row.recordedAt?.toISOString() ?? null,
    recordedBy: toUserRef(row.recordedBy),
    evidence: row.evidence.map(toEvidence),
    version: row.version,
  };
}

/** An item as the review page shows it, with what a 反弹 reopening its measure today asks of its deadline. */
export function toFollowUpItem(row: ItemRow, today: string): FollowUpItem {
  const m = row.measure;
  const kind = toMeasureKind(m.kind);
  return {
    id: row.id,
    followUpId: row.followUpId,
    measure: {
      id: m.id,
      text: m.text,
      status: toMeasureStatus(m.status),
      kind,
      deadline: m.deadline,
      relapseDeadline: relapseDeadline({ kind, deadline: m.deadline }, today),
      completedDate: m.completedDate,
      category: m.problem.category,
      problem: { id: m.problem.id, ordinal: m.problem.ordinal, title: m.problem.title },
      leader: m.leader,
      leadDepartment: m.leadDepartment,
    },
    ...recordedResult(row),
  };
}

/** The audit log's view of a review and of one of its results. */
export const auditedFollowUp = (row: { scheduledOn: string; reviewerId: number | null; scope: string; note: string | null; version: number }, extra: Record<string, unknown> = {}) => ({
  scheduledOn: row.scheduledOn,
  reviewerId: row.reviewerId,
  scope: row.scope,
  note: row.note,
  version: row.version,
  ...extra,
});
export const auditedItem = (row: { result: string | null; note: string | null; version: number }) => ({ result: row.result, note: row.note, version: row.version });

export async function findFollowUp(db: Db | Tx, id: number): Promise<FollowUpRow | null> {
  return db.followUp.findUnique({ where: { id }, include: followUpInclude });
}

export async function followUpsOfRound(db: Db, roundId: number): Promise<FollowUpRow[]> {
  return db.followUp.findMany({ where: { roundId }, include: followUpInclude, orderBy: [{ scheduledOn: 'desc' }, { id: 'desc' }] });
}

/** Held / slid / pending per review: one grouped query (of one review, of a measure's few, or of a round's). */
export async function countResults(db: Db | Tx, where: { followUpId: number } | { followUpIds: number[] } | { roundId: number }): Promise<Map<number, FollowUpCounts>> {
  const groups = await db.followUpItem.groupBy({
    by: ['followUpId', 'result'],
    where:
      'followUpId' in where ? { followUpId: where.followUpId } : 'followUpIds' in where ? { followUpId: { in: where.followUpIds } } : { followUp: { roundId: where.roundId } },
    _count: { _all: true },
  });
  const out = new Map<number, FollowUpCounts>();
  for (const g of groups) {
    let c = out.get(g.followUpId);
    if (!c) out.set(g.followUpId, (c = emptyCounts()));
    const n = g._count._all;
    c.total += n;
    if (g.result === 'held') c.held += n;
    else if (g.result === 'slid') c.slid += n;
    else c.pending += n;
  }
  return out;
}

export async function itemsOf(db: Db, followUpId: number, today: string): Promise<FollowUpItem[]> {
  const rows = await db.followUpItem.findMany({
    where: { followUpId },
    include: followUpItemInclude,
    orderBy: [{ measure: { problem: { category: { ordinal: 'asc' } } } }, { measure: { problem: { ordinal: 'asc' } } }, { measure: { ordinal: 'asc' } }, { id: 'asc' }],
  });
  return rows.map((row) => toFollowUpItem(row, today));
}

export async function findItem(db: Db | Tx, id: number, today: string): Promise<FollowUpItem | null> {
  const row = await db.followUpItem.findUnique({ where: { id }, include: followUpItemInclude });
  return row ? toFollowUpItem(row, today) : null;
}

/** An item with what recording it needs: its review's reviewer and day, its measure's state and owners. */
export async function itemForRecording(tx: Tx, id: number) {
  return tx.followUpItem.findUnique({
    where: { id },
    select: {
      id: true, followUpId: true, measureId: true, result: true, note: true, version: true,
      followUp: { select: { id: true, reviewerId: true, scheduledOn: true } },
      measure: { select: { id: true, text: true, status: true, kind: true, deadline: true, completedDate: true, progress: true, version: true, leaderId: true, leadDepartmentId: true } },
    },
  });
}

/** The closed measures a review of this scope covers, in tree order. */
export async function closedMeasuresIn(tx: Tx, roundId: number, scope: { categoryIds?: number[]; measureIds?: number[] }): Promise<{ id: number }[]> {
  return tx.measure.findMany({
    where: {
      roundId,
      status: 'closed',
      ...(scope.categoryIds ? { problem: { categoryId: { in: scope.categoryIds } } } : {}),
      ...(scope.measureIds ? { id: { in: scope.measureIds } } : {}),
    },
    select: { id: true },
    orderBy: [{ id: 'asc' }],
  });
}

/** The round's 回头看 in figures (the report's paragraph): reviews, the measures they cover, held / slid / pending. */
export async function followUpFigures(db: Db, roundId: number) {
  const [reviews, counts] = await Promise.all([db.followUp.count({ where: { roundId } }), countResults(db, { roundId })]);
  const out = { reviews, measures: 0, held: 0, slid: 0, pending: 0 };
  for (const c of counts.values()) {
    out.measures += c.total;
    out.held += c.held;
    out.slid += c.slid;
    out.pending += c.pending;
  }
  return out;
}

/** A review as editing it needs it: its fields, categories and the measures its items cover (with whether each is recorded). */
export async function followUpForEdit(tx: Tx, id: number) {
  return tx.followUp.findUnique({
    where: { id },
    select: {
      id: true, roundId: true, scheduledOn: true, reviewerId: true, scope: true, note: true, version: true,
      categories: { select: { categoryId: true } },
      items: { select: { id: true, measureId: true, result: true }, orderBy: { measureId: 'asc' } },
    },
  });
}

export const measureFollowUpInclude = {
  followUp: { select: { id: true, scheduledOn: true, reviewer: { select: { id: true, name: true } } } },
  recordedBy: userRefSelect,
  evidence: { include: evidenceInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
} as const satisfies Prisma.FollowUpItemInclude;

/**
 * The 回头看 items of one measure (latest review first), each with its review's state: one query for
 * the items (by the indexed measureId) and one grouped count over the few reviews they belong to.
 */
export async function followUpsOfMeasure(db: Db, measureId: number, today: string): Promise<MeasureFollowUp[]> {
  const rows = await db.followUpItem.findMany({
    where: { measureId },
    include: measureFollowUpInclude,
    orderBy: [{ followUp: { scheduledOn: 'desc' } }, { followUpId: 'desc' }],
  });
  if (!rows.length) return [];
  const counts = await countResults(db, { followUpIds: [...new Set(rows.map((r) => r.followUpId))] });
  return rows.map((row) => ({
    id: row.id,
    followUp: {
      id: row.followUp.id,
      scheduledOn: row.followUp.scheduledOn,
      reviewer: row.followUp.reviewer,
      state: followUpState({ scheduledOn: row.followUp.scheduledOn, pending: (counts.get(row.followUpId) ?? emptyCounts()).pending }, today),
    },
    ...recordedResult(row),
  }));
}
