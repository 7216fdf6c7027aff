import {
  applyStatusChange,
  isIsoDate,
  measureAccess,
  newMeasureDeadline,
  notOverdueWhere,
  overdueWhere,
  toMeasureStatus,
  type MeasureCreate,
  type MeasureDetail,
  type MeasurePage,
  type MeasureQuery,
  type MeasureUpdate,
  type MeasureBulkUpdate,
  type MeasureBulkResult,
  type Locale,
  errorMessage,
  forbiddenMeasureFields,
  inRoundScopeWhere,
  type RoundScope,
  type SqlDialect,
} from '@rectify/domain';
import type { Db, Prisma, Tx } from '@rectify/db';
import type { Clock } from '../../lib/clock.js';
import { updateVersioned } from '../../lib/concurrency.js';
import { AppError, invalidReference, notFound, validationFailed } from '../../lib/errors.js';
import type { RequestActor } from '../../lib/actor.js';
import { audit } from '../../lib/audit.js';
import { guardMeasure } from '../../lib/measure-guard.js';
import { toUserRef, userRefSelect } from '../../lib/user-ref.js';
import { closureInclude, toClosure } from '../closures/mapper.js';
import type { Notifier } from '../notifications/service.js';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../lib/keyset.js';
import { measurePathInclude, toMeasureListItem } from './mapper.js';
import { postponementsOfMeasure } from '../postponements/repository.js';
import { createMeasureRepository, measureKeyOf, measureSortKinds, overdueFilterSql, warningFilterSql } from './repository.js';

export interface MeasureServiceDeps {
  db: Db;
  /** The SQL dialect of `db`: the warning-level filter's date arithmetic differs. */
  dialect: SqlDialect;
  clock: Clock;
  notifier: Notifier;
}

/** A measure as the audit log records it: its own columns and its co-departments. */
export async function measureSnapshot(tx: Tx, id: number): Promise<Record<string, unknown> | null> {
  const row = await tx.measure.findUnique({ where: { id }, include: { coDepartments: { select: { departmentId: true } } } });
  if (!row) return null;
  const { coDepartments, ...fields } = row;
  return { ...fields, coDepartmentIds: coDepartments.map((c) => c.departmentId).sort((a, b) => a - b) };
}

type Where = Prisma.MeasureWhereInput;

/** The part of a bulk change that differs from the measure as it is (co-departments compared as sets). */
function bulkDifference(current: Record<string, unknown>, set: MeasureBulkUpdate['set']): MeasureBulkUpdate['set'] {
  const out: MeasureBulkUpdate['set'] = {};
  for (const [field, value] of Object.entries(set) as [keyof MeasureBulkUpdate['set'], unknown][]) {
    if (value === undefined) continue;
    const same =
      field === 'coDepartmentIds'
        ? JSON.stringify([...(value as number[])].sort((a, b) => a - b)) === JSON.stringify(current.coDepartmentIds)
        : current[field] === value;
    if (!same) (out as Record<string, unknown>)[field] = value;
  }
  return out;
}

/** The list's filters as a database condition; the ledger export reuses it. */
export function measureFilter(query: MeasureQuery, today: string): Where {
  const and: Where[] = [];
  if (query.roundId) and.push({ roundId: query.roundId });
  if (query.categoryId) and.push({ problem: { categoryId: query.categoryId } });
  if (query.problemId) and.push({ problemId: query.problemId });
  if (query.status?.length) and.push({ status: { in: query.status } });
  if (query.leaderId) and.push({ leaderId: query.leaderId });
  if (query.departmentId) {
    and.push({
      OR: [{ leadDepartmentId: query.departmentId }, { coDepartments: { some: { departmentId: query.departmentId } } }],
    });
  }
  if (query.overdue === true) and.push(overdueWhere(today));
  if (query.overdue === false) and.push(notOverdueWhere(today));
  const q = query.q?.trim();
  if (q) {
    and.push({
      OR: [{ text: { contains: q } }, { problem: { title: { contains: q } } }, { outcome: { contains: q } }],
    });
  }
  return { AND: and };
}

function checkDates(body: { deadline?: string | null; startDate?: string | null; completedDate?: string | null }) {
  for (const field of ['deadline', 'startDate', 'completedDate'] as const) {
    const value = body[field];
    if (value && !isIsoDate(value)) throw validationFailed(field, 'format');
  }
}

export function createMeasureService({ db, dialect, clock, notifier }: MeasureServiceDeps) {
  const repo = createMeasureRepository(db);
  /** The references a body names must exist and belong to the measure's own unit. */
  async function checkReferences(
    db: Tx,
    problemId: number,
    body: { manifestationId?: number | null; leaderId?: number | null; leadDepartmentId?: number | null; coDepartmentIds?: number[] },
  ) {
    const problem = await db.problem.findUnique({
      where: { id: problemId },
      select: { id: true, roundId: true, round: { select: { inspectedUnitId: true, rectificationDeadline: true, feedbackDate: true } } },
    });
    if (!problem) throw invalidReference('problemId', problemId);
    const unitId = problem.round.inspectedUnitId;
    if (body.manifestationId) {
      const m = await db.manifestation.findUnique({ where: { id: body.manifestationId }, select: { problemId: true } });
      if (!m || m.problemId !== problemId) throw invalidReference('manifestationId', body.manifestationId);
    }
    if (body.leaderId) {
      const p = await db.person.findUnique({ where: { id: body.leaderId }, select: { organizationId: true } });
      if (!p || p.organizationId !== unitId) throw invalidReference('leaderId', body.leaderId);
    }
    const departmentIds = [...(body.leadDepartmentId ? [body.leadDepartmentId] : []), ...(body.coDepartmentIds ?? [])];
    if (departmentIds.length) {
      const found = await db.department.findMany({
        where: { id: { in: departmentIds }, organizationId: unitId },
        select: { id: true },
      });
      const known = new Set(found.map((d) => d.id));
      const missing = departmentIds.find((id) => !known.has(id));
      if (missing !== undefined) {
        throw invalidReference(missing === body.leadDepartmentId ? 'leadDepartmentId' : 'coDepartmentIds', missing);
      }
    }
    return problem;
  }

  async function get(id: number, actor: RequestActor): Promise<MeasureDetail> {
    const row = await db.measure.findUnique({
      where: { id },
      include: {
        ...measurePathInclude,
        coDepartments: { include: { department: { select: { id: true, name: true } } } },
        figures: { orderBy: { id: 'asc' } },
        updates: {
          orderBy: [{ date: 'desc' }, { id: 'desc' }],
          include: {
            author: { select: { id: true, name: true } },
            authorUser: userRefSelect,
            figures: { orderBy: { id: 'asc' } },
            evidence: { select: { id: true, fileName: true, mimeType: true, size: true }, orderBy: { id: 'asc' } },
          },
        },
        regulations: { include: { regulation: { select: { id: true, title: true } } } },
        closureRequests: { orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }], take: 1, include: closureInclude },
        _count: { select: { evidence: true } },
      },
    });
    if (!row) throw notFound('measure', id);
    const figure = (f: { id: number; label: string; value: number; unit: string }) => ({
      id: f.id,
      label: f.label,
      value: f.value,
      unit: f.unit,
    });
    return {
      ...toMeasureListItem(row, clock.today()),
      coDepartments: row.coDepartments.map((c) => c.department).sort((a, b) => a.id - b.id),
      outcome: row.outcome,
      figures: row.figures.map(figure),
      updates: row.updates.map((u) => ({
        id: u.id,
        date: u.date,
        text: u.text,
        percent: u.percent,
        author: u.author,
        authorUser: toUserRef(u.authorUser),
        createdAt: u.createdAt.toISOString(),
        figures: u.figures.map(figure),
        evidence: u.evidence,
      })),
      regulations: row.regulations.map((r) => r.regulation),
      latestClosure: row.closureRequests[0] ? toClosure(row.closureRequests[0]) : null,
      evidenceCount: row._count.evidence,
      locked: row.status === 'closed',
      myAccess: measureAccess(actor, row),
      postponements: await postponementsOfMeasure(db, id),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /** One measure's PATCH in one transaction: guard, references, version, audit, notify. Returns the row after. */
  async function applyUpdate(id: number, body: MeasureUpdate, actor: RequestActor): Promise<Record<string, unknown>> {
    checkDates(body);
    const fields = Object.keys(body).filter((k) => k !== 'version');
    return db.$transaction(async (tx) => {
      const current = await guardMeasure(tx, id, actor, 'measure.update', { fields });
      await checkReferences(tx, current.problemId, body);
      const state = applyStatusChange(
        { status: toMeasureStatus(current.status), completedDate: current.completedDate, progress: current.progress },
        { status: body.status, completedDate: body.completedDate, progress: body.progress },
        clock.today(),
      );
      const { version, coDepartmentIds, ...columns } = body;
      const before = await measureSnapshot(tx, id);
      await updateVersioned(
        'measure',
        id,
        version,
        (where) =>
          tx.measure.updateMany({
            where,
            data: {
              ...columns,
              ...(columns.text !== undefined ? { text: columns.text.trim() } : {}),
              ...state,
              version: { increment: 1 },
            },
          }),
        async () => (await tx.measure.findUnique({ where: { id }, select: { version: true } }))?.version ?? null,
      );
      if (coDepartmentIds) {
        await tx.measureCoDepartment.deleteMany({ where: { measureId: id } });
        await tx.measureCoDepartment.createMany({ data: coDepartmentIds.map((departmentId) => ({ measureId: id, departmentId })) });
      }
      const after = await measureSnapshot(tx, id);
      await audit(tx, actor, 'measure', id, 'update', before, after);
      if (after && after.leaderId !== null && after.leaderId !== current.leaderId) {
        await notifier.assigned(tx, { id, text: String(after.text), leaderId: after.leaderId as number, leadDepartmentId: after.leadDepartmentId as number | null }, after.version as number);
      }
      return after!;
    });
  }


  return {
    get,

    /** A page of the filtered list in the chosen order (keyset), with the filtered total counted by the database; the scope's rounds only (search and counts included). */
    async list(query: MeasureQuery, scope: RoundScope): Promise<MeasurePage> {
      const today = clock.today();
      const sort = query.sort ?? 'position';
      const direction = query.direction ?? 'asc';
      const limit = query.limit ?? DEFAULT_LIMIT;
      const cursorScope = `measures:${sort}:${direction}`;
      const after = decodeCursor(query.cursor, cursorScope, measureSortKinds(sort));
      const where: Where = { AND: [measureFilter(query, today), inRoundScopeWhere(scope)] };
      // A warning level is the rule's SQL form (no Prisma condition says it); overdue lists (across
      // every round, the heaviest) go through the overdue rule's SQL form and its partial index.
      const warning = warningFilterSql(query, today, scope, dialect);
      const overdue = overdueFilterSql(query, today, scope);
      if (!warning && overdue && sort === 'deadline') {
        const [rows, total] = await Promise.all([repo.overduePageByDeadline(overdue, direction, after, limit + 1), repo.countSql(overdue)]);
        return pageOf(rows, limit, cursorScope, (r) => [r.deadline, r.id], (r) => toMeasureListItem(r, today), total);
      }
      const [rows, total] = await Promise.all([
        warning ? repo.warningPage(warning, sort, direction, after, limit + 1) : repo.page(where, sort, direction, after, limit + 1),
        warning ? repo.countWarning(warning) : overdue ? repo.countSql(overdue) : repo.count(where),
      ]);
      return pageOf(rows, limit, cursorScope, measureKeyOf(sort), (r) => toMeasureListItem(r, today), total);
    },

    async create(body: MeasureCreate, actor: RequestActor): Promise<MeasureDetail> {
      checkDates(body);
      const today = clock.today();
      const state = applyStatusChange(
        { status: 'not_started', completedDate: null, progress: 0 },
        { status: body.status, completedDate: body.completedDate, progress: body.progress },
        today,
      );
      const created = await db.$transaction(async (tx) => {
        const problem = await checkReferences(tx, body.problemId, body);
        const last = await tx.measure.aggregate({ where: { problemId: body.problemId }, _max: { ordinal: true } });
        const row = await tx.measure.create({
          data: {
            problemId: body.problemId,
            roundId: problem.roundId,
            manifestationId: body.manifestationId ?? null,
            ordinal: body.ordinal ?? (last._max.ordinal ?? 0) + 1,
            text: body.text.trim(),
            kind: body.kind ?? 'deadline',
            ...state,
            deadline: newMeasureDeadline(body.deadline, problem.round.rectificationDeadline, body.kind),
            startDate: body.startDate ?? problem.round.feedbackDate,
            checkInCadence: body.checkInCadence ?? null,
            leaderId: body.leaderId ?? null,
            leadDepartmentId: body.leadDepartmentId ?? null,
            outcome: body.outcome ?? null,
            coDepartments: { create: (body.coDepartmentIds ?? []).map((departmentId) => ({ departmentId })) },
          },
        });
        await audit(tx, actor, 'measure', row.id, 'create', null, await measureSnapshot(tx, row.id));
        await notifier.assigned(tx, row, row.version);
        return row;
      });
      notifier.flush();
      return get(created.id, actor);
    },

    async update(id: number, body: MeasureUpdate, actor: RequestActor): Promise<MeasureDetail> {
      await applyUpdate(id, body, actor);
      notifier.flush();
      return get(id, actor);
    },

    /**
     * 批量设置: each measure in its own transaction (its own version check and audit record), so
     * one stale or locked measure does not stop the others; the result says which did what.
     */
    async bulkUpdate({ measures, set }: MeasureBulkUpdate, actor: RequestActor, locale: Locale): Promise<MeasureBulkResult> {
      const forbidden = forbiddenMeasureFields(actor.role, Object.keys(set));
      if (forbidden.length) throw new AppError(403, 'FORBIDDEN', { fields: forbidden });
      checkDates(set);
      const result: MeasureBulkResult = { changed: [], unchanged: [], failed: [] };
      for (const { id, version } of measures) {
        try {
          const current = await measureSnapshot(db, id);
          if (!current) throw notFound('measure', id);
          if (current.version !== version) throw new AppError(409, 'VERSION_CONFLICT', { entity: 'measure', id, currentVersion: current.version });
          const differing = bulkDifference(current, set);
          if (!Object.keys(differing).length) {
            result.unchanged.push(id);
            continue;
          }
          const after = await applyUpdate(id, { version, ...differing }, actor);
          result.changed.push({ id, version: after.version as number, fields: Object.keys(differing) });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const details = error.details as { currentVersion?: number } | undefined;
          result.failed.push({
            id,
            code: error.code,
            message: error.localized?.[locale] ?? errorMessage(error.code, locale),
            ...(details?.currentVersion !== undefined ? { currentVersion: details.currentVersion } : {}),
          });
        }
      }
      notifier.flush();
      return result;
    },
    async remove(id: number, version: number | undefined, actor: RequestActor): Promise<void> {
      await db.$transaction(async (tx) => {
        const current = await guardMeasure(tx, id, actor, 'hierarchy.write');
        if (version !== undefined && version !== current.version) {
          throw new AppError(409, 'VERSION_CONFLICT', { entity: 'measure', id, currentVersion: current.version });
        }
        const before = await measureSnapshot(tx, id);
        await tx.measure.delete({ where: { id } });
        await audit(tx, actor, 'measure', id, 'delete', before, null);
      });
    },
  };
}

export type MeasureService = ReturnType<typeof createMeasureService>;
