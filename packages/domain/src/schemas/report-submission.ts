import { Type, type Static } from '@sinclair/typebox';
import { REPORT_STATES } from '../enums.js';
import { Id, INT32_MAX, Nullable, Timestamp, Version } from './common.js';
import { UserRef } from './closure.js';

const Count = Type.Integer({ minimum: 0, maximum: INT32_MAX });

export const ReportStateSchema = Type.Union(REPORT_STATES.map((s) => Type.Literal(s)));

/**
 * One submission of a round's rectification report (通报 draft + ledger) to the 巡察办, and its
 * decision. The figures are those of the day it was submitted (the ledger may move on).
 */
export const ReportSubmission = Type.Object({
  id: Id,
  roundId: Id,
  state: Type.Union([Type.Literal('submitted'), Type.Literal('accepted'), Type.Literal('returned')]),
  /** The office's cover note. */
  note: Nullable(Type.String()),
  /** The 巡察办's comments (required when sent back). */
  comment: Nullable(Type.String()),
  measures: Count,
  closed: Count,
  overdue: Count,
  submittedAt: Timestamp,
  submittedBy: Nullable(UserRef),
  decidedAt: Nullable(Timestamp),
  decidedBy: Nullable(UserRef),
  version: Version,
});
export type ReportSubmission = Static<typeof ReportSubmission>;

/** A round's report state and its submissions, newest first. */
export const ReportStatus = Type.Object({
  roundId: Id,
  state: ReportStateSchema,
  submissions: Type.Array(ReportSubmission),
});
export type ReportStatus = Static<typeof ReportStatus>;

export const ReportSubmit = Type.Object(
  { note: Type.Optional(Nullable(Type.String({ maxLength: 2_000 }))) },
  { additionalProperties: false },
);
export type ReportSubmit = Static<typeof ReportSubmit>;

export const ReportAccept = Type.Object(
  { version: Version, comment: Type.Optional(Nullable(Type.String({ maxLength: 5_000 }))) },
  { additionalProperties: false },
);
export type ReportAccept = Static<typeof ReportAccept>;

export const ReportReturn = Type.Object(
  { version: Version, comment: Type.String({ minLength: 1, maxLength: 5_000 }) },
  { additionalProperties: false },
);
export type ReportReturn = Static<typeof ReportReturn>;
