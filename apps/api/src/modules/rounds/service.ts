import {
  countBy,
  countMeasures,
  daysOverdue,
  emptyCounts,
  isOverdue,
  isRectified,
  roundTitle,
  type MeasureStatus,
  type Round,
  type RoundCreate,
  type RoundRecords,
  type RoundSummary,
  type RoundTree,
  type RoundUpdate,
  type RoundWithTotals,
  type LeadingGroupRole,
  type MeetingType,
} from '@rectify/domain';
import type { Db } from '@rectify/db';
import type { Clock } from '../../lib/clock.js';
import { audited } from '../../lib/audited.js';
import type { AuditActor } from '../../lib/audit.js';
import { invalidReference, notFound, validationFailed } from '../../lib/errors.js';
import { isIsoDate } from '@rectify/domain';
import { measureItemInclude, toMeasureItem } from '../measures/mapper.js';

const roundInclude = { inspectedUnit: { select: { id: true, name: true } } } as const;

interface RoundRow {
  id: number;
  committee: string;
  roundName: string;
  groupName: string;
  inspectedUnit: { id: number; name: string };
  inspectionStart: string | null;
  inspectionEnd: string | null;
  feedbackDate: string | null;
  rectificationDeadline: string | null;
  reportDate: string | null;
  demo: boolean;
  version: number;
}

export function toRound(row: RoundRow): Round {
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
    demo: row.demo,
    version: row.version,
  };
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
  async function requireRound(id: number) {
    const row = await db.inspectionRound.findUnique({ where: { id }, include: roundInclude });
    if (!row) throw notFound('round', id);
    return row;
  }

  /** Totals of many rounds from one pass over their measures. */
  async function withTotals(rows: RoundRow[]): Promise<RoundWithTotals[]> {
    const ids = rows.map((r) => r.id);
    const today = clock.today();
    const [categories, problems, manifestations, measures] = await Promise.all([
      db.category.groupBy({ by: ['roundId'], where: { roundId: { in: ids } }, _count: { _all: true } }),
      db.problem.findMany({ where: { category: { roundId: { in: ids } } }, select: { category: { select: { roundId: true } } } }),
      db.manifestation.findMany({ where: { problem: { category: { roundId: { in: ids } } } }, select: { problem: { select: { category: { select: { roundId: true } } } } } }),
      db.measure.findMany({
        where: { problem: { category: { roundId: { in: ids } } } },
        select: { status: true, deadline: true, problem: { select: { category: { select: { roundId: true } } } } },
      }),
    ]);
    const tally = <T>(items: T[], key: (t: T) => number) => {
      const m = new Map<number, number>();
      for (const item of items) m.set(key(item), (m.get(key(item)) ?? 0) + 1);
      return m;
    };
    const problemCount = tally(problems, (p) => p.category.roundId);
    const manifestationCount = tally(manifestations, (m) => m.problem.category.roundId);
    const measureCounts = countBy(
      measures.map((m) => ({ status: m.status as MeasureStatus, deadline: m.deadline, roundId: m.problem.category.roundId })),
      (m) => m.roundId,
      today,
    );
    return rows.map((row) => {
      const counts = measureCounts.get(row.id) ?? emptyCounts();
      return {
        ...toRound(row),
        totals: {
          categories: categories.find((c) => c.roundId === row.id)?._count._all ?? 0,
          problems: problemCount.get(row.id) ?? 0,
          manifestations: manifestationCount.get(row.id) ?? 0,
          measures: counts.total,
          ...counts,
        },
      };
    });
  }

  return {
    async list(): Promise<RoundWithTotals[]> {
      const rows = await db.inspectionRound.findMany({ include: roundInclude, orderBy: { id: 'asc' } });
      return withTotals(rows);
    },

    async get(id: number): Promise<RoundWithTotals> {
      const [round] = await withTotals([await requireRound(id)]);
      return round!;
    },

    async create(body: RoundCreate, actor: AuditActor): Promise<RoundWithTotals> {
      checkDates(body);
      const unit = await db.organization.findUnique({ where: { id: body.inspectedUnitId }, select: { id: true } });
      if (!unit) throw invalidReference('inspectedUnitId', body.inspectedUnitId);
      const row = await audited(db, actor).create(
        'round',
        (tx) => tx.inspectionRound.create({ data: body, include: roundInclude }),
        ({ inspectedUnit, ...fields }) => ({ ...fields, inspectedUnitId: inspectedUnit.id }),
      );
      const [round] = await withTotals([row]);
      return round!;
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
      const round = await requireRound(id);
      const today = clock.today();
      const categories = await db.category.findMany({
        where: { roundId: id },
        orderBy: [{ ordinal: 'asc' }, { id: 'asc' }],
        include: {
          problems: {
            orderBy: [{ ordinal: 'asc' }, { id: 'asc' }],
            include: {
              manifestations: { orderBy: [{ ordinal: 'asc' }, { id: 'asc' }] },
              measures: { orderBy: [{ ordinal: 'asc' }, { id: 'asc' }], include: measureItemInclude },
            },
          },
        },
      });
      const all: { status: MeasureStatus; deadline: string | null }[] = [];
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
      const [categories, problemCount, manifestationCount, measures] = await Promise.all([
        db.category.findMany({ where: { roundId: id }, orderBy: [{ ordinal: 'asc' }, { id: 'asc' }], select: { id: true, ordinal: true, title: true } }),
        db.problem.count({ where: { category: { roundId: id } } }),
        db.manifestation.count({ where: { problem: { category: { roundId: id } } } }),
        db.measure.findMany({
          where: { problem: { category: { roundId: id } } },
          select: {
            id: true,
            text: true,
            status: true,
            deadline: true,
            ...measureItemInclude,
            problem: { select: { id: true, ordinal: true, title: true, category: { select: { id: true, ordinal: true, title: true } } } },
          },
        }),
      ]);
      const facts = measures.map((m) => ({ ...m, status: m.status as MeasureStatus }));
      const totals = countMeasures(facts, today);
      const byCategoryCounts = countBy(facts, (m) => m.problem.category.id, today);
      const byLeaderCounts = countBy(facts, (m) => m.leader?.id ?? null, today);
      const byDepartmentCounts = countBy(facts, (m) => m.leadDepartment?.id ?? null, today);
      const nameOf = new Map<number, string>();
      for (const m of facts) {
        if (m.leader) nameOf.set(m.leader.id, m.leader.name);
      }
      const departmentName = new Map<number, string>();
      for (const m of facts) {
        if (m.leadDepartment) departmentName.set(m.leadDepartment.id, m.leadDepartment.name);
      }
      const byOpenThenName = <T extends { total: number; closed: number; overdue: number; name: string }>(a: T, b: T) =>
        b.overdue - a.overdue || b.total - b.closed - (a.total - a.closed) || b.total - a.total || a.name.localeCompare(b.name, 'zh-CN');
      return {
        roundId: id,
        today,
        totals: {
          categories: categories.length,
          problems: problemCount,
          manifestations: manifestationCount,
          measures: totals.total,
          closed: totals.closed,
          inProgress: totals.inProgress,
          notStarted: totals.notStarted,
          pendingClosure: totals.pendingClosure,
          overdue: totals.overdue,
        },
        byCategory: categories.map((c) => ({ categoryId: c.id, ordinal: c.ordinal, title: c.title, ...(byCategoryCounts.get(c.id) ?? emptyCounts()) })),
        byLeader: [...byLeaderCounts].map(([leaderId, counts]) => ({ leaderId, name: leaderId === null ? UNASSIGNED : nameOf.get(leaderId)!, ...counts })).sort(byOpenThenName),
        byDepartment: [...byDepartmentCounts]
          .map(([departmentId, counts]) => ({ departmentId, name: departmentId === null ? UNASSIGNED : departmentName.get(departmentId)!, ...counts }))
          .sort(byOpenThenName),
        overdue: facts
          .filter((m) => isOverdue(m, today))
          .map((m) => ({
            id: m.id,
            text: m.text,
            deadline: m.deadline!,
            daysOverdue: daysOverdue(m, today),
            status: m.status,
            leader: m.leader,
            leadDepartment: m.leadDepartment,
            category: m.problem.category,
            problem: { id: m.problem.id, ordinal: m.problem.ordinal, title: m.problem.title },
          }))
          .sort((a, b) => b.daysOverdue - a.daysOverdue || a.id - b.id),
      };
    },

    async records(id: number): Promise<RoundRecords> {
      await requireRound(id);
      const [regulations, meetings, leadingGroup] = await Promise.all([
        db.regulation.findMany({ where: { roundId: id }, orderBy: { id: 'asc' }, include: { measures: { select: { measureId: true } } } }),
        db.meeting.findMany({ where: { roundId: id }, orderBy: [{ date: 'asc' }, { id: 'asc' }] }),
        db.leadingGroupMember.findMany({ where: { roundId: id }, orderBy: { id: 'asc' }, include: { person: { select: { id: true, name: true, title: true } } } }),
      ]);
      return {
        regulations: regulations.map((r) => ({ id: r.id, title: r.title, issuedDate: r.issuedDate, measureIds: r.measures.map((m) => m.measureId), demo: r.demo, version: r.version })),
        meetings: meetings.map((m) => ({ id: m.id, type: m.type as MeetingType, date: m.date, topic: m.topic, demo: m.demo, version: m.version })),
        leadingGroup: leadingGroup.map((g) => ({ id: g.id, person: g.person, role: g.role as LeadingGroupRole, demo: g.demo })),
      };
    },
  };
}

export type RoundService = ReturnType<typeof createRoundService>;
