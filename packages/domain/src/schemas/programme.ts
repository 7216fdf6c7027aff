import { Type, type Static } from '@sinclair/typebox';
import { REPORT_STATES, UNIT_TYPES } from '../enums.js';
import { RatingCounts } from './public-supervision.js';
import { Id, INT32_MAX, IsoDate, Nullable, Timestamp } from './common.js';

const Count = Type.Integer({ minimum: 0, maximum: INT32_MAX });

/**
 * 整改总览 (the programme view): every round the account sees, one row each, with its unit and its
 * figures as the database counted them.
 */
export const ProgrammeRow = Type.Object({
  roundId: Id,
  title: Type.String(),
  committee: Type.String(),
  roundName: Type.String(),
  groupName: Type.String(),
  unit: Type.Object({ id: Id, name: Type.String(), unitType: Nullable(Type.Union(UNIT_TYPES.map((u) => Type.Literal(u)))) }),
  feedbackDate: Nullable(IsoDate),
  rectificationDeadline: Nullable(IsoDate),
  /** The year of the feedback date (反馈年度), null without one. */
  year: Nullable(Type.Integer()),
  measures: Count,
  closed: Count,
  inProgress: Count,
  overdue: Count,
  /** Measures postponed (延期) at least once. */
  postponed: Count,
  /** 三色预警: open measures per warning level (packages/domain warningLevelSql). */
  warnings: Type.Object({ dueSoon: Count, urgent: Count, overdue: Count }),
  /** closed / measures, in percent (one decimal); null for a round without measures. */
  completionRate: Nullable(Type.Number({ minimum: 0, maximum: 100 })),
  /** Days from the feedback date (反馈) to today; null without a feedback date. */
  daysSinceFeedback: Nullable(Type.Integer()),
  /** The last change to any of the round's measures. */
  lastActivity: Nullable(Timestamp),
  reportState: Type.Union(REPORT_STATES.map((s) => Type.Literal(s))),
  /** 群众监督: satisfaction ratings and opinions received on the round's public page. */
  ratings: RatingCounts,
  demo: Type.Boolean(),
});
export type ProgrammeRow = Static<typeof ProgrammeRow>;

export const ProgrammeQuery = Type.Object(
  {
    committee: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    roundName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
    unitType: Type.Optional(Type.Union(UNIT_TYPES.map((u) => Type.Literal(u)))),
  },
  { additionalProperties: false },
);
export type ProgrammeQuery = Static<typeof ProgrammeQuery>;

export const Programme = Type.Object({
  today: IsoDate,
  rows: Type.Array(ProgrammeRow),
  /** The values the filters offer (over every round the account sees, not just the filtered ones). */
  options: Type.Object({
    committees: Type.Array(Type.String()),
    roundNames: Type.Array(Type.String()),
    years: Type.Array(Type.Integer()),
    unitTypes: Type.Array(Type.Union(UNIT_TYPES.map((u) => Type.Literal(u)))),
  }),
  totals: Type.Object({ rounds: Count, units: Count, measures: Count, closed: Count, overdue: Count, postponed: Count }),
});
export type Programme = Static<typeof Programme>;
