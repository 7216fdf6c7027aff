import type { Db, Prisma, Tx } from '@rectify/db';
import { supervisionNoticeNumber, toCheckInCadence, toMeasureKind, toMeasureStatus, type SupervisionNotice, type WarningLevel, WARNING_LEVELS } from '@rectify/domain';
import { toUserRef, userRefSelect } from '../../lib/user-ref.js';

/** The queries of 督办函 (supervision notices). */

export const noticeInclude = {
  issuedBy: userRefSelect,
  measures: { include: { measure: { select: { id: true, text: true } } }, orderBy: { measureId: 'asc' } },
} as const satisfies Prisma.SupervisionNoticeInclude;

type Row = Prisma.SupervisionNoticeGetPayload<{ include: typeof noticeInclude }>;

export const toLevel = (value: string): WarningLevel => WARNING_LEVELS.find((l) => l === value) ?? 'none';

export function toNotice(row: Row): SupervisionNotice {
  return {
    id: row.id,
    roundId: row.roundId,
    year: row.year,
    number: row.number,
    code: supervisionNoticeNumber(row.year, row.number),
    target: row.target === 'leader' ? 'leader' : 'department',
    targetName: row.targetName,
    replyBy: row.replyBy,
    request: row.request,
    issuedOn: row.issuedOn,
    issuedAt: row.issuedAt.toISOString(),
    issuedBy: toUserRef(row.issuedBy),
    measures: row.measures.map((m) => ({ id: m.measure.id, text: m.measure.text, level: toLevel(m.level), deadline: m.deadline })),
  };
}

export async function findNotice(db: Db | Tx, id: number): Promise<Row | null> {
  return db.supervisionNotice.findUnique({ where: { id }, include: noticeInclude });
}

export async function noticesOfRound(db: Db, roundId: number): Promise<SupervisionNotice[]> {
  const rows = await db.supervisionNotice.findMany({ where: { roundId }, include: noticeInclude, orderBy: [{ year: 'desc' }, { number: 'desc' }] });
  return rows.map(toNotice);
}

export async function noticesOfMeasure(db: Db, measureId: number): Promise<SupervisionNotice[]> {
  const rows = await db.supervisionNotice.findMany({ where: { measures: { some: { measureId } } }, include: noticeInclude, orderBy: [{ year: 'desc' }, { number: 'desc' }] });
  return rows.map(toNotice);
}

/** The round a notice is issued in: its unit (the numbering's scope), title parts, thresholds. */
export async function noticeRound(tx: Tx, roundId: number) {
  return tx.inspectionRound.findUnique({
    where: { id: roundId },
    select: {
      id: true, committee: true, roundName: true, groupName: true, feedbackDate: true, inspectedUnitId: true,
      warnDueSoonDays: true, warnVerySoonDays: true, behindScheduleMargin: true,
      inspectedUnit: { select: { name: true } },
    },
  });
}

/** The chosen measures of the round, with what the notice says about each. */
export async function noticeMeasures(tx: Tx, roundId: number, ids: number[]) {
  const rows = await tx.measure.findMany({
    where: { roundId, id: { in: ids } },
    select: {
      id: true, text: true, kind: true, status: true, deadline: true, originalDeadline: true, startDate: true, progress: true,
      checkInCadence: true, lastCheckInOn: true, leaderId: true, leadDepartmentId: true,
      leader: { select: { name: true } },
      leadDepartment: { select: { name: true } },
      problem: { select: { title: true } },
    },
    orderBy: [{ problemId: 'asc' }, { ordinal: 'asc' }, { id: 'asc' }],
  });
  return rows.map((r) => ({ ...r, kind: toMeasureKind(r.kind), status: toMeasureStatus(r.status), checkInCadence: r.checkInCadence === null ? null : toCheckInCadence(r.checkInCadence) }));
}

/** The next number of the unit's notices in the year (督办〔year〕N号). */
export async function nextNoticeNumber(tx: Tx, organizationId: number, year: number): Promise<number> {
  const last = await tx.supervisionNotice.aggregate({ where: { organizationId, year }, _max: { number: true } });
  return (last._max.number ?? 0) + 1;
}
