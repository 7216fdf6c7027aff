import type { LedgerImport, LedgerRow } from '@rectify/documents';
import { loadDocuments, loadLedgerExport } from '../../lib/documents.js';
import { LEDGER_PLAN_FIELDS, isOverdue, ledgerImportStatus, measureStart, warningLevel, newMeasureDeadline, toCheckInCadence, toMeasureKind, toMeasureStatus, transitions, roundTitle, type AuditEntity, type LedgerImportPlan as LedgerPlan, type LedgerQuery } from '@rectify/domain';
import { PrismaNamespace as Sql, type Db, type Prisma } from '@rectify/db';
import type { Writable } from 'node:stream';
import type { Clock } from '../../lib/clock.js';
import { audit, type AuditActor } from '../../lib/audit.js';
import { AppError, archiveRefused, notFound } from '../../lib/errors.js';
import { measureFilter, measureSnapshot } from '../measures/service.js';

/**
 * The ledger reads a run of problems' measures at a time: about 300 rows at three measures a problem.
 * (A keyset on the ledger's order, category → problem → measure, put the category's and problem's
 * columns in each batch's WHERE: on PostgreSQL the planner took 150–210 ms over its 25 joins, per
 * batch, and the 2,000-measure ledger took 1.5–2.1 s.)
 */
const PROBLEMS_PER_BATCH = 100;

type MeasureWhere = Prisma.MeasureWhereInput;

/** The text of the latest progress update of each measure named (a batch), in one statement along ProgressUpdate(measureId, date). */
async function latestUpdates(db: Db, measureIds: number[]): Promise<Map<number, string>> {
  if (!measureIds.length) return new Map();
  const rows = await db.$queryRaw<{ measureId: number | bigint; text: string }[]>`
    SELECT u."measureId" AS "measureId", u."text" AS "text"
      FROM "ProgressUpdate" u
     WHERE u."measureId" IN (${Sql.join(measureIds)})
       AND NOT EXISTS (
         SELECT 1 FROM "ProgressUpdate" v
          WHERE v."measureId" = u."measureId" AND (v."date" > u."date" OR (v."date" = u."date" AND v."id" > u."id")))`;
  return new Map(rows.map((r) => [Number(r.measureId), r.text]));
}

/** Co-departments compared as a set: the sheet may list them in another order. */
function listOfNames(names: string[]): string | null {
  return names.length ? [...new Set(names)].sort().join('、') : null;
}

/** 整改台账: the round's measures as rows for the inspection team, and real ledgers read back. */
export function createLedgerService({ db, clock }: { db: Db; clock: Clock }) {
  async function requireRound(id: number) {
    const round = await db.inspectionRound.findUnique({ where: { id }, select: { id: true, committee: true, roundName: true, groupName: true, inspectedUnitId: true, rectificationDeadline: true } });
    if (!round) throw notFound('round', id);
    return round;
  }

  /** The round's problems in ledger order (category, problem; ids break ties): a few hundred ids. */
  const problemsInOrder = async (roundId: number) =>
    (
      await db.problem.findMany({
        where: { roundId },
        orderBy: [{ category: { ordinal: 'asc' } }, { categoryId: 'asc' }, { ordinal: 'asc' }, { id: 'asc' }],
        select: { id: true },
      })
    ).map((p) => p.id);

  /** One batch: the measures of a run of problems, with what their rows show, in one query (put in ledger order by the caller). */
  const measuresOf = (where: MeasureWhere, problemIds: number[]) =>
    db.measure.findMany({
      where: { AND: [where, { problemId: { in: problemIds } }] },
      include: {
        leader: { select: { name: true } },
        leadDepartment: { select: { name: true } },
        coDepartments: { select: { department: { select: { name: true } } }, orderBy: { departmentId: 'asc' } },
        evidence: { select: { fileName: true }, orderBy: { id: 'asc' } },
        postponements: { where: { state: 'approved' }, select: { reason: true }, orderBy: [{ reviewedAt: 'asc' }, { id: 'asc' }] },
        problem: {
          select: {
            categoryId: true,
            ordinal: true,
            title: true,
            category: { select: { ordinal: true, title: true } },
            manifestations: { select: { text: true }, orderBy: [{ ordinal: 'asc' }, { id: 'asc' }] },
          },
        },
      },
    });

  /** The rows in ledger order, fetched a batch at a time so a large round never sits in memory whole. */
  async function* rows(roundId: number, query: LedgerQuery): AsyncGenerator<LedgerRow> {
    const today = clock.today();
    // The round's own warning thresholds and start day colour the 预警等级 column.
    const round = await db.inspectionRound.findUnique({
      where: { id: roundId },
      select: { feedbackDate: true, warnDueSoonDays: true, warnVerySoonDays: true, behindScheduleMargin: true },
    });
    if (!round) throw notFound('round', roundId);
    const where = measureFilter({ ...query, roundId }, today);
    const problems = await problemsInOrder(roundId);
    const position = new Map(problems.map((id, i) => [id, i]));
    for (let start = 0; start < problems.length; start += PROBLEMS_PER_BATCH) {
      const batch = (await measuresOf(where, problems.slice(start, start + PROBLEMS_PER_BATCH))).sort(
        (a, b) => position.get(a.problemId)! - position.get(b.problemId)! || a.ordinal - b.ordinal || a.id - b.id,
      );
      // Only measures without an outcome show their latest update.
      const latest = await latestUpdates(db, batch.filter((m) => m.outcome === null).map((m) => m.id));
      for (const m of batch) {
        const status = toMeasureStatus(m.status);
        const kind = toMeasureKind(m.kind);
        const checkInCadence = m.checkInCadence === null ? null : toCheckInCadence(m.checkInCadence);
        const level = warningLevel({ status, kind, deadline: m.deadline, startDate: measureStart(m, round), progress: m.progress, checkInCadence, lastCheckInOn: m.lastCheckInOn }, today, round);
        // The level filter reads the level this row shows (the rule, as the list's SQL form counts it).
        if (query.warningLevel && level !== query.warningLevel) continue;
        yield {
          categoryOrdinal: m.problem.category.ordinal,
          category: m.problem.category.title,
          problemOrdinal: m.problem.ordinal,
          problem: m.problem.title,
          // The ledger shows all of a problem's findings in one merged cell beside its measures.
          manifestations: m.problem.manifestations.map((x) => x.text),
          measureOrdinal: m.ordinal,
          measure: m.text,
          leader: m.leader?.name ?? null,
          leadDepartment: m.leadDepartment?.name ?? null,
          coDepartments: m.coDepartments.map((c) => c.department.name),
          deadline: m.deadline,
          status,
          completedDate: m.completedDate,
          progressText: m.outcome ?? latest.get(m.id) ?? null,
          evidence: m.evidence.map((e) => e.fileName),
          overdue: isOverdue({ status, deadline: m.deadline }, today),
          warningLevel: level,
          kind,
          originalDeadline: m.originalDeadline,
          postponementReasons: m.postponements.map((x) => x.reason),
          checkInCadence,
          lastCheckInOn: m.lastCheckInOn,
        };
      }
    }
  }

  async function parse(bytes: Buffer): Promise<LedgerImport> {
    const { InvalidLedgerFileError, parseLedgerXlsx, UnsafeArchiveError } = await loadDocuments();
    try {
      return await parseLedgerXlsx(bytes);
    } catch (error) {
      if (error instanceof UnsafeArchiveError) throw archiveRefused(error);
      if (error instanceof InvalidLedgerFileError) {
        throw new AppError(400, 'INVALID_FILE', { reason: error.code }, { 'zh-CN': error.messageZh, en: error.messageEn });
      }
      throw new AppError(400, 'INVALID_FILE', { reason: 'UNREADABLE' });
    }
  }

  /**
   * What confirming would do, against the round as it is now: per row, whether it creates, updates
   * or leaves a locked measure, and every value it writes (the status decided by ledgerImportStatus).
   */
  async function plan(roundId: number, parsed: LedgerImport, verified: boolean): Promise<LedgerPlan> {
    const round = await requireRound(roundId);
    const [existing, people, departments, regulations] = await Promise.all([
      db.category.findMany({
        where: { roundId },
        select: {
          title: true,
          problems: {
            select: {
              title: true,
              measures: {
                select: {
                  text: true, kind: true, status: true, deadline: true, completedDate: true, outcome: true, checkInCadence: true,
                  leader: { select: { name: true } },
                  leadDepartment: { select: { name: true } },
                  coDepartments: { select: { department: { select: { name: true } } } },
                },
              },
            },
          },
        },
      }),
      db.person.findMany({ where: { organizationId: round.inspectedUnitId }, select: { name: true } }),
      db.department.findMany({ where: { organizationId: round.inspectedUnitId }, select: { name: true } }),
      db.regulation.findMany({ where: { roundId }, select: { title: true } }),
    ]);
    const { findRegulations } = await loadDocuments();
    const knownRegulations = new Set(regulations.map((r) => r.title));
    const newRegulations = new Set<string>();
    // As the import links them: each rule once per round, existing or registered by this import.
    const regulationsOf = (progressText: string | null) =>
      findRegulations(progressText ?? '').map((title) => {
        if (!knownRegulations.has(title)) newRegulations.add(title);
        return { name: title, exists: knownRegulations.has(title) };
      });
    const knownPeople = new Set(people.map((p) => p.name));
    const knownDepartments = new Set(departments.map((d) => d.name));
    const newPeople = new Set<string>();
    const newDepartments = new Set<string>();
    const counts = { categories: 0, problems: 0, manifestations: 0, measuresCreated: 0, measuresUpdated: 0, measuresLocked: 0, closuresHeld: 0 };
    const person = (name: string | null) => {
      if (!name) return null;
      if (!knownPeople.has(name)) newPeople.add(name);
      return { name, exists: knownPeople.has(name) };
    };
    const department = (name: string) => {
      if (!knownDepartments.has(name)) newDepartments.add(name);
      return { name, exists: knownDepartments.has(name) };
    };
    const today = clock.today();
    // By title and text, as the import matches them (a ledger of 2,000 rows against as many measures).
    const existingCategories = new Map(
      existing.map((c) => [c.title, { problems: new Map(c.problems.map((p) => [p.title, { measures: new Map(p.measures.map((m) => [m.text, m])) }])) }]),
    );
    const categories = parsed.categories.map((c) => {
      const cat = existingCategories.get(c.title);
      if (!cat) counts.categories++;
      return {
        title: c.title,
        exists: Boolean(cat),
        problems: c.problems.map((p) => {
          const prob = cat?.problems.get(p.title);
          if (!prob) counts.problems++;
          counts.manifestations += p.manifestations.length;
          return {
            title: p.title,
            exists: Boolean(prob),
            manifestations: p.manifestations.length,
            measures: p.measures.map((m) => {
              const current = prob?.measures.get(m.text);
              const decided = ledgerImportStatus(m.status, current ? toMeasureStatus(current.status) : null, verified);
              if (decided.action === 'create') counts.measuresCreated++;
              else if (decided.action === 'update') counts.measuresUpdated++;
              else counts.measuresLocked++;
              if (decided.held === 'needs_verification') counts.closuresHeld++;
              const state = transitions.change({ status: 'not_started', completedDate: null, progress: 0 }, { status: decided.status, completedDate: m.completedDate }, today);
              const co = m.coDepartments.filter((d) => d !== m.leadDepartment);
              // 报送周期: written when the sheet has the column (a long-term measure's, else none); kept otherwise.
              const cadence = m.checkInCadence === undefined ? (current?.checkInCadence ?? null) : m.checkInCadence;
              const written = {
                kind: m.kind,
                deadline: m.deadline,
                leader: m.leader,
                leadDepartment: m.leadDepartment,
                coDepartments: listOfNames(co),
                status: state.status,
                completedDate: state.completedDate,
                progressText: m.progressText,
                checkInCadence: cadence,
              };
              const before = current && {
                kind: current.kind,
                deadline: current.deadline,
                leader: current.leader?.name ?? null,
                leadDepartment: current.leadDepartment?.name ?? null,
                coDepartments: listOfNames(current.coDepartments.map((d) => d.department.name)),
                status: current.status,
                completedDate: current.completedDate,
                progressText: current.outcome,
                checkInCadence: current.checkInCadence,
              };
              const changes =
                decided.action === 'update' && before
                  ? LEDGER_PLAN_FIELDS.filter((field) => (written[field] || null) !== (before[field] || null)).map((field) => ({ field, from: before[field] || null }))
                  : [];
              return {
                rowNumber: m.rowNumber,
                text: m.text,
                action: decided.action,
                values: {
                  kind: m.kind,
                  // A new row without a date takes the round's 整改时限, like a measure added by hand (a long-term one none).
                  deadline: decided.action === 'create' ? newMeasureDeadline(m.deadline ?? undefined, round.rectificationDeadline, m.kind) : m.deadline,
                  leader: person(m.leader),
                  leadDepartment: m.leadDepartment ? department(m.leadDepartment) : null,
                  coDepartments: co.map(department),
                  status: state.status,
                  completedDate: state.completedDate,
                  progressText: m.progressText,
                  checkInCadence: cadence === null ? null : toCheckInCadence(cadence),
                },
                statusRead: m.status && m.statusSource && m.statusWord ? { status: m.status, word: m.statusWord, source: m.statusSource } : null,
                held: decided.held,
                changes,
                regulations: decided.action === 'locked' ? [] : regulationsOf(m.progressText),
              };
            }),
          };
        }),
      };
    });
    return {
      round: { id: round.id, title: roundTitle(round) },
      statusesVerified: verified,
      sheet: parsed.sheet,
      columns: parsed.columns as Record<string, string>,
      categories,
      counts: { ...counts, peopleCreated: [...newPeople], departmentsCreated: [...newDepartments], regulationsCreated: [...newRegulations] },
      errors: parsed.errors,
      warnings: parsed.warnings,
    };
  }

  return {
    async title(roundId: number) {
      return roundTitle(await requireRound(roundId));
    },
    rows,
    async writeXlsx(roundId: number, query: LedgerQuery, out: Writable) {
      const title = roundTitle(await requireRound(roundId));
      const { writeLedgerXlsx } = await loadLedgerExport();
      await writeLedgerXlsx(rows(roundId, query), out, { title, today: clock.today() });
    },
    async csv(roundId: number, query: LedgerQuery): Promise<string> {
      await requireRound(roundId);
      const all: LedgerRow[] = [];
      for await (const row of rows(roundId, query)) all.push(row);
      const { ledgerCsv } = await loadLedgerExport();
      return ledgerCsv(all);
    },
    async preview(roundId: number, bytes: Buffer, verified = false): Promise<LedgerPlan> {
      return plan(roundId, await parse(bytes), verified);
    },

    /** Applies a ledger in one transaction: all of it, or nothing. */
    async apply(roundId: number, bytes: Buffer, actor: AuditActor, verified = false): Promise<LedgerPlan> {
      const parsed = await parse(bytes);
      const result = await plan(roundId, parsed, verified);
      const planned = new Map(result.categories.flatMap((c) => c.problems.flatMap((p) => p.measures.map((m) => [m.rowNumber, m] as const))));
      if (parsed.errors.length > 0) {
        throw new AppError(400, 'VALIDATION_FAILED', { errors: parsed.errors }, {
          'zh-CN': `台账有 ${parsed.errors.length} 处错误，未导入任何内容；请修改后重新上传`,
          en: `The ledger has ${parsed.errors.length} errors; nothing was imported. Fix them and upload again`,
        });
      }
      const round = await requireRound(roundId);
      const today = clock.today();
      const { findRegulations } = await loadDocuments();
      await db.$transaction(
        async (tx) => {
          // Every row the import creates or changes is audited like any other write.
          const created = async <T extends { id: number }>(entity: AuditEntity, row: T, snapshot: Record<string, unknown>) => {
            await audit(tx, actor, entity, row.id, 'create', null, snapshot);
            return row;
          };
          const unitId = round.inspectedUnitId;
          const personId = new Map<string, number>();
          const departmentId = new Map<string, number>();
          const person = async (name: string | null) => {
            if (!name) return null;
            if (!personId.has(name)) {
              const found = await tx.person.findFirst({ where: { organizationId: unitId, name }, select: { id: true } });
              const id = found?.id ?? (await created('person', await tx.person.create({ data: { organizationId: unitId, name } }), { organizationId: unitId, name })).id;
              personId.set(name, id);
            }
            return personId.get(name)!;
          };
          const department = async (name: string | null) => {
            if (!name) return null;
            if (!departmentId.has(name)) {
              const found = await tx.department.findUnique({ where: { organizationId_name: { organizationId: unitId, name } }, select: { id: true } });
              const id = found?.id ?? (await created('department', await tx.department.create({ data: { organizationId: unitId, name } }), { organizationId: unitId, name })).id;
              departmentId.set(name, id);
            }
            return departmentId.get(name)!;
          };
          // 建章立制 the progress text names (已制定《…办法》): registered once per round, linked to the measure.
          const regulationId = new Map<string, number>();
          const linkRegulations = async (measureId: number, progressText: string | null) => {
            for (const title of findRegulations(progressText ?? '')) {
              if (!regulationId.has(title)) {
                const found = await tx.regulation.findFirst({ where: { roundId, title }, select: { id: true } });
                const id = found?.id ?? (await created('regulation', await tx.regulation.create({ data: { roundId, title } }), { roundId, title })).id;
                regulationId.set(title, id);
              }
              const link = { regulationId: regulationId.get(title)!, measureId };
              if (!(await tx.regulationMeasure.findUnique({ where: { regulationId_measureId: link }, select: { measureId: true } }))) {
                await tx.regulationMeasure.create({ data: link });
                await audit(tx, actor, 'regulation', link.regulationId, 'import', null, null, { extra: { linkedMeasureId: measureId } });
              }
            }
          };
          let categoryOrdinal = (await tx.category.aggregate({ where: { roundId }, _max: { ordinal: true } }))._max.ordinal ?? 0;
          for (const c of parsed.categories) {
            const category =
              (await tx.category.findFirst({ where: { roundId, title: c.title }, select: { id: true } })) ??
              (await created('category', await tx.category.create({ data: { roundId, title: c.title, ordinal: ++categoryOrdinal } }), { roundId, title: c.title, ordinal: categoryOrdinal }));
            let problemOrdinal = (await tx.problem.aggregate({ where: { categoryId: category.id }, _max: { ordinal: true } }))._max.ordinal ?? 0;
            for (const p of c.problems) {
              const problem =
                (await tx.problem.findFirst({ where: { categoryId: category.id, title: p.title }, select: { id: true } })) ??
                (await created('problem', await tx.problem.create({ data: { categoryId: category.id, roundId, title: p.title, ordinal: ++problemOrdinal } }), { categoryId: category.id, roundId, title: p.title, ordinal: problemOrdinal }));
              const manifestationIds = new Map<string, number>();
              let manifestationOrdinal = (await tx.manifestation.aggregate({ where: { problemId: problem.id }, _max: { ordinal: true } }))._max.ordinal ?? 0;
              for (const text of p.manifestations) {
                const found = await tx.manifestation.findFirst({ where: { problemId: problem.id, text }, select: { id: true } });
                const id =
                  found?.id ??
                  (await created('manifestation', await tx.manifestation.create({ data: { problemId: problem.id, text, ordinal: ++manifestationOrdinal } }), { problemId: problem.id, text, ordinal: manifestationOrdinal })).id;
                manifestationIds.set(text, id);
              }
              let measureOrdinal = (await tx.measure.aggregate({ where: { problemId: problem.id }, _max: { ordinal: true } }))._max.ordinal ?? 0;
              for (const m of p.measures) {
                const row = planned.get(m.rowNumber)!;
                // A closed measure stays locked; its row still counts for the problem's order.
                if (row.action === 'locked') continue;
                // What the preview showed is what is written: the status decided there.
                const state = transitions.change(
                  { status: 'not_started', completedDate: null, progress: 0 },
                  { status: row.values.status, completedDate: row.values.completedDate },
                  today,
                );
                const marks = verified && row.statusRead?.status === 'closed' ? { extra: { statusesVerified: true } } : {};
                const fields = {
                  kind: m.kind,
                  status: state.status,
                  deadline: m.deadline,
                  completedDate: state.completedDate,
                  progress: state.status === 'closed' ? state.progress : undefined,
                  outcome: m.progressText,
                  // Only when the sheet has the column: a hand-made ledger without it leaves the cadence alone.
                  ...(m.checkInCadence !== undefined && { checkInCadence: m.checkInCadence }),
                  leaderId: await person(m.leader),
                  leadDepartmentId: await department(m.leadDepartment),
                  // A ledger row lists the findings it answers; the first one is its link.
                  manifestationId: p.manifestations.length === 1 ? manifestationIds.get(p.manifestations[0]!) ?? null : null,
                };
                // One after the other: two lookups of a new name at once would both create it.
                const coIds = new Set<number>();
                for (const name of m.coDepartments) {
                  const id = await department(name);
                  if (id !== null && id !== fields.leadDepartmentId) coIds.add(id);
                }
                const coDepartments = [...coIds].map((departmentId) => ({ departmentId }));
                const existing = await tx.measure.findFirst({ where: { problemId: problem.id, text: m.text }, select: { id: true, originalDeadline: true, postponementCount: true } });
                // 原定时限 / 调整后时限 / 延期原因: a postponement the sheet records, kept as an approved one.
                const postponed = m.originalDeadline && m.deadline && m.originalDeadline !== m.deadline ? { from: m.originalDeadline, to: m.deadline, reason: m.postponementReason || '台账导入' } : null;
                const recordPostponement = async (measureId: number) => {
                  if (!postponed) return;
                  const row = await tx.postponement.create({
                    data: { measureId, previousDeadline: postponed.from, requestedDeadline: postponed.to, reason: postponed.reason, state: 'approved', requestedByUserId: actor.userId, reviewedByUserId: actor.userId, reviewedAt: clock.now(), reviewReason: '台账导入' },
                  });
                  await audit(tx, actor, 'postponement', row.id, 'import', null, { state: 'approved', previousDeadline: postponed.from, requestedDeadline: postponed.to, reason: postponed.reason }, { measureId });
                };
                if (existing) {
                  const before = await measureSnapshot(tx, existing.id);
                  const newlyPostponed = postponed && !existing.originalDeadline;
                  await tx.measure.update({
                    where: { id: existing.id },
                    data: { ...fields, ...(newlyPostponed ? { originalDeadline: postponed.from, postponementCount: Math.max(1, existing.postponementCount) } : {}), version: { increment: 1 } },
                  });
                  if (newlyPostponed) await recordPostponement(existing.id);
                  await tx.measureCoDepartment.deleteMany({ where: { measureId: existing.id } });
                  await tx.measureCoDepartment.createMany({ data: coDepartments.map((d) => ({ ...d, measureId: existing.id })) });
                  await audit(tx, actor, 'measure', existing.id, 'update', before, await measureSnapshot(tx, existing.id), marks);
                  await linkRegulations(existing.id, m.progressText);
                } else {
                  const inserted = await tx.measure.create({
                    data: {
                      ...fields,
                      // A row without a date takes the round's 整改时限, like a measure added by hand (a long-term one none).
                      deadline: newMeasureDeadline(fields.deadline ?? undefined, round.rectificationDeadline, fields.kind),
                      problemId: problem.id, roundId, text: m.text, ordinal: ++measureOrdinal, coDepartments: { create: coDepartments },
                      ...(postponed ? { originalDeadline: postponed.from, postponementCount: 1 } : {}),
                    },
                  });
                  await audit(tx, actor, 'measure', inserted.id, 'create', null, await measureSnapshot(tx, inserted.id), marks);
                  await recordPostponement(inserted.id);
                  await linkRegulations(inserted.id, m.progressText);
                }
              }
            }
          }
          // And one record for the whole import: what it did, and from which sheet.
          await audit(tx, actor, 'round', roundId, 'import', null, null, { extra: { ledger: { sheet: result.sheet, statusesVerified: verified, ...result.counts } } });
        },
        { timeout: 120_000, maxWait: 10_000 },
      );
      return result;
    },
  };
}

export type LedgerService = ReturnType<typeof createLedgerService>;
