import type {
  Category,
  CategoryCreate,
  CategoryUpdate,
  Manifestation,
  ManifestationCreate,
  ManifestationUpdate,
  Problem,
  ProblemCreate,
  ProblemUpdate,
} from '@rectify/domain';
import type { Db } from '@rectify/db';
import { updateVersioned } from '../../lib/concurrency.js';
import { AppError, invalidReference, notFound, versionConflict } from '../../lib/errors.js';

/**
 * 方面 → 具体问题 → 具体表现. A node with content under it is not deleted: the office must remove
 * (or move) what is under it first, so one click never wipes out a branch of the ledger.
 */
export function createHierarchyService({ db }: { db: Db }) {
  const categorySelect = { id: true, roundId: true, ordinal: true, title: true, version: true } as const;
  const problemSelect = { id: true, categoryId: true, ordinal: true, title: true, version: true } as const;
  const manifestationSelect = { id: true, problemId: true, ordinal: true, text: true, demo: true, version: true } as const;

  async function guardDelete(entity: string, id: number, version: number | undefined, current: { version: number } | null, children: Record<string, number>) {
    if (!current) throw notFound(entity, id);
    if (version !== undefined && version !== current.version) throw versionConflict(entity, id, current.version);
    if (Object.values(children).some((n) => n > 0)) throw new AppError(409, 'HAS_CHILDREN', { entity, id, ...children });
  }

  return {
    async getCategory(id: number): Promise<Category> {
      const row = await db.category.findUnique({ where: { id }, select: categorySelect });
      if (!row) throw notFound('category', id);
      return row;
    },
    async createCategory(body: CategoryCreate): Promise<Category> {
      const round = await db.inspectionRound.findUnique({ where: { id: body.roundId }, select: { id: true } });
      if (!round) throw invalidReference('roundId', body.roundId);
      const last = await db.category.aggregate({ where: { roundId: body.roundId }, _max: { ordinal: true } });
      return db.category.create({
        data: { roundId: body.roundId, title: body.title.trim(), ordinal: body.ordinal ?? (last._max.ordinal ?? 0) + 1 },
        select: categorySelect,
      });
    },
    async updateCategory(id: number, { version, ...fields }: CategoryUpdate): Promise<Category> {
      await updateVersioned(
        'category', id, version,
        (where) => db.category.updateMany({ where, data: { ...fields, title: fields.title?.trim(), version: { increment: 1 } } }),
        async () => (await db.category.findUnique({ where: { id }, select: { version: true } }))?.version ?? null,
      );
      return this.getCategory(id);
    },
    async deleteCategory(id: number, version?: number): Promise<void> {
      const current = await db.category.findUnique({ where: { id }, select: { version: true, _count: { select: { problems: true } } } });
      await guardDelete('category', id, version, current, { problems: current?._count.problems ?? 0 });
      await db.category.delete({ where: { id } });
    },

    async getProblem(id: number): Promise<Problem> {
      const row = await db.problem.findUnique({ where: { id }, select: problemSelect });
      if (!row) throw notFound('problem', id);
      return row;
    },
    async createProblem(body: ProblemCreate): Promise<Problem> {
      const category = await db.category.findUnique({ where: { id: body.categoryId }, select: { id: true } });
      if (!category) throw invalidReference('categoryId', body.categoryId);
      const last = await db.problem.aggregate({ where: { categoryId: body.categoryId }, _max: { ordinal: true } });
      return db.problem.create({
        data: { categoryId: body.categoryId, title: body.title.trim(), ordinal: body.ordinal ?? (last._max.ordinal ?? 0) + 1 },
        select: problemSelect,
      });
    },
    async updateProblem(id: number, { version, ...fields }: ProblemUpdate): Promise<Problem> {
      if (fields.categoryId !== undefined) {
        // A problem may move to another category of the same round only.
        const [problem, target] = await Promise.all([
          db.problem.findUnique({ where: { id }, select: { category: { select: { roundId: true } } } }),
          db.category.findUnique({ where: { id: fields.categoryId }, select: { roundId: true } }),
        ]);
        if (problem && (!target || target.roundId !== problem.category.roundId)) throw invalidReference('categoryId', fields.categoryId);
      }
      await updateVersioned(
        'problem', id, version,
        (where) => db.problem.updateMany({ where, data: { ...fields, title: fields.title?.trim(), version: { increment: 1 } } }),
        async () => (await db.problem.findUnique({ where: { id }, select: { version: true } }))?.version ?? null,
      );
      return this.getProblem(id);
    },
    async deleteProblem(id: number, version?: number): Promise<void> {
      const current = await db.problem.findUnique({
        where: { id },
        select: { version: true, _count: { select: { measures: true, manifestations: true } } },
      });
      await guardDelete('problem', id, version, current, {
        measures: current?._count.measures ?? 0,
        manifestations: current?._count.manifestations ?? 0,
      });
      await db.problem.delete({ where: { id } });
    },

    async getManifestation(id: number): Promise<Manifestation> {
      const row = await db.manifestation.findUnique({ where: { id }, select: manifestationSelect });
      if (!row) throw notFound('manifestation', id);
      return row;
    },
    async createManifestation(body: ManifestationCreate): Promise<Manifestation> {
      const problem = await db.problem.findUnique({ where: { id: body.problemId }, select: { id: true } });
      if (!problem) throw invalidReference('problemId', body.problemId);
      const last = await db.manifestation.aggregate({ where: { problemId: body.problemId }, _max: { ordinal: true } });
      return db.manifestation.create({
        data: { problemId: body.problemId, text: body.text.trim(), ordinal: body.ordinal ?? (last._max.ordinal ?? 0) + 1 },
        select: manifestationSelect,
      });
    },
    async updateManifestation(id: number, { version, ...fields }: ManifestationUpdate): Promise<Manifestation> {
      await updateVersioned(
        'manifestation', id, version,
        (where) => db.manifestation.updateMany({ where, data: { ...fields, text: fields.text?.trim(), version: { increment: 1 } } }),
        async () => (await db.manifestation.findUnique({ where: { id }, select: { version: true } }))?.version ?? null,
      );
      return this.getManifestation(id);
    },
    async deleteManifestation(id: number, version?: number): Promise<void> {
      const current = await db.manifestation.findUnique({ where: { id }, select: { version: true } });
      // Measures that answered this finding stay; they just lose the link (onDelete: SetNull).
      await guardDelete('manifestation', id, version, current, {});
      await db.manifestation.delete({ where: { id } });
    },
  };
}

export type HierarchyService = ReturnType<typeof createHierarchyService>;
