import type { LeadingGroupRole, MeasureKind, MeasureStatus, MeetingType } from '@rectify/domain';

/**
 * The reference round as data. Everything the published report states is reproduced verbatim;
 * what it is silent about (owners, deadlines, departments, dates, the manifestations' texts) is
 * filled in plausibly and flagged `demo: true`.
 */
export interface DemoRound {
  organization: { name: string; shortName: string; parentName: string };
  committee: string;
  roundName: string;
  groupName: string;
  inspectionStart: string;
  inspectionEnd: string;
  feedbackDate: string;
  rectificationDeadline: string;
  reportDate: string;
  reportOpening: string;
  reportNextSteps: string;
  reportContact: string;
  departments: { key: string; name: string }[];
  people: { key: string; name: string; title: string; departmentKey: string | null }[];
  leadingGroup: { personKey: string; role: LeadingGroupRole }[];
  meetings: { type: MeetingType; date: string; topic: string }[];
  categories: DemoCategory[];
  regulations: { title: string; issuedDate: string; measureKeys: string[] }[];
}

export interface DemoCategory {
  ordinal: number;
  title: string;
  problems: DemoProblem[];
}

export interface DemoProblem {
  ordinal: number;
  title: string;
  /** Texts of 具体表现; the report gives only their count (39), so all are demo. */
  manifestations: string[];
  measures: DemoMeasure[];
}

export interface DemoMeasure {
  /** Unique key, e.g. "1.1.2" (category.problem.measure), used to link regulations. */
  key: string;
  text: string;
  /** false for the measures written as 一是/二是 (or as the single paragraph) in the report. */
  demo: boolean;
  kind: MeasureKind;
  status: MeasureStatus;
  deadline: string;
  completedDate: string | null;
  progress: number;
  leaderKey: string;
  leadDepartmentKey: string;
  coDepartmentKeys: string[];
  /** Index into the problem's manifestations this measure answers, or null. */
  manifestationIndex: number | null;
  outcome: string | null;
  figures: { label: string; value: number; unit: string }[];
}
