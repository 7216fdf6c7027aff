import type { Prisma } from '@rectify/db';
import { daysOverdue, isOverdue, measureStart, nextCheckInDue, toCheckInCadence, roundTitle, toMeasureKind, toMeasureStatus, warningLevel, type MeasureItem, type MeasureListItem } from '@rectify/domain';

/** What the queries below select for a measure, and how it becomes the API's MeasureItem. */
export const measureItemInclude = {
  leader: { select: { id: true, name: true } },
  leadDepartment: { select: { id: true, name: true } },
  /** The round's feedback date and warning thresholds: the warning level reads them. */
  round: { select: { feedbackDate: true, warnDueSoonDays: true, warnVerySoonDays: true, behindScheduleMargin: true } },
} as const satisfies Prisma.MeasureInclude;

export const measurePathInclude = {
  ...measureItemInclude,
  problem: {
    select: {
      id: true,
      ordinal: true,
      title: true,
      category: {
        select: {
          id: true,
          ordinal: true,
          title: true,
          round: { select: { id: true, committee: true, roundName: true, groupName: true } },
        },
      },
    },
  },
} as const satisfies Prisma.MeasureInclude;

/** A measure row as the queries that include `measureItemInclude` (or `measurePathInclude`) return it. */
export type MeasureRow = Prisma.MeasureGetPayload<{ include: typeof measureItemInclude }>;
export type MeasurePathRow = Prisma.MeasureGetPayload<{ include: typeof measurePathInclude }>;

/** The Measure columns a MeasureItem reads: what a joined statement selects instead of the whole row. */
export const measureItemColumns = {
  id: true,
  problemId: true,
  manifestationId: true,
  ordinal: true,
  text: true,
  kind: true,
  status: true,
  deadline: true,
  startDate: true,
  originalDeadline: true,
  postponementCount: true,
  checkInCadence: true,
  lastCheckInOn: true,
  completedDate: true,
  progress: true,
  demo: true,
  version: true,
} as const satisfies Prisma.MeasureSelect;

/** What `toMeasureItem` reads (a MeasureRow is one); typed from Prisma's payload of those columns. */
export type MeasureItemSource = Prisma.MeasureGetPayload<{ select: typeof measureItemColumns & typeof measureItemInclude }>;
/** What `toMeasureListItem` reads (a MeasurePathRow is one). */
export type MeasurePathSource = Prisma.MeasureGetPayload<{ select: typeof measureItemColumns & typeof measurePathInclude }>;

export function toMeasureItem(row: MeasureItemSource, today: string): MeasureItem {
  const facts = { status: toMeasureStatus(row.status), deadline: row.deadline };
  const checkIns = { kind: toMeasureKind(row.kind), checkInCadence: row.checkInCadence === null ? null : toCheckInCadence(row.checkInCadence), lastCheckInOn: row.lastCheckInOn };
  return {
    id: row.id,
    problemId: row.problemId,
    manifestationId: row.manifestationId,
    ordinal: row.ordinal,
    text: row.text,
    kind: toMeasureKind(row.kind),
    status: facts.status,
    deadline: row.deadline,
    completedDate: row.completedDate,
    overdue: isOverdue(facts, today),
    daysOverdue: daysOverdue(facts, today),
    progress: row.progress,
    leader: row.leader,
    leadDepartment: row.leadDepartment,
    demo: row.demo,
    version: row.version,
    startDate: measureStart(row, row.round),
    originalDeadline: row.originalDeadline,
    postponementCount: row.postponementCount,
    warningLevel: warningLevel({ ...checkIns, status: facts.status, deadline: row.deadline, startDate: measureStart(row, row.round), progress: row.progress }, today, row.round),
    checkInCadence: checkIns.checkInCadence,
    lastCheckInOn: row.lastCheckInOn,
    nextCheckInDue: nextCheckInDue({ ...checkIns, status: facts.status, startDate: measureStart(row, row.round) }),
  };
}

export function toMeasureListItem(row: MeasurePathSource, today: string): MeasureListItem {
  const { category } = row.problem;
  return {
    ...toMeasureItem(row, today),
    path: {
      round: { id: category.round.id, title: roundTitle(category.round) },
      category: { id: category.id, ordinal: category.ordinal, title: category.title },
      problem: { id: row.problem.id, ordinal: row.problem.ordinal, title: row.problem.title },
    },
  };
}
