import { Type, type Static } from '@sinclair/typebox';
import { FOLLOW_UP_RESULTS, FOLLOW_UP_SCOPES, MEASURE_STATUSES } from '../enums.js';
import { FOLLOW_UP_STATES } from '../time.js';
import { RELAPSE_DEADLINES } from '../rules.js';
import { Id, IsoDate, Nullable, Ref, Timestamp, Version } from './common.js';
import { UserRef } from './closure.js';
import { MeasureKindSchema } from './measure.js';
import { EvidenceItem } from './workflow.js';

export const FollowUpScopeSchema = Type.Union(FOLLOW_UP_SCOPES.map((s) => Type.Literal(s)));
export const FollowUpResultSchema = Type.Union(FOLLOW_UP_RESULTS.map((s) => Type.Literal(s)));
export const FollowUpStateSchema = Type.Union(FOLLOW_UP_STATES.map((s) => Type.Literal(s)));

const Note = Type.String({ maxLength: 2_000 });

/**
 * 安排回头看: the day, the reviewer (a person of the round's unit), and what it covers — every closed
 * measure of the round, those of `categoryIds`, or the closed measures `measureIds`.
 */
export const FollowUpCreate = Type.Object(
  {
    scheduledOn: IsoDate,
    reviewerId: Type.Optional(Nullable(Id)),
    scope: FollowUpScopeSchema,
    categoryIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 100, uniqueItems: true })),
    measureIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 500, uniqueItems: true })),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type FollowUpCreate = Static<typeof FollowUpCreate>;

/**
 * 限期整改: the reopened measure's new deadline, sent with a 反弹 that reopens it — required when its
 * deadline has passed, optional otherwise, never before today, none for a long-term measure
 * (`relapseDeadline`, `deadlineAfterResult`).
 */
const RelapseDeadlineGiven = Type.Optional(IsoDate);

/** 记录回头看结果: 巩固 (held) or 反弹 (slid back: the measure reopens; a note saying why is required, and perhaps a new deadline). */
export const FollowUpRecord = Type.Object(
  { result: FollowUpResultSchema, note: Type.Optional(Note), deadline: RelapseDeadlineGiven, version: Type.Optional(Version) },
  { additionalProperties: false },
);
export type FollowUpRecord = Static<typeof FollowUpRecord>;

/**
 * 修改回头看 (the office): send the version read. The day, the reviewer and the scope change only
 * while no result is recorded (409 FOLLOW_UP_HAS_RESULTS); a new scope names its categories or
 * measures as at scheduling, and the measures it covers are taken again (those still covered keep
 * their item and evidence). The note always (null clears it).
 */
export const FollowUpUpdate = Type.Object(
  {
    version: Version,
    scheduledOn: Type.Optional(IsoDate),
    reviewerId: Type.Optional(Nullable(Id)),
    scope: Type.Optional(FollowUpScopeSchema),
    categoryIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 100, uniqueItems: true })),
    measureIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 500, uniqueItems: true })),
    note: Type.Optional(Nullable(Note)),
  },
  { additionalProperties: false },
);
export type FollowUpUpdate = Static<typeof FollowUpUpdate>;

/**
 * 更正回头看结果 (the office): a recorded result, corrected with the version read. 巩固 → 反弹
 * reopens a closed measure as recording 反弹 does (with its new deadline); 反弹 → 巩固 leaves the
 * reopened measure in progress (closed again only through 申请销号 → 对账销号): `followUpResultEffect`.
 */
export const FollowUpCorrection = Type.Object(
  { result: FollowUpResultSchema, note: Type.Optional(Note), deadline: RelapseDeadlineGiven, version: Version },
  { additionalProperties: false },
);
export type FollowUpCorrection = Static<typeof FollowUpCorrection>;

export const FollowUpCounts = Type.Object({
  total: Type.Integer({ minimum: 0 }),
  held: Type.Integer({ minimum: 0 }),
  slid: Type.Integer({ minimum: 0 }),
  pending: Type.Integer({ minimum: 0 }),
});
export type FollowUpCounts = Static<typeof FollowUpCounts>;

/** A 回头看 with its results counted. */
export const FollowUp = Type.Object({
  id: Id,
  roundId: Id,
  scheduledOn: IsoDate,
  reviewer: Nullable(Ref),
  scope: FollowUpScopeSchema,
  categories: Type.Array(Type.Object({ id: Id, title: Type.String() })),
  note: Nullable(Type.String()),
  createdAt: Timestamp,
  createdBy: Nullable(UserRef),
  counts: FollowUpCounts,
  /** scheduled, due (within 14 days), overdue (its day passed with results missing), done. */
  state: FollowUpStateSchema,
  /** May the signed-in account record its results (the office, or its reviewer)? */
  mayRecord: Type.Boolean(),
  /** May the signed-in account edit or delete it and correct its results (the unit's office, admin)? */
  mayManage: Type.Boolean(),
  /** A result is recorded: its day, reviewer and scope are fixed and it cannot be deleted (`followUpLocked`). */
  locked: Type.Boolean(),
  version: Version,
});
export type FollowUp = Static<typeof FollowUp>;

/** What a reviewer recorded for one measure (the review page's item and the measure page's row share it). */
const RecordedResult = Type.Object({
  result: Nullable(FollowUpResultSchema),
  note: Nullable(Type.String()),
  recordedAt: Nullable(Timestamp),
  recordedBy: Nullable(UserRef),
  evidence: Type.Array(EvidenceItem),
  version: Version,
});

export const FollowUpItem = Type.Composite([
  Type.Object({
    id: Id,
    followUpId: Id,
    measure: Type.Object({
      id: Id,
      text: Type.String(),
      status: Type.Union(MEASURE_STATUSES.map((s) => Type.Literal(s))),
      kind: MeasureKindSchema,
      deadline: Nullable(IsoDate),
      /** What a 反弹 reopening it asks of its deadline today (`relapseDeadline`): required, optional, none (long-term). */
      relapseDeadline: Type.Union(RELAPSE_DEADLINES.map((s) => Type.Literal(s))),
      completedDate: Nullable(IsoDate),
      category: Type.Object({ id: Id, ordinal: Type.Integer(), title: Type.String() }),
      problem: Type.Object({ id: Id, ordinal: Type.Integer(), title: Type.String() }),
      leader: Nullable(Ref),
      leadDepartment: Nullable(Ref),
    }),
  }),
  RecordedResult,
]);
export type FollowUpItem = Static<typeof FollowUpItem>;

export const FollowUpDetail = Type.Composite([FollowUp, Type.Object({ items: Type.Array(FollowUpItem) })]);
export type FollowUpDetail = Static<typeof FollowUpDetail>;

/** The 回头看 of a round, for the dashboard: each review and the totals of their results. */
export const FollowUpOverview = Type.Object({
  reviews: Type.Array(FollowUp),
  totals: Type.Object({
    reviews: Type.Integer({ minimum: 0 }),
    due: Type.Integer({ minimum: 0 }),
    overdue: Type.Integer({ minimum: 0 }),
    measures: Type.Integer({ minimum: 0 }),
    held: Type.Integer({ minimum: 0 }),
    slid: Type.Integer({ minimum: 0 }),
    pending: Type.Integer({ minimum: 0 }),
  }),
});
export type FollowUpOverview = Static<typeof FollowUpOverview>;

/** One 回头看 of a measure, as its page lists them: the review's day and reviewer, the result (null: pending), note and evidence. */
export const MeasureFollowUp = Type.Composite([
  Type.Object({
    /** The item's id (what recording and correcting address). */
    id: Id,
    followUp: Type.Object({ id: Id, scheduledOn: IsoDate, reviewer: Nullable(Ref), state: FollowUpStateSchema }),
  }),
  RecordedResult,
]);
export type MeasureFollowUp = Static<typeof MeasureFollowUp>;
