import { Type, type Static } from '@sinclair/typebox';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, CLOSURE_STATES, NOTIFICATION_KINDS } from '../enums.js';
import { INT32_MAX, Id, IsoDate, KeysetPage, KeysetQuery, Nullable, Timestamp, Version } from './common.js';
import { ClosureRequest, ClosureStateSchema, UserRef } from './closure.js';
import { MeasureListItem } from './measure.js';

const Percent = Type.Integer({ minimum: 0, maximum: 100 });
const Count = Type.Integer({ minimum: 0, maximum: INT32_MAX });

/** 进展情况: appended to a measure, never overwritten; sets the measure's progress. */
export const ProgressUpdateCreate = Type.Object(
  {
    date: IsoDate,
    text: Type.String({ minLength: 1, maxLength: 20_000 }),
    percent: Percent,
    figures: Type.Optional(
      Type.Array(
        Type.Object(
          {
            label: Type.String({ minLength: 1, maxLength: 200 }),
            value: Type.Number({ minimum: -1e12, maximum: 1e12 }),
            unit: Type.String({ maxLength: 20 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type ProgressUpdateCreate = Static<typeof ProgressUpdateCreate>;

/** 佐证材料 as the measure lists it. */
export const EvidenceItem = Type.Object({
  id: Id,
  measureId: Id,
  /** The progress update (报送进展) it was sent with, if any. */
  progressUpdateId: Nullable(Id),
  fileName: Type.String(),
  mimeType: Type.String(),
  size: Count,
  sha256: Type.String(),
  uploadedBy: Nullable(UserRef),
  createdAt: Timestamp,
});
export type EvidenceItem = Static<typeof EvidenceItem>;

export const EvidenceUploadQuery = Type.Object({ progressUpdateId: Type.Optional(Id) }, { additionalProperties: false });
export type EvidenceUploadQuery = Static<typeof EvidenceUploadQuery>;

export const EvidenceDownloadQuery = Type.Object(
  { inline: Type.Optional(Type.Boolean({ description: 'true: shown in the page (images and PDF only), not saved' })) },
  { additionalProperties: false },
);

/** The queue of the office (all) or of a leader (the measures they lead). */
export const ClosureQueueItem = Type.Composite([
  ClosureRequest,
  Type.Object({ measure: MeasureListItem, evidenceCount: Count }),
]);
export type ClosureQueueItem = Static<typeof ClosureQueueItem>;

export const ClosureQuery = Type.Object(
  { state: Type.Optional(Type.Union([...CLOSURE_STATES.map((s) => Type.Literal(s)), Type.Literal('all')], { default: 'pending' })), ...KeysetQuery },
  { additionalProperties: false },
);
export type ClosureQuery = Static<typeof ClosureQuery>;
/** The closure queue, oldest request first, a page at a time. */
export const ClosurePage = KeysetPage(ClosureQueueItem);
export type ClosurePage = Static<typeof ClosurePage>;

export const ClosureSubmit = Type.Object(
  { summary: Type.String({ minLength: 1, maxLength: 20_000, description: '整改完成情况: what was done' }) },
  { additionalProperties: false },
);
export type ClosureSubmit = Static<typeof ClosureSubmit>;

export const ClosureApprove = Type.Object(
  { version: Type.Optional(Version) },
  { additionalProperties: false },
);
export type ClosureApprove = Static<typeof ClosureApprove>;

export const ClosureReject = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 5_000 }), version: Type.Optional(Version) },
  { additionalProperties: false },
);
export type ClosureReject = Static<typeof ClosureReject>;

export const MeasureReopen = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 5_000 }) },
  { additionalProperties: false },
);
export type MeasureReopen = Static<typeof MeasureReopen>;

/**
 * 我的任务: the measures I answer for — open ones by deadline (so the overdue first, longest overdue
 * first), undated last, then by id; closed ones (only when asked) after every open one, in the same order.
 */
export const TaskItem = Type.Composite([
  MeasureListItem,
  Type.Object({
    dueSoon: Type.Boolean({ description: 'not closed, due today or within 7 days' }),
    dueNext14: Type.Boolean({ description: 'not closed, not long-term, due today or within the next 14 days (isDueWithin)' }),
    latestClosure: Nullable(Type.Object({ id: Id, state: ClosureStateSchema, reason: Nullable(Type.String()), decidedAt: Nullable(Timestamp) })),
  }),
]);
export type TaskItem = Static<typeof TaskItem>;

export const TaskCounts = Type.Object({
  total: Count,
  overdue: Count,
  dueSoon: Count,
  /** Open measures due today or in the next 14 days (the dashboard's figure, for one's own). */
  dueNext14: Type.Optional(Count),
  pendingClosure: Count,
  rejected: Count,
});
export type TaskCounts = Static<typeof TaskCounts>;

/** A page of 我的任务 (keyset; `total` counts the filtered list), with the menu badge's counts (open measures, unfiltered). */
export const MyTasks = Type.Composite([Type.Object({ today: IsoDate, counts: TaskCounts }), KeysetPage(TaskItem)]);
export type MyTasks = Static<typeof MyTasks>;

/** The menu badge's part of 我的任务: its counts without the list. */
export const MyTaskCounts = Type.Object({ today: IsoDate, counts: TaskCounts });
export type MyTaskCounts = Static<typeof MyTaskCounts>;

export const TasksQuery = Type.Object(
  {
    includeClosed: Type.Optional(Type.Boolean({ default: false, description: 'closed measures too, after every open one' })),
    dueNext14: Type.Optional(Type.Boolean({ default: false, description: 'only those due today or in the next 14 days (isDueWithin: open, not long-term)' })),
    ...KeysetQuery,
  },
  { additionalProperties: false },
);
export type TasksQuery = Static<typeof TasksQuery>;

export const NotificationKindSchema = Type.Union(NOTIFICATION_KINDS.map((k) => Type.Literal(k)));

export const NotificationItem = Type.Object({
  id: Id,
  kind: NotificationKindSchema,
  title: Type.String(),
  text: Type.String(),
  measureId: Nullable(Id),
  readAt: Nullable(Timestamp),
  createdAt: Timestamp,
});
export type NotificationItem = Static<typeof NotificationItem>;

/** Newest first, a page at a time (keyset on the id); `unread` counts all of the account's unread ones. */
export const NotificationList = Type.Object({
  unread: Count,
  items: Type.Array(NotificationItem),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  total: Count,
});
export type NotificationList = Static<typeof NotificationList>;

export const NotificationQuery = Type.Object(
  { unreadOnly: Type.Optional(Type.Boolean()), ...KeysetQuery },
  { additionalProperties: false },
);
export type NotificationQuery = Static<typeof NotificationQuery>;

export const AuditEntitySchema = Type.Union(AUDIT_ENTITIES.map((e) => Type.Literal(e)));
export const AuditActionSchema = Type.Union(AUDIT_ACTIONS.map((a) => Type.Literal(a)));

export const AuditEntry = Type.Object({
  id: Id,
  at: Timestamp,
  actor: Nullable(Type.Object({ id: Id, username: Type.String(), name: Type.Optional(Nullable(Type.String())) })),
  entity: AuditEntitySchema,
  entityId: Id,
  measureId: Nullable(Id),
  action: AuditActionSchema,
  /** {field: {before, after}} */
  changes: Type.Record(Type.String(), Type.Object({ before: Type.Unknown(), after: Type.Unknown() })),
  /**
   * The names of the rows the changes point to, keyed "<kind>:<id>" (kinds: AUDIT_REFERENCE_KINDS),
   * so that a history reads "责任领导 — → 莫海涛", not "→ 3". Sent by the measure history.
   */
  names: Type.Optional(Type.Record(Type.String(), Type.String())),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditQuery = Type.Object(
  { entity: Type.Optional(AuditEntitySchema), id: Type.Optional(Id), ...KeysetQuery },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;
/** The audit log, newest first, a page at a time. */
export const AuditPage = KeysetPage(AuditEntry);
export type AuditPage = Static<typeof AuditPage>;

export const ReadAllAnswer = Type.Object({ updated: Count });
