import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoDate, Nullable, Ordinal } from './common.js';
import { MeasureKindSchema, MeasureStatusSchema, WarningLevelSchema } from './measure.js';

const Count = Type.Integer({ minimum: 0 });

/** The time figures of a round's dashboard: counts per warning level, postponed, due next. */
export const TimeSummary = Type.Object({
  roundId: Id,
  today: IsoDate,
  thresholds: Type.Object({ warnDueSoonDays: Count, warnVerySoonDays: Count, behindScheduleMargin: Count }),
  /** Open measures per warning level (closed and long-term ones count as none). */
  levels: Type.Object({ none: Count, due_soon: Count, urgent: Count, overdue: Count }),
  /** Measures whose deadline was moved by an approved 延期 at least once. */
  postponed: Count,
  pendingPostponements: Count,
  /** Open measures due today or in the next 14 days. */
  dueNext14: Count,
  /** 长期坚持 measures, shown apart. */
  longTerm: Count,
  /** Of them, open ones whose check-in is missed (red, like an overdue deadline). */
  checkInsMissed: Count,
});
export type TimeSummary = Static<typeof TimeSummary>;

/** One measure's bar on the round's timeline (Gantt), grouped category → problem. */
export const TimelineRow = Type.Object({
  id: Id,
  ordinal: Ordinal,
  text: Type.String(),
  category: Type.Object({ id: Id, ordinal: Ordinal, title: Type.String() }),
  problem: Type.Object({ id: Id, ordinal: Ordinal, title: Type.String() }),
  kind: MeasureKindSchema,
  status: MeasureStatusSchema,
  warningLevel: WarningLevelSchema,
  leader: Nullable(Type.Object({ id: Id, name: Type.String() })),
  leadDepartment: Nullable(Type.Object({ id: Id, name: Type.String() })),
  start: Nullable(IsoDate),
  end: Nullable(IsoDate),
  originalEnd: Nullable(IsoDate),
  closedOn: Nullable(IsoDate),
  overdue: Nullable(Type.Object({ from: IsoDate, to: IsoDate })),
  postponementCount: Count,
});
export type TimelineRow = Static<typeof TimelineRow>;

export const BurnUpPointSchema = Type.Object({ date: IsoDate, total: Count, closed: Count });

export const Timeline = Type.Object({
  roundId: Id,
  today: IsoDate,
  feedbackDate: Nullable(IsoDate),
  rectificationDeadline: Nullable(IsoDate),
  rows: Type.Array(TimelineRow),
  /** Closed against total over time, replayed from the dated history; the round's, then each category's. */
  burnUp: Type.Array(BurnUpPointSchema),
  categories: Type.Array(Type.Object({ id: Id, ordinal: Ordinal, title: Type.String(), burnUp: Type.Array(BurnUpPointSchema) })),
});
export type Timeline = Static<typeof Timeline>;
