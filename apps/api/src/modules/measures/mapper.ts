import { daysOverdue, isOverdue, roundTitle, type MeasureItem, type MeasureListItem, type MeasureStatus, type MeasureKind } from '@rectify/domain';

/** What the queries below select for a measure, and how it becomes the API's MeasureItem. */
export const measureItemInclude = {
  leader: { select: { id: true, name: true } },
  leadDepartment: { select: { id: true, name: true } },
} as const;

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
} as const;

interface MeasureRow {
  id: number;
  problemId: number;
  manifestationId: number | null;
  ordinal: number;
  text: string;
  kind: string;
  status: string;
  deadline: string | null;
  completedDate: string | null;
  progress: number;
  demo: boolean;
  version: number;
  leader: { id: number; name: string } | null;
  leadDepartment: { id: number; name: string } | null;
}

interface MeasurePathRow extends MeasureRow {
  problem: {
    id: number;
    ordinal: number;
    title: string;
    category: {
      id: number;
      ordinal: number;
      title: string;
      round: { id: number; committee: string; roundName: string; groupName: string };
    };
  };
}

export function toMeasureItem(row: MeasureRow, today: string): MeasureItem {
  const facts = { status: row.status as MeasureStatus, deadline: row.deadline };
  return {
    id: row.id,
    problemId: row.problemId,
    manifestationId: row.manifestationId,
    ordinal: row.ordinal,
    text: row.text,
    kind: row.kind as MeasureKind,
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
  };
}

export function toMeasureListItem(row: MeasurePathRow, today: string): MeasureListItem {
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
