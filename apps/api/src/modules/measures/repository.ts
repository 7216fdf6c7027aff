import type { Db, Prisma } from '@rectify/db';
import { afterWhere, intKey, dateKey, str, type Direction, type Key, type KeyKind, type KeyValue } from '../../lib/keyset.js';
import { measurePathInclude, type MeasurePathRow } from './mapper.js';

type Where = Prisma.MeasureWhereInput;
type Order = Prisma.MeasureOrderByWithRelationInput;
export type MeasureSort = 'position' | 'deadline' | 'updatedAt';

/** The deadline as a key: NULL sorts last in either direction, so nothing lies beyond it but other NULLs. */
const deadlineKey: Key<Where> = {
  eq: (value) => ({ deadline: value === null ? null : str(value) }),
  beyond: (value, direction) =>
    value === null ? null : { OR: [{ deadline: direction === 'asc' ? { gt: str(value) } : { lt: str(value) } }, { deadline: null }] },
};
const idKey = intKey<Where>((id) => ({ id }));

/** Each sort of the measure list: its order, its key (the same columns) and a row's key values. */
const sorts: Record<MeasureSort, { kinds: KeyKind[]; keys: Key<Where>[]; order: (d: Direction) => Order[]; keyOf: (row: MeasurePathRow) => KeyValue[] }> = {
  position: {
    kinds: ['int', 'int', 'int', 'int', 'int'],
    keys: [
      intKey<Where>((roundId) => ({ roundId })),
      intKey<Where>((ordinal) => ({ problem: { category: { ordinal } } })),
      intKey<Where>((ordinal) => ({ problem: { ordinal } })),
      intKey<Where>((ordinal) => ({ ordinal })),
      idKey,
    ],
    order: (d) => [{ roundId: d }, { problem: { category: { ordinal: d } } }, { problem: { ordinal: d } }, { ordinal: d }, { id: d }],
    keyOf: (r) => [r.roundId, r.problem.category.ordinal, r.problem.ordinal, r.ordinal, r.id],
  },
  deadline: {
    kinds: ['string?', 'int'],
    keys: [deadlineKey, idKey],
    order: (d) => [{ deadline: { sort: d, nulls: 'last' } }, { id: d }],
    keyOf: (r) => [r.deadline, r.id],
  },
  updatedAt: {
    kinds: ['date', 'int'],
    keys: [dateKey<Where>((updatedAt) => ({ updatedAt })), idKey],
    order: (d) => [{ updatedAt: d }, { id: d }],
    keyOf: (r) => [r.updatedAt.toISOString(), r.id],
  },
};

export const measureSortKinds = (sort: MeasureSort) => sorts[sort].kinds;
export const measureKeyOf = (sort: MeasureSort) => sorts[sort].keyOf;

export function createMeasureRepository(db: Db) {
  return {
    /** `take` measures matching `where`, in the sort's order, after the key `after`. */
    page: (where: Where, sort: MeasureSort, direction: Direction, after: readonly KeyValue[] | null, take: number) =>
      db.measure.findMany({
        where: after ? { AND: [where, afterWhere(sorts[sort].keys, after, direction)] } : where,
        include: measurePathInclude,
        orderBy: sorts[sort].order(direction),
        take,
      }),

    count: (where: Where) => db.measure.count({ where }),
  };
}
