import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { LEADING_GROUP_ROLES, MEETING_TYPES, REPORT_STATES } from '../enums.js';
import { INT32_MAX, Id, IsoDate, KeysetPage, KeysetQuery, Name, Nullable, Ordinal, Ref, SortDirection, Title, Version } from './common.js';
import { RatingCounts } from './public-supervision.js';
import { MeasureItem } from './measure.js';

const Count = Type.Integer({ minimum: 0, maximum: INT32_MAX });

export const ProgressCountsSchema = Type.Object({
  total: Count,
  closed: Count,
  inProgress: Count,
  notStarted: Count,
  pendingClosure: Count,
  overdue: Count,
});

/** An inspection round (巡察轮次): who inspected whom, when, and the dates of its rectification. */
export const Round = Type.Object({
  id: Id,
  title: Type.String({ description: 'e.g. 中共城中区十一届委员会第三轮巡察第一巡察组' }),
  committee: Type.String(),
  roundName: Type.String(),
  groupName: Type.String(),
  inspectedUnit: Ref,
  inspectionStart: Nullable(IsoDate),
  inspectionEnd: Nullable(IsoDate),
  feedbackDate: Nullable(IsoDate),
  rectificationDeadline: Nullable(IsoDate),
  reportDate: Nullable(IsoDate),
  /** The rectification report's way to the 巡察办: draft | submitted | accepted | returned. */
  reportState: Type.Union(REPORT_STATES.map((s) => Type.Literal(s))),
  demo: Type.Boolean(),
  version: Version,
});
export type Round = Static<typeof Round>;

export const RoundWithTotals = Type.Composite([
  Round,
  Type.Object({
    totals: Type.Composite([
      Type.Object({ categories: Count, problems: Count, manifestations: Count, measures: Count }),
      ProgressCountsSchema,
    ]),
  }),
]);
export type RoundWithTotals = Static<typeof RoundWithTotals>;

/** The round list: by id (oldest first unless `direction=desc`), a page at a time. */
export const RoundQuery = Type.Object({ ...KeysetQuery, direction: Type.Optional(SortDirection) }, { additionalProperties: false });
export type RoundQuery = Static<typeof RoundQuery>;
export const RoundPage = KeysetPage(RoundWithTotals);
export type RoundPage = Static<typeof RoundPage>;

/** The round people mean by "the current round" (see currentRoundOf), or null when there is none. */
export const CurrentRound = Type.Object({ round: Nullable(RoundWithTotals) });
export type CurrentRound = Static<typeof CurrentRound>;

const roundFields = {
  committee: Title,
  roundName: Name,
  groupName: Name,
  inspectionStart: Type.Optional(Nullable(IsoDate)),
  inspectionEnd: Type.Optional(Nullable(IsoDate)),
  feedbackDate: Type.Optional(Nullable(IsoDate)),
  rectificationDeadline: Type.Optional(Nullable(IsoDate)),
  reportDate: Type.Optional(Nullable(IsoDate)),
  /** 三色预警 thresholds (defaults 20 and 10 days, 20 points behind schedule). */
  warnDueSoonDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  warnVerySoonDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  behindScheduleMargin: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
};
export const RoundCreate = Type.Object(
  { ...roundFields, inspectedUnitId: Id },
  { additionalProperties: false },
);
export type RoundCreate = Static<typeof RoundCreate>;
export const RoundUpdate = Type.Object(
  { version: Version, ...Type.Partial(Type.Object(roundFields)).properties },
  { additionalProperties: false },
);
export type RoundUpdate = Static<typeof RoundUpdate>;

export const Totals = Type.Composite([
  Type.Object({ categories: Count, problems: Count, manifestations: Count, measures: Count }),
  Type.Object({ closed: Count, inProgress: Count, notStarted: Count, pendingClosure: Count, overdue: Count }),
]);

const bucket = <T extends TProperties>(key: T) =>
  Type.Composite([Type.Object(key), ProgressCountsSchema]);

export const OverdueMeasure = Type.Object({
  id: Id,
  text: Type.String(),
  deadline: IsoDate,
  daysOverdue: Count,
  status: Type.String(),
  leader: Nullable(Ref),
  leadDepartment: Nullable(Ref),
  category: Type.Object({ id: Id, ordinal: Ordinal, title: Type.String() }),
  problem: Type.Object({ id: Id, ordinal: Ordinal, title: Type.String() }),
});
export type OverdueMeasure = Static<typeof OverdueMeasure>;

/**
 * The summary lists this many overdue measures, longest overdue first; `totals.overdue` counts them
 * all and the measure list (`overdue=true`) pages through the rest. A round with hundreds overdue
 * would otherwise send (and the dashboard render) every one of them.
 */
export const SUMMARY_OVERDUE_LIMIT = 10;

export const RoundSummary = Type.Object({
  roundId: Id,
  today: IsoDate,
  totals: Totals,
  byCategory: Type.Array(bucket({ categoryId: Id, ordinal: Ordinal, title: Type.String() })),
  byLeader: Type.Array(bucket({ leaderId: Nullable(Id), name: Type.String() })),
  byDepartment: Type.Array(bucket({ departmentId: Nullable(Id), name: Type.String() }), {
    description: 'By lead department (牵头科室) only, so each measure counts once; the measure list filter by department also matches co-departments',
  }),
  overdue: Type.Array(OverdueMeasure, { maxItems: SUMMARY_OVERDUE_LIMIT, description: 'The longest overdue measures, at most SUMMARY_OVERDUE_LIMIT; totals.overdue counts all of them' }),
  /** 群众监督: the satisfaction ratings and opinions received on the round's public page. */
  ratings: RatingCounts,
});
export type RoundSummary = Static<typeof RoundSummary>;

/** The whole hierarchy of a round, as the tree page and the documents read it. */
export const ProblemNode = Type.Object({
  id: Id,
  ordinal: Ordinal,
  title: Type.String(),
  version: Version,
  counts: ProgressCountsSchema,
  rectified: Type.Boolean(),
  manifestations: Type.Array(
    Type.Object({ id: Id, ordinal: Ordinal, text: Type.String(), demo: Type.Boolean(), version: Version }),
  ),
  measures: Type.Array(MeasureItem),
});
export const CategoryNode = Type.Object({
  id: Id,
  ordinal: Ordinal,
  title: Type.String(),
  version: Version,
  counts: ProgressCountsSchema,
  rectified: Type.Boolean(),
  problems: Type.Array(ProblemNode),
});
export const RoundTree = Type.Object({
  round: Round,
  today: IsoDate,
  counts: ProgressCountsSchema,
  categories: Type.Array(CategoryNode),
});
export type RoundTree = Static<typeof RoundTree>;
export type CategoryNode = Static<typeof CategoryNode>;
export type ProblemNode = Static<typeof ProblemNode>;

/** A register row's file (the issued rule, the minutes), kept in the evidence store. */
export const RegisterFile = Type.Object({ fileName: Type.String(), mimeType: Type.String(), size: Type.Integer({ minimum: 0 }) });
export type RegisterFile = Static<typeof RegisterFile>;

/** 建章立制, meetings and the leading group: what section 一 of the report counts. */
export const Regulation = Type.Object({
  id: Id,
  roundId: Id,
  title: Type.String(),
  /** 文号 */
  documentNumber: Nullable(Type.String()),
  issuedDate: Nullable(IsoDate),
  /** 印发单位 */
  issuingUnit: Nullable(Type.String()),
  measureIds: Type.Array(Id),
  file: Nullable(RegisterFile),
  demo: Type.Boolean(),
  version: Version,
});
export type Regulation = Static<typeof Regulation>;
export const MeetingTypeSchema = Type.Union(MEETING_TYPES.map((t) => Type.Literal(t)));
export const Meeting = Type.Object({
  id: Id,
  roundId: Id,
  type: MeetingTypeSchema,
  date: Nullable(IsoDate),
  topic: Type.String(),
  /** 参会人员, as written */
  attendees: Nullable(Type.String()),
  /** 会议纪要 */
  file: Nullable(RegisterFile),
  demo: Type.Boolean(),
  version: Version,
});
export type Meeting = Static<typeof Meeting>;

const ShortText = Type.String({ maxLength: 200 });
export const RegulationCreate = Type.Object(
  {
    title: Title,
    documentNumber: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    issuedDate: Type.Optional(Nullable(IsoDate)),
    issuingUnit: Type.Optional(Nullable(ShortText)),
    measureIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
  },
  { additionalProperties: false },
);
export type RegulationCreate = Static<typeof RegulationCreate>;
export const RegulationUpdate = Type.Object(
  {
    version: Version,
    title: Type.Optional(Title),
    documentNumber: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    issuedDate: Type.Optional(Nullable(IsoDate)),
    issuingUnit: Type.Optional(Nullable(ShortText)),
    measureIds: Type.Optional(Type.Array(Id, { maxItems: 500 })),
    /** true: drop the attached file (the stored content stays for any other row naming it). */
    removeFile: Type.Optional(Type.Literal(true)),
  },
  { additionalProperties: false },
);
export type RegulationUpdate = Static<typeof RegulationUpdate>;
export const MeetingCreate = Type.Object(
  {
    type: MeetingTypeSchema,
    date: Type.Optional(Nullable(IsoDate)),
    topic: Title,
    attendees: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type MeetingCreate = Static<typeof MeetingCreate>;
export const MeetingUpdate = Type.Object(
  {
    version: Version,
    type: Type.Optional(MeetingTypeSchema),
    date: Type.Optional(Nullable(IsoDate)),
    topic: Type.Optional(Title),
    attendees: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    removeFile: Type.Optional(Type.Literal(true)),
  },
  { additionalProperties: false },
);
export type MeetingUpdate = Static<typeof MeetingUpdate>;
/** A file upload replacing a register row's file: the version read (a stale one gets 409). */
export const RegisterFileQuery = Type.Object({ version: Version }, { additionalProperties: false });
export type RegisterFileQuery = Static<typeof RegisterFileQuery>;

export const LeadingGroupMember = Type.Object({
  id: Id,
  person: Type.Object({ id: Id, name: Type.String(), title: Nullable(Type.String()) }),
  role: Type.Union(LEADING_GROUP_ROLES.map((r) => Type.Literal(r))),
  demo: Type.Boolean(),
  version: Version,
});
export type LeadingGroupMember = Static<typeof LeadingGroupMember>;
const LeadingGroupRoleSchema = Type.Union(LEADING_GROUP_ROLES.map((r) => Type.Literal(r)));
/** 整改工作领导小组: a person of the round's unit, as head (组长), deputy, member or the office (办公室). */
export const LeadingGroupCreate = Type.Object({ personId: Id, role: LeadingGroupRoleSchema }, { additionalProperties: false });
export type LeadingGroupCreate = Static<typeof LeadingGroupCreate>;
export const LeadingGroupUpdate = Type.Object({ version: Version, role: LeadingGroupRoleSchema }, { additionalProperties: false });
export type LeadingGroupUpdate = Static<typeof LeadingGroupUpdate>;
export const RoundRecords = Type.Object({
  regulations: Type.Array(Regulation),
  meetings: Type.Array(Meeting),
  leadingGroup: Type.Array(LeadingGroupMember),
});
export type RoundRecords = Static<typeof RoundRecords>;
