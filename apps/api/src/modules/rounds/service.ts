import {
  countMeasures,
  daysOverdue,
  emptyCounts,
  isIsoDate,
  isRectified,
  roundTitle,
  SUMMARY_OVERDUE_LIMIT,
  toReportState,
  toLeadingGroupRole,
  toMeasureStatus,
  type ProgressCounts,
  type Round,
  type CurrentRound,
  type RoundCreate,
  type RoundPage,
  type RoundQuery,
  type RoundRecords,
  type RoundSummary,
  type RoundTree,
  type RoundUpdate,
  type RoundWithTotals,
  type RoundScope,
} from '@rectify/domain';
import type { Db } from '@rectify/db';
import type { Clock } from '../../lib/clock.js';
import { audited } from '../../lib/audited.js';
import type { AuditActor } from '../../lib/audit.js';
import { invalidReference, notFound, validationFailed } from '../../lib/errors.js';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../lib/keyset.js';
import { toMeasureItem } from '../measures/mapper.js';
import { toMeeting, toRegulation } from '../registers/service.js';
import { createRoundRepository, roundInclude, type RoundRow, type RoundSource, type RoundTotalsRow } from './repository.js';

export function toRound(row: RoundSource): Round {
  return {
    id: row.id,
    title: roundTitle(row),
    committee: row.committee,
    roundName: row.roundName,
    groupName: row.groupName,
    inspectedUnit: row.inspectedUnit,
    inspectionStart: row.inspectionStart,
    inspectionEnd: row.inspectionEnd,
    feedbackDate: row.feedbackDate,
    rectificationDeadline: row.rectificationDeadline,
    reportDate: row.reportDate,
    reportState: toReportState(row.reportState),
    demo: row.demo,
    version: row.version,
  };
}

const noTotals = (): RoundTotalsRow => ({ categories: 0, problems: 0, manifestations: 0, ...emptyCounts() });

function withTotals(row: RoundSource, totals: RoundTotalsRow | undefined): RoundWithTotals {
  const t = totals ?? noTotals();
  return { ...toRound(row), totals: { ...t, measures: t.total } };
}

const UNASSIGNED = '（未指定）';
const DATE_FIELDS = ['inspectionStart', 'inspectionEnd', 'feedbackDate', 'rectificationDeadline', 'reportDate'] as const;

function checkDates(body: Partial<Record<(typeof DATE_FIELDS)[number], string | null>>) {
  for (const field of DATE_FIELDS) {
    const value = body[field];
    if (value && !isIsoDate(value)) throw validationFailed(field, 'format');
  }
}

export function createRoundService({ db, clock }: { db: Db; clock: Clock }) {
  const repo = createRoundRepository(db);

  async function requireRound(id: number) {
    const row = await repo.find(id);
    if (!row) throw notFound('round', id);
    return row;
  }

  async function one(row: RoundRow): Promise<RoundWithTotals> {
    const totals = await repo.totals([row.id], clock.today());
    return withTotals(row, totals.get(row.id));
  }

  return {
    /** A page of the rounds the account sees, with their totals: one statement whatever the number of rounds. */
    async list(query: RoundQuery, scope: RoundScope): Promise<RoundPage> {
      const direction = query.direction ?? 'asc';
      const limit = query.limit ?? DEFAULT_LIMIT;
      const cursorScope = `rounds:${direction}`;
      const after = decodeCursor(query.cursor, cursorScope, ['int']);
      const page = await repo.pageWithTotals(scope, after, limit + 1, direction, clock.today());
      const total = page.total ?? (await repo.count(scope));
      return pageOf(page.rows, limit, cursorScope, (r) => [r.id], (r) => withTotals(r, r.totals), total);
    },

    async current(scope: RoundScope): Promise<CurrentRound> {
      const id = await repo.currentId(scope);
      const row = id === null ? null : await repo.find(id);
      return { round: row ? await one(row) : null };
    },

    async get(id: number): Promise<RoundWithTotals> {
      return one(await requireRound(id));
    },

    async create(body: RoundCreate, actor: AuditActor): Promise<RoundWithTotals> {
      checkDates(body);
      const unit = await db.organization.findFirst({ where: { id: body.inspectedUnitId, kind: 'unit' }, select: { id: true } });
      if (!unit) throw invalidReference('inspectedUnitId', body.inspectedUnitId);
      const row = await audited(db, actor).create(
        'round',
        (tx) => tx.inspectionRound.create({ data: body, include: roundInclude }),
        ({ inspectedUnit, ...fields }) => ({ ...fields, inspectedUnitId: inspectedUnit.id }),
      );
      return one(row);
    },

    async update(id: number, { version, ...fields }: RoundUpdate, actor: AuditActor): Promise<RoundWithTotals> {
      checkDates(fields);
      await audited(db, actor).update(
        'round', id, version,
        (tx) => tx.inspectionRound.findUnique({ where: { id } }),
        (tx, where) => tx.inspectionRound.updateMany({ where, data: { ...fields, version: { increment: 1 } } }),
      );
      return this.get(id);
    },

    async tree(id: number): Promise<RoundTree> {
      const tree = await repo.tree(id);
      if (!tree) throw notFound('round', id);
      const { round, categories } = tree;
      const today = clock.today();
      const all: ReturnType<typeof toMeasureItem>[] = [];
      const categoryNodes = categories.map((c) => {
        const problemNodes = c.problems.map((p) => {
          const measures = p.measures.map((m) => toMeasureItem(m, today));
          all.push(...measures);
          const counts = countMeasures(measures, today);
          return {
            id: p.id,
            ordinal: p.ordinal,
            title: p.title,
            version: p.version,
            counts,
            rectified: isRectified(counts),
            manifestations: p.manifestations.map((m) => ({ id: m.id, ordinal: m.ordinal, text: m.text, demo: m.demo, version: m.version })),
            measures,
          };
        });
        const counts = countMeasures(problemNodes.flatMap((p) => p.measures), today);
        return { id: c.id, ordinal: c.ordinal, title: c.title, version: c.version, counts, rectified: isRectified(counts), problems: problemNodes };
      });
      return { round: toRound(round), today, counts: countMeasures(all, today), categories: categoryNodes };
    },

    async summary(id: number): Promise<RoundSummary> {
      await requireRound(id);
      const today = clock.today();
      const [structure, categories, byCategory, byLeader, byDepartment, overdue, ratings] = await Promise.all([
        repo.structure(id),
        repo.categories(id),
        repo.countsByCategory(id, today),
        repo.countsByLeader(id, today),
        repo.countsByDepartment(id, today),
        repo.overdue(id, today, SUMMARY_OVERDUE_LIMIT),
        repo.ratings(id),
      ]);
      // Every measure belongs to one category: the round's counts are the categories' sum.
      const totals = emptyCounts();
      for (const counts of byCategory.values()) {
        for (const key of Object.keys(totals) as (keyof ProgressCounts)[]) totals[key] += counts[key];
      }
      const byOpenThenName = <T extends { total: number; closed: number; overdue: number; name: string }>(a: T, b: T) =>
        b.overdue - a.overdue || b.total - b.closed - (a.total - a.closed) || b.total - a.total || a.name.localeCompare(b.name, 'zh-CN');
      return {
        roundId: id,
        today,
        totals: {
          ...structure,
          measures: totals.total,
          closed: totals.closed,
          inProgress: totals.inProgress,
          notStarted: totals.notStarted,
          pendingClosure: totals.pendingClosure,
          overdue: totals.overdue,
        },
        byCategory: categories.map((c) => ({ categoryId: c.id, ordinal: c.ordinal, title: c.title, ...(byCategory.get(c.id) ?? emptyCounts()) })),
        byLeader: byLeader.map((g) => ({ leaderId: g.id, name: g.name ?? UNASSIGNED, ...g.counts })).sort(byOpenThenName),
        byDepartment: byDepartment.map((g) => ({ departmentId: g.id, name: g.name ?? UNASSIGNED, ...g.counts })).sort(byOpenThenName),
        overdue: overdue.map((m) => {
          const status = toMeasureStatus(m.status);
          return {
            id: m.id,
            text: m.text,
            deadline: m.deadline ?? today,
            daysOverdue: daysOverdue({ status, deadline: m.deadline }, today),
            status,
            leader: m.leader,
            leadDepartment: m.leadDepartment,
            category: m.problem.category,
            problem: { id: m.problem.id, ordinal: m.problem.ordinal, title: m.problem.title },
          };
        }),
        ratings,
      };
    },

    async records(id: number): Promise<RoundRecords> {
      await requireRound(id);
      const [regulations, meetings, leadingGroup] = await repo.records(id);
      return {
        regulations: regulations.map(toRegulation),
        meetings: meetings.map(toMeeting),
        leadingGroup: leadingGroup.map((g) => ({ id: g.id, person: g.person, role: toLeadingGroupRole(g.role), demo: g.demo, version: g.version })),
      };
    },
  };
}

export type RoundService = ReturnType<typeof createRoundService>;
