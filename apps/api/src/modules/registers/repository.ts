import type { Db, Prisma, Tx } from '@rectify/db';

/** The linked measures' ids, in id order, with every regulation read. */
export const regulationInclude = { measures: { select: { measureId: true }, orderBy: { measureId: 'asc' } } } satisfies Prisma.RegulationInclude;
export type RegulationRow = Prisma.RegulationGetPayload<{ include: typeof regulationInclude }>;
export type MeetingRow = Prisma.MeetingGetPayload<object>;

/** 建章立制 and 会议 of a round: the rows the registers list and the report counts. */
export function createRegisterRepository(db: Db | Tx) {
  return {
    regulations: (roundId: number) => db.regulation.findMany({ where: { roundId }, orderBy: [{ issuedDate: 'asc' }, { id: 'asc' }], include: regulationInclude }),
    regulation: (id: number) => db.regulation.findUnique({ where: { id }, include: regulationInclude }),
    meetings: (roundId: number) => db.meeting.findMany({ where: { roundId }, orderBy: [{ date: 'asc' }, { id: 'asc' }] }),
    meeting: (id: number) => db.meeting.findUnique({ where: { id } }),
    /** Of `ids`, those that are measures of the round. */
    measuresOfRound: async (roundId: number, ids: number[]) =>
      (await db.measure.findMany({ where: { roundId, id: { in: ids } }, select: { id: true } })).map((m) => m.id),
    roundExists: async (id: number) => (await db.inspectionRound.count({ where: { id } })) > 0,
  };
}

/** A regulation as the audit log records it: its columns and the linked measures' ids. */
export function regulationSnapshot({ measures, ...row }: RegulationRow) {
  return { ...row, measureIds: measures.map((m) => m.measureId) };
}
