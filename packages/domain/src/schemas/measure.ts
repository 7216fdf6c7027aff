import { Type, type Static } from '@sinclair/typebox';
import { CHECK_IN_CADENCES, MEASURE_KINDS, MEASURE_STATUSES } from '../enums.js';
import { Id, IsoDate, KeysetPage, KeysetQuery, LongText, Nullable, Ordinal, Ref, SortDirection, Timestamp, Version } from './common.js';
import { ClosureRequest, UserRef } from './closure.js';
import { WARNING_LEVELS } from '../time.js';
import { Postponement } from './postponement.js';

export const WarningLevelSchema = Type.Union(WARNING_LEVELS.map((l) => Type.Literal(l)));

export const MeasureKindSchema = Type.Union(MEASURE_KINDS.map((k) => Type.Literal(k)));
export const MeasureStatusSchema = Type.Union(MEASURE_STATUSES.map((s) => Type.Literal(s)));
export const CheckInCadenceSchema = Type.Union(CHECK_IN_CADENCES.map((c) => Type.Literal(c)));
const Percent = Type.Integer({ minimum: 0, maximum: 100 });

/** A measure as every list and the tree show it. */
export const MeasureItem = Type.Object({
  id: Id,
  problemId: Id,
  manifestationId: Nullable(Id),
  ordinal: Ordinal,
  text: Type.String(),
  kind: MeasureKindSchema,
  status: MeasureStatusSchema,
  deadline: Nullable(IsoDate),
  completedDate: Nullable(IsoDate),
  overdue: Type.Boolean(),
  daysOverdue: Type.Integer({ minimum: 0 }),
  progress: Percent,
  leader: Nullable(Ref),
  leadDepartment: Nullable(Ref),
  demo: Type.Boolean(),
  version: Version,
  /** The day work started (the round's feedback date unless set). */
  startDate: Type.Optional(Nullable(IsoDate)),
  /** 原定时限: the deadline before the first approved postponement; null while never postponed. */
  originalDeadline: Type.Optional(Nullable(IsoDate)),
  postponementCount: Type.Optional(Type.Integer({ minimum: 0 })),
  /** 三色预警, computed by the API with the round's thresholds (packages/domain warningLevel). */
  warningLevel: Type.Optional(WarningLevelSchema),
  /** 长期坚持: how often it checks in (each progress update is a check-in), its last one and when the next is due. */
  checkInCadence: Type.Optional(Nullable(CheckInCadenceSchema)),
  lastCheckInOn: Type.Optional(Nullable(IsoDate)),
  nextCheckInDue: Type.Optional(Nullable(IsoDate)),
});
export type MeasureItem = Static<typeof MeasureItem>;

/** Where a measure sits in its round, for lists that cut across the tree. */
export const MeasurePath = Type.Object({
  round: Type.Object({ id: Id, title: Type.String() }),
  category: Type.Object({ id: Id, ordinal: Ordinal, title: Type.String() }),
  problem: Type.Object({ id: Id, ordinal: Ordinal, title: Type.String() }),
});
export type MeasurePath = Static<typeof MeasurePath>;

export const MeasureListItem = Type.Composite([MeasureItem, Type.Object({ path: MeasurePath })]);
export type MeasureListItem = Static<typeof MeasureListItem>;

export const OutcomeFigure = Type.Object({
  id: Id,
  label: Type.String(),
  value: Type.Number(),
  unit: Type.String(),
});
export type OutcomeFigure = Static<typeof OutcomeFigure>;

/** A file attached to a progress update, as the update lists it. */
export const EvidenceRef = Type.Object({ id: Id, fileName: Type.String(), mimeType: Type.String(), size: Type.Integer({ minimum: 0 }) });
export type EvidenceRef = Static<typeof EvidenceRef>;

export const ProgressUpdate = Type.Object({
  id: Id,
  date: IsoDate,
  text: Type.String(),
  percent: Percent,
  author: Nullable(Ref),
  /** The account that wrote it (null for updates older than accounts). */
  authorUser: Type.Optional(Nullable(UserRef)),
  createdAt: Timestamp,
  figures: Type.Array(OutcomeFigure),
  /** The evidence (photos, files) sent with this update. */
  evidence: Type.Array(EvidenceRef),
});
export type ProgressUpdate = Static<typeof ProgressUpdate>;

export const MeasureAccessSchema = Type.Object({
  update: Type.Boolean(),
  progress: Type.Boolean(),
  decideClosure: Type.Boolean(),
  reopen: Type.Boolean(),
  requestPostponement: Type.Optional(Type.Boolean()),
  decidePostponement: Type.Optional(Type.Boolean()),
});

export const MeasureDetail = Type.Composite([
  MeasureListItem,
  Type.Object({
    coDepartments: Type.Array(Ref),
    outcome: Nullable(Type.String()),
    figures: Type.Array(OutcomeFigure),
    updates: Type.Array(ProgressUpdate),
    regulations: Type.Array(Type.Object({ id: Id, title: Type.String() })),
    /** The latest 申请销号 with its decision: a rejected one carries the reason the officer must see. */
    latestClosure: Nullable(ClosureRequest),
    evidenceCount: Type.Integer({ minimum: 0 }),
    /** Closed measures are locked against edits until the office reopens them: the web shows what this says. */
    locked: Type.Boolean(),
    /** What the signed-in account may do with this measure (the policy's measureAccess): the web shows what this says. */
    myAccess: MeasureAccessSchema,
    /** Every 延期申请 of the measure, newest first. */
    postponements: Type.Optional(Type.Array(Postponement)),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
]);
export type MeasureDetail = Static<typeof MeasureDetail>;

const editable = {
  manifestationId: Type.Optional(Nullable(Id)),
  ordinal: Type.Optional(Ordinal),
  kind: Type.Optional(MeasureKindSchema),
  status: Type.Optional(MeasureStatusSchema),
  deadline: Type.Optional(Nullable(IsoDate)),
  startDate: Type.Optional(Nullable(IsoDate)),
  /** 长期坚持: monthly or quarterly check-ins (long-term measures; ignored for others). */
  checkInCadence: Type.Optional(Nullable(CheckInCadenceSchema)),
  completedDate: Type.Optional(Nullable(IsoDate)),
  leaderId: Type.Optional(Nullable(Id)),
  leadDepartmentId: Type.Optional(Nullable(Id)),
  coDepartmentIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
  progress: Type.Optional(Percent),
  outcome: Type.Optional(Nullable(Type.String({ maxLength: 20_000 }))),
};

export const MeasureCreate = Type.Object({ problemId: Id, text: LongText, ...editable }, { additionalProperties: false });
export type MeasureCreate = Static<typeof MeasureCreate>;

export const MeasureUpdate = Type.Object(
  { version: Version, text: Type.Optional(LongText), ...editable },
  { additionalProperties: false },
);
export type MeasureUpdate = Static<typeof MeasureUpdate>;

/** Filters of the measure list; the ledger export takes the same ones. */
export const MeasureQuery = Type.Object(
  {
    roundId: Type.Optional(Id),
    categoryId: Type.Optional(Id),
    problemId: Type.Optional(Id),
    status: Type.Optional(Type.Array(MeasureStatusSchema, { maxItems: 4 })),
    overdue: Type.Optional(Type.Boolean()),
    warningLevel: Type.Optional(
      Type.Union(WARNING_LEVELS.map((l) => Type.Literal(l)), {
        description:
          '三色预警: the measures at this warning level today, by the rule the time summary counts with (round thresholds; dated measures by their deadline, long-term ones by their next check-in), so each level figure and this list agree',
      }),
    ),
    leaderId: Type.Optional(Id),
    departmentId: Type.Optional(Id),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    sort: Type.Optional(
      Type.Union([Type.Literal('position'), Type.Literal('deadline'), Type.Literal('updatedAt')], {
        description: 'position: round, category, problem, measure order (default); deadline: undated last in either direction; updatedAt: last changed',
      }),
    ),
    direction: Type.Optional(SortDirection),
    ...KeysetQuery,
  },
  { additionalProperties: false },
);
export type MeasureQuery = Static<typeof MeasureQuery>;

export const MeasurePage = KeysetPage(MeasureListItem);
export type MeasurePage = Static<typeof MeasurePage>;

/** 批量设置: the same values on many measures, each with the version the client read. */
export const MeasureBulkUpdate = Type.Object(
  {
    measures: Type.Array(Type.Object({ id: Id, version: Version }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }),
    set: Type.Object(
      {
        leaderId: editable.leaderId,
        leadDepartmentId: editable.leadDepartmentId,
        coDepartmentIds: editable.coDepartmentIds,
        deadline: editable.deadline,
        kind: editable.kind,
      },
      { additionalProperties: false, minProperties: 1 },
    ),
  },
  { additionalProperties: false },
);
export type MeasureBulkUpdate = Static<typeof MeasureBulkUpdate>;

/** What a bulk change did, measure by measure: changed (which fields), already so, or refused and why. */
export const MeasureBulkResult = Type.Object({
  changed: Type.Array(Type.Object({ id: Id, version: Version, fields: Type.Array(Type.String()) })),
  unchanged: Type.Array(Id),
  failed: Type.Array(
    Type.Object({
      id: Id,
      /** VERSION_CONFLICT (someone changed it since it was read), MEASURE_LOCKED, FORBIDDEN, NOT_FOUND, INVALID_REFERENCE… */
      code: Type.String(),
      message: Type.String(),
      currentVersion: Type.Optional(Version),
    }),
  ),
});
export type MeasureBulkResult = Static<typeof MeasureBulkResult>;
