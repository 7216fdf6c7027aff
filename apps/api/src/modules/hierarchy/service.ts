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
import { audited } from '../../lib/audited.js';
import type { AuditActor } from '../../lib/audit.js';
import { AppError, invalidReference, notFound, versionConflict } from '../../lib/errors.js';

/**
 * 方面 → 具体问题 → 具体表现. A node with content under it is not deleted: the office must remove
 * (or move) what is under it first, so one click never wipes out a branch of the ledger. Every
 * write is recorded in the audit log, in its own transaction.
 */
export function createHierarchyService({ db }: { db: Db }) {
  const categorySelect = { id: true, roundId: true, ordinal: true, title: true, version: true } as const;
  const problemSelect = { id: true, categoryId: true, ordinal: true, title: true, version: true } as const;
  const manifestationSelect = { id: true, problemId: true, ordinal: true, text: true, demo: true, version: true } as const;

  function refuseDelete(entity: string, id: number, version: number | undefined, current: { version: number }, children: Record<string, number>) {
    if (version !== undefined && version !== current.version) throw versionConflict(entity, id, current.version);
    if (Object.values(children).some((n) => n > 0)) throw new AppError(409, 'HAS_CHILDREN', { entity, id, ...children });
  }

  return {
    async getCategory(id: number): Promise<Category> {
      const row = await db.category.findUnique({ where: { id }, select: categorySelect });
      if (!row) throw notFound('category', id);
      return row;
    },
    async createCategory(body: CategoryCreate, actor: AuditActor): Promise<Category> {
      return audited(db, actor).create('category', async (tx) => {
        const round = await tx.inspectionRound.findUnique({ where: { id: body.roundId }, select: { id: true } });
        if (!round) throw invalidReference('roundId', body.roundId);
        const last = await tx.category.aggregate({ where: { roundId: body.roundId }, _max: { ordinal: true } });
        return tx.category.create({
          data: { roundId: body.roundId, title: body.title.trim(), ordinal: body.ordinal ?? (last._max.ordinal ?? 0) + 1 },
          select: categorySelect,
        });
      });
    },
    async updateCategory(id: number, { version, ...fields }: CategoryUpdate, actor: AuditActor): Promise<Category> {
      await audited(db, actor).update(
        'category', id, version,
        (tx) => tx.category.findUnique({ where: { id }, select: categorySelect }),
        (tx, where) => tx.category.updateMany({ where, data: { ...fields, title: fields.title?.trim(), version: { increment: 1 } } }),
      );
      return this.getCategory(id);
    },
    async deleteCategory(id: number, version: number | undefined, actor: AuditActor): Promise<void> {
      await audited(db, actor).remove(
        'category', id,
        (tx) => tx.category.findUnique({ where: { id }, select: { ...categorySelect, _count: { select: { problems: true } } } }),
        (current) => refuseDelete('category', id, version, current, { problems: (current._count as { problems: number }).problems }),
        (tx) => tx.category.delete({ where: { id } }),
      );
    },

    async getProblem(id: number): Promise<Problem> {
      const row = await db.problem.findUnique({ where: { id }, select: problemSelect });
      if (!row) throw notFound('problem', id);
      return row;
    },
    async createProblem(body: ProblemCreate, actor: AuditActor): Promise<Problem> {
      return audited(db, actor).create('problem', async (tx) => {
        const category = await tx.category.findUnique({ where: { id: body.categoryId }, select: { id: true, roundId: true } });
        if (!category) throw invalidReference('categoryId', body.categoryId);
        const last = await tx.problem.aggregate({ where: { categoryId: body.categoryId }, _max: { ordinal: true } });
        return tx.problem.create({
          data: { categoryId: body.categoryId, roundId: category.roundId, title: body.title.trim(), ordinal: body.ordinal ?? (last._max.ordinal ?? 0) + 1 },
          select: problemSelect,
        });
      });
    },
    async updateProblem(id: number, { version, ...fields }: ProblemUpdate, actor: AuditActor): Promise<Problem> {
      await audited(db, actor).update(
        'problem', id, version,
        (tx) => tx.problem.findUnique({ where: { id }, select: problemSelect }),
        (tx, where) => tx.problem.updateMany({ where, data: { ...fields, title: fields.title?.trim(), version: { increment: 1 } } }),
        async (tx, before) => {
          if (fields.categoryId === undefined) return;
          // A problem may move to another category of the same round only.
          const [from, target] = await Promise.all([
            tx.category.findUnique({ where: { id: before.categoryId as number }, select: { roundId: true } }),
            tx.category.findUnique({ where: { id: fields.categoryId }, select: { roundId: true } }),
          ]);
          if (!target || target.roundId !== from?.roundId) throw invalidReference('categoryId', fields.categoryId);
        },
      );
      return this.getProblem(id);
    },
    async deleteProblem(id: number, version: number | undefined, actor: AuditActor): Promise<void> {
      await audited(db, actor).remove(
        'problem', id,
        (tx) => tx.problem.findUnique({ where: { id }, select: { ...problemSelect, _count: { select: { measures: true, manifestations: true } } } }),
        (current) => {
          const count = current._count as { measures: number; manifestations: number };
          refuseDelete('problem', id, version, current, { measures: count.measures, manifestations: count.manifestations });
        },
        (tx) => tx.problem.delete({ where: { id } }),
      );
    },

    async getManifestation(id: number): Promise<Manifestation> {
      const row = await db.manifestation.findUnique({ where: { id }, select: manifestationSelect });
      if (!row) throw notFound('manifestation', id);
      return row;
    },
    async createManifestation(body: ManifestationCreate, actor: AuditActor): Promise<Manifestation> {
      return audited(db, actor).create('manifestation', async (tx) => {
        const problem = await tx.problem.findUnique({ where: { id: body.problemId }, select: { id: true } });
        if (!problem) throw invalidReference('problemId', body.problemId);
        const last = await tx.manifestation.aggregate({ where: { problemId: body.problemId }, _max: { ordinal: true } });
        return tx.manifestation.create({
          data: { problemId: body.problemId, text: body.text.trim(), ordinal: body.ordinal ?? (last._max.ordinal ?? 0) + 1 },
          select: manifestationSelect,
        });
      });
    },
    async updateManifestation(id: number, { version, ...fields }: ManifestationUpdate, actor: AuditActor): Promise<Manifestation> {
      await audited(db, actor).update(
        'manifestation', id, version,
        (tx) => tx.manifestation.findUnique({ where: { id }, select: manifestationSelect }),
        (tx, where) => tx.manifestation.updateMany({ where, data: { ...fields, text: fields.text?.trim(), version: { increment: 1 } } }),
      );
      return this.getManifestation(id);
    },
    async deleteManifestation(id: number, version: number | undefined, actor: AuditActor): Promise<void> {
      // Measures that answered this finding stay; they just lose the link (onDelete: SetNull).
      await audited(db, actor).remove(
        'manifestation', id,
        (tx) => tx.manifestation.findUnique({ where: { id }, select: manifestationSelect }),
        (current) => refuseDelete('manifestation', id, version, current, {}),
        (tx) => tx.manifestation.delete({ where: { id } }),
      );
    },
  };
}

export type HierarchyService = ReturnType<typeof createHierarchyService>;
