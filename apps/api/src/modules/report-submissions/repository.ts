import type { Db, Prisma, Tx } from '@rectify/db';
import { overdueWhere } from '@rectify/domain';
import { userRefSelect } from '../../lib/user-ref.js';

export const submissionInclude = { submittedBy: userRefSelect, decidedBy: userRefSelect } as const satisfies Prisma.ReportSubmissionInclude;
export type SubmissionRow = Prisma.ReportSubmissionGetPayload<{ include: typeof submissionInclude }>;

/** The report submissions' data access. */
export function createReportSubmissionRepository(db: Db) {
  return {
    round: (tx: Tx | Db, id: number) => tx.inspectionRound.findUnique({ where: { id }, select: { id: true, inspectedUnitId: true, reportState: true, version: true, committee: true, roundName: true, groupName: true, inspectedUnit: { select: { name: true } } } }),

    ofRound: (roundId: number) => db.reportSubmission.findMany({ where: { roundId }, include: submissionInclude, orderBy: { id: 'desc' }, take: 100 }),

    find: (tx: Tx | Db, id: number) => tx.reportSubmission.findUnique({ where: { id }, include: submissionInclude }),

    /** The round's measure figures on the day: total, closed, overdue, counted by the database. */
    async figures(tx: Tx | Db, roundId: number, today: string) {
      const [measures, closed, overdue] = await Promise.all([
        tx.measure.count({ where: { roundId } }),
        tx.measure.count({ where: { roundId, status: 'closed' } }),
        tx.measure.count({ where: { roundId, ...overdueWhere(today) } }),
      ]);
      return { measures, closed, overdue };
    },

    /** Moves the round's report state only from the state it was read in (a concurrent change answers 0). */
    setRoundState: (tx: Tx, roundId: number, from: string, to: string) =>
      tx.inspectionRound.updateMany({ where: { id: roundId, reportState: from }, data: { reportState: to } }),

    /** Decides a submitted report at the version read. */
    decide: (tx: Tx, id: number, version: number, data: { state: string; comment: string | null; decidedAt: Date; decidedByUserId: number }) =>
      tx.reportSubmission.updateMany({ where: { id, version, state: 'submitted' }, data: { ...data, version: { increment: 1 } } }),

    /** The 巡察办's active accounts, and the unit's office accounts. */
    supervisorIds: async (tx: Tx) => (await tx.user.findMany({ where: { active: true, role: 'supervisor' }, select: { id: true } })).map((u) => u.id),
    unitOfficeIds: async (tx: Tx, organizationId: number) =>
      (await tx.user.findMany({ where: { active: true, role: 'office', organizationId }, select: { id: true } })).map((u) => u.id),
  };
}
