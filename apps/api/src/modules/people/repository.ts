import type { Db, Prisma } from '@rectify/db';
import { afterWhere, intKey, type KeyValue } from '../../lib/keyset.js';

type Where = Prisma.PersonWhereInput;

/** What the people queries select beside a person's own columns, and the row they return. */
export const personInclude = { department: { select: { id: true, name: true } } } as const satisfies Prisma.PersonInclude;
export type PersonRow = Prisma.PersonGetPayload<{ include: typeof personInclude }>;

/** The people list's order and keyset: by id. */
const idKey = intKey<Where>((id) => ({ id }));
export const personKeyOf = (row: PersonRow): KeyValue[] => [row.id];

export function createPeopleRepository(db: Db) {
  return {
    /** `take` people matching `where`, in id order, after the key `after`. */
    page: (where: Where, after: readonly KeyValue[] | null, take: number) =>
      db.person.findMany({ where: after ? { AND: [where, afterWhere([idKey], after, 'asc')] } : where, include: personInclude, orderBy: { id: 'asc' }, take }),

    count: (where: Where) => db.person.count({ where }),

    find: (id: number) => db.person.findUnique({ where: { id }, include: personInclude }),
  };
}
