import type { Db, Prisma, Tx } from '@rectify/db';
import { ratingColumns, toRatings, toNumber, type RatingRow, type SqlCount } from '../../lib/sql.js';
import { userRefSelect } from '../../lib/user-ref.js';

const roundSelect = { id: true, inspectedUnitId: true, committee: true, roundName: true, groupName: true, inspectedUnit: { select: { name: true } } } as const satisfies Prisma.InspectionRoundSelect;

export const opinionInclude = {
  handledBy: userRefSelect,
  round: { select: roundSelect },
} as const satisfies Prisma.PublicOpinionInclude;
export type OpinionRow = Prisma.PublicOpinionGetPayload<{ include: typeof opinionInclude }>;

/** 群众监督's data access: the public pages, the opinions, their counts (in SQL). */
export function createPublicSupervisionRepository(db: Db) {
  return {
    round: (tx: Tx | Db, id: number) => tx.inspectionRound.findUnique({ where: { id }, select: roundSelect }),

    pageOfRound: (tx: Tx | Db, roundId: number) => tx.publicPage.findUnique({ where: { roundId } }),

    pageByToken: (token: string) => db.publicPage.findUnique({ where: { token }, select: { roundId: true, enabled: true, round: { select: roundSelect } } }),

    createPage: (tx: Tx, data: { roundId: number; token: string; enabled: boolean }) => tx.publicPage.create({ data: { ...data, version: 1 } }),

    /** Switches the page only at the version read (a concurrent switch answers 0). */
    switchPage: (tx: Tx, where: { id: number; version: number }, enabled: boolean) =>
      tx.publicPage.updateMany({ where, data: { enabled, version: { increment: 1 } } }),

    /** A round's ratings and opinions, and how many are not handled yet: one grouped statement. */
    async counts(roundId: number) {
      const rows = await db.$queryRaw<(RatingRow & { unhandled: SqlCount })[]>`
        SELECT ${ratingColumns}, SUM(CASE WHEN o."status" = 'new' THEN 1 ELSE 0 END) AS "unhandled"
          FROM "PublicOpinion" o
         WHERE o."roundId" = ${roundId}`;
      return { ratings: toRatings(rows[0]), unhandled: toNumber(rows[0]?.unhandled ?? 0) };
    },

    createOpinion: (tx: Tx, data: { roundId: number; content: string; name: string | null; phone: string | null; rating: string | null }) =>
      tx.publicOpinion.create({ data }),

    /** `take` opinions matching `where`, newest first, and how many match in all. */
    page: (where: Prisma.PublicOpinionWhereInput, after: Prisma.PublicOpinionWhereInput | null, take: number) =>
      Promise.all([
        db.publicOpinion.count({ where }),
        db.publicOpinion.findMany({ where: after ? { AND: [where, after] } : where, include: opinionInclude, orderBy: { id: 'desc' }, take }),
      ]),

    find: (tx: Tx | Db, id: number) => tx.publicOpinion.findUnique({ where: { id }, include: opinionInclude }),

    update: (tx: Tx, where: { id: number; version: number }, data: Prisma.PublicOpinionUncheckedUpdateManyInput) =>
      tx.publicOpinion.updateMany({ where, data: { ...data, version: { increment: 1 } } }),

    /** The unit's active office accounts (notified of a new opinion). */
    unitOfficeIds: async (tx: Tx, organizationId: number) =>
      (await tx.user.findMany({ where: { active: true, role: 'office', organizationId }, select: { id: true } })).map((u) => u.id),
  };
}
