import type { Prisma, Tx } from '@rectify/db';

/**
 * The queries of 方面 → 具体问题 → 具体表现, typed from Prisma's payloads. Each takes the client
 * or the transaction it runs in (the writes run inside `audited`'s transaction).
 */
type Client = Pick<Tx, 'inspectionRound' | 'category' | 'problem' | 'manifestation'>;

export const categorySelect = { id: true, roundId: true, ordinal: true, title: true, version: true } as const satisfies Prisma.CategorySelect;
export const problemSelect = { id: true, categoryId: true, ordinal: true, title: true, version: true } as const satisfies Prisma.ProblemSelect;
export const manifestationSelect = { id: true, problemId: true, ordinal: true, text: true, demo: true, version: true } as const satisfies Prisma.ManifestationSelect;

export type CategoryRow = Prisma.CategoryGetPayload<{ select: typeof categorySelect }>;
export type ProblemRow = Prisma.ProblemGetPayload<{ select: typeof problemSelect }>;
export type ManifestationRow = Prisma.ManifestationGetPayload<{ select: typeof manifestationSelect }>;

/** The next ordinal under a parent: one past the largest, 1 for the first. */
const next = (max: number | null) => (max ?? 0) + 1;

export const categories = {
  find: (c: Client, id: number) => c.category.findUnique({ where: { id }, select: categorySelect }),
  /** With how many problems it holds (a category with problems is not deleted). */
  findWithChildren: (c: Client, id: number) => c.category.findUnique({ where: { id }, select: { ...categorySelect, _count: { select: { problems: true } } } }),
  roundOf: (c: Client, id: number) => c.category.findUnique({ where: { id }, select: { id: true, roundId: true } }),
  nextOrdinal: async (c: Client, roundId: number) => next((await c.category.aggregate({ where: { roundId }, _max: { ordinal: true } }))._max.ordinal),
  create: (c: Client, data: { roundId: number; title: string; ordinal: number }) => c.category.create({ data, select: categorySelect }),
  updateVersioned: (c: Client, where: { id: number; version: number }, data: { title?: string; ordinal?: number }) =>
    c.category.updateMany({ where, data: { ...data, version: { increment: 1 } } }),
  delete: (c: Client, id: number) => c.category.delete({ where: { id } }),
};

export const rounds = {
  exists: async (c: Client, id: number) => (await c.inspectionRound.findUnique({ where: { id }, select: { id: true } })) !== null,
};

export const problems = {
  find: (c: Client, id: number) => c.problem.findUnique({ where: { id }, select: problemSelect }),
  /** With how many measures and manifestations it holds (a problem with either is not deleted). */
  findWithChildren: (c: Client, id: number) =>
    c.problem.findUnique({ where: { id }, select: { ...problemSelect, _count: { select: { measures: true, manifestations: true } } } }),
  exists: async (c: Client, id: number) => (await c.problem.findUnique({ where: { id }, select: { id: true } })) !== null,
  nextOrdinal: async (c: Client, categoryId: number) => next((await c.problem.aggregate({ where: { categoryId }, _max: { ordinal: true } }))._max.ordinal),
  /** `roundId` is the category's (denormalised, indexed; a test checks it stays so). */
  create: (c: Client, data: { categoryId: number; roundId: number; title: string; ordinal: number }) => c.problem.create({ data, select: problemSelect }),
  updateVersioned: (c: Client, where: { id: number; version: number }, data: { categoryId?: number; title?: string; ordinal?: number }) =>
    c.problem.updateMany({ where, data: { ...data, version: { increment: 1 } } }),
  delete: (c: Client, id: number) => c.problem.delete({ where: { id } }),
};

export const manifestations = {
  find: (c: Client, id: number) => c.manifestation.findUnique({ where: { id }, select: manifestationSelect }),
  nextOrdinal: async (c: Client, problemId: number) => next((await c.manifestation.aggregate({ where: { problemId }, _max: { ordinal: true } }))._max.ordinal),
  create: (c: Client, data: { problemId: number; text: string; ordinal: number }) => c.manifestation.create({ data, select: manifestationSelect }),
  updateVersioned: (c: Client, where: { id: number; version: number }, data: { text?: string; ordinal?: number }) =>
    c.manifestation.updateMany({ where, data: { ...data, version: { increment: 1 } } }),
  delete: (c: Client, id: number) => c.manifestation.delete({ where: { id } }),
};
