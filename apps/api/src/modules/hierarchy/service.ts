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
import { categories, manifestations, problems, rounds } from './repository.js';

/**
 * 方面 → 具体问题 → 具体表现. A node with content under it is not deleted: the office must remove
 * (or move) what is under it first, so one click never wipes out a branch of the ledger. Every
 * write is recorded in the audit log, in its own transaction.
 */
export function createHierarchyService({ db }: { db: Db }) {
  function refuseDelete(entity: string, id: number, version: number | undefined, current: { version: number }, children: Record<string, number>) {
    if (version !== undefined && version !== current.version) throw versionConflict(entity, id, current.version);
    if (Object.values(children).some((n) => n > 0)) throw new AppError(409, 'HAS_CHILDREN', { entity, id, ...children });
  }

  return {
    async getCategory(id: number): Promise<Category> {
      const row = await categories.find(db, id);
      if (!row) throw notFound('category', id);
      return row;
    },
    async createCategory(body: CategoryCreate, actor: AuditActor): Promise<Category> {
      return audited(db, actor).create('category', async (tx) => {
        if (!(await rounds.exists(tx, body.roundId))) throw invalidReference('roundId', body.roundId);
        return categories.create(tx, { roundId: body.roundId, title: body.title.trim(), ordinal: body.ordinal ?? (await categories.nextOrdinal(tx, body.roundId)) });
      });
    },
    async updateCategory(id: number, { version, ...fields }: CategoryUpdate, actor: AuditActor): Promise<Category> {
      await audited(db, actor).update(
        'category', id, version,
        (tx) => categories.find(tx, id),
        (tx, where) => categories.updateVersioned(tx, where, { ...fields, title: fields.title?.trim() }),
      );
      return this.getCategory(id);
    },
    async deleteCategory(id: number, version: number | undefined, actor: AuditActor): Promise<void> {
      await audited(db, actor).remove(
        'category', id,
        (tx) => categories.findWithChildren(tx, id),
        (current) => refuseDelete('category', id, version, current, { problems: current._count.problems }),
        (tx) => categories.delete(tx, id),
      );
    },

    async getProblem(id: number): Promise<Problem> {
      const row = await problems.find(db, id);
      if (!row) throw notFound('problem', id);
      return row;
    },
    async createProblem(body: ProblemCreate, actor: AuditActor): Promise<Problem> {
      return audited(db, actor).create('problem', async (tx) => {
        const category = await categories.roundOf(tx, body.categoryId);
        if (!category) throw invalidReference('categoryId', body.categoryId);
        return problems.create(tx, {
          categoryId: body.categoryId,
          roundId: category.roundId,
          title: body.title.trim(),
          ordinal: body.ordinal ?? (await problems.nextOrdinal(tx, body.categoryId)),
        });
      });
    },
    async updateProblem(id: number, { version, ...fields }: ProblemUpdate, actor: AuditActor): Promise<Problem> {
      await audited(db, actor).update(
        'problem', id, version,
        (tx) => problems.find(tx, id),
        (tx, where) => problems.updateVersioned(tx, where, { ...fields, title: fields.title?.trim() }),
        async (tx, before) => {
          if (fields.categoryId === undefined) return;
          // A problem may move to another category of the same round only.
          const [from, target] = await Promise.all([categories.roundOf(tx, before.categoryId), categories.roundOf(tx, fields.categoryId)]);
          if (!target || target.roundId !== from?.roundId) throw invalidReference('categoryId', fields.categoryId);
        },
      );
      return this.getProblem(id);
    },
    async deleteProblem(id: number, version: number | undefined, actor: AuditActor): Promise<void> {
      await audited(db, actor).remove(
        'problem', id,
        (tx) => problems.findWithChildren(tx, id),
        (current) => refuseDelete('problem', id, version, current, { measures: current._count.measures, manifestations: current._count.manifestations }),
        (tx) => problems.delete(tx, id),
      );
    },

    async getManifestation(id: number): Promise<Manifestation> {
      const row = await manifestations.find(db, id);
      if (!row) throw notFound('manifestation', id);
      return row;
    },
    async createManifestation(body: ManifestationCreate, actor: AuditActor): Promise<Manifestation> {
      return audited(db, actor).create('manifestation', async (tx) => {
        if (!(await problems.exists(tx, body.problemId))) throw invalidReference('problemId', body.problemId);
        return manifestations.create(tx, { problemId: body.problemId, text: body.text.trim(), ordinal: body.ordinal ?? (await manifestations.nextOrdinal(tx, body.problemId)) });
      });
    },
    async updateManifestation(id: number, { version, ...fields }: ManifestationUpdate, actor: AuditActor): Promise<Manifestation> {
      await audited(db, actor).update(
        'manifestation', id, version,
        (tx) => manifestations.find(tx, id),
        (tx, where) => manifestations.updateVersioned(tx, where, { ...fields, text: fields.text?.trim() }),
      );
      return this.getManifestation(id);
    },
    async deleteManifestation(id: number, version: number | undefined, actor: AuditActor): Promise<void> {
      // Measures that answered this finding stay; they just lose the link (onDelete: SetNull).
      await audited(db, actor).remove(
        'manifestation', id,
        (tx) => manifestations.find(tx, id),
        (current) => refuseDelete('manifestation', id, version, current, {}),
        (tx) => manifestations.delete(tx, id),
      );
    },
  };
}

export type HierarchyService = ReturnType<typeof createHierarchyService>;
