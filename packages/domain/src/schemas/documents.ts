import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoDate, Nullable, Version } from './common.js';
import { CheckInCadenceSchema, MeasureKindSchema, MeasureQuery, MeasureStatusSchema } from './measure.js';

/** The parts of the published report (整改情况通报) the office writes; the rest is computed. */
export const ReportTexts = Type.Object({
  roundId: Id,
  opening: Nullable(Type.String()),
  nextSteps: Nullable(Type.String()),
  contact: Nullable(Type.String()),
  reportDate: Nullable(IsoDate),
  version: Version,
});
export type ReportTexts = Static<typeof ReportTexts>;

export const ReportTextsUpdate = Type.Object(
  {
    version: Version,
    opening: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    nextSteps: Type.Optional(Nullable(Type.String({ maxLength: 20_000 }))),
    contact: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    reportDate: Type.Optional(Nullable(IsoDate)),
  },
  { additionalProperties: false },
);
export type ReportTextsUpdate = Static<typeof ReportTextsUpdate>;

/** The measure list's filters, applied to the ledger export too (the round comes from the path). */
// The measure list's filters, the warning level included: the dashboard's export takes the list the page shows.
export const LedgerQuery = Type.Omit(MeasureQuery, ['roundId', 'cursor', 'limit', 'sort', 'direction'], { additionalProperties: false });
export type LedgerQuery = Static<typeof LedgerQuery>;

const ImportIssue = Type.Object({ row: Type.Integer(), column: Type.String(), message: Type.String(), messageEn: Type.String() });

/** A person or department named in a row, and whether the unit already has it. */
const PlanName = Type.Object({ name: Type.String(), exists: Type.Boolean() });

/** The values a ledger row writes, by name; `changes` lists those an update alters. */
export const LEDGER_PLAN_FIELDS = ['kind', 'deadline', 'leader', 'leadDepartment', 'coDepartments', 'status', 'completedDate', 'progressText', 'checkInCadence'] as const;
export const LedgerPlanField = Type.Union(LEDGER_PLAN_FIELDS.map((f) => Type.Literal(f)));
export type LedgerPlanField = Static<typeof LedgerPlanField>;

/**
 * One sheet row: what it matched (create / update an existing measure / locked: a closed measure
 * the import leaves alone) and every value it will write, so the office can check before applying.
 */
export const LedgerPlanMeasure = Type.Object({
  rowNumber: Type.Integer(),
  text: Type.String(),
  action: Type.Union([Type.Literal('create'), Type.Literal('update'), Type.Literal('locked')]),
  values: Type.Object({
    kind: MeasureKindSchema,
    deadline: Nullable(Type.String()),
    leader: Nullable(PlanName),
    leadDepartment: Nullable(PlanName),
    coDepartments: Type.Array(PlanName),
    status: MeasureStatusSchema,
    completedDate: Nullable(Type.String()),
    progressText: Nullable(Type.String()),
    /** 报送周期 of a long-term measure (from the sheet's column; the measure's own when the sheet has none). */
    checkInCadence: Nullable(CheckInCadenceSchema),
  }),
  /** The status the sheet's words suggest, the words, and the column they are in. */
  statusRead: Nullable(Type.Object({ status: MeasureStatusSchema, word: Type.String(), source: Type.Union([Type.Literal('status'), Type.Literal('progress')]) })),
  /**
   * Why the status written differs from the one read: a closure the office has not verified
   * (needs 对账销号, or the import ticked as verified), or a closed measure that stays locked.
   */
  held: Nullable(Type.Union([Type.Literal('needs_verification'), Type.Literal('locked')])),
  /**
   * For a row that updates a measure: the fields whose value changes, with the value they replace
   * (names and dates as text, kind and status as codes). Fields not listed keep their value.
   * Empty for new and locked rows.
   */
  changes: Type.Array(Type.Object({ field: LedgerPlanField, from: Nullable(Type.String()) })),
  /** The rules (建章立制) the row's progress text names (《…办法》), linked to its measure: existing in the round, or new. */
  regulations: Type.Array(PlanName),
});
export type LedgerPlanMeasure = Static<typeof LedgerPlanMeasure>;

/** What importing a ledger would do (preview), or did (confirm). */
export const LedgerImportPlan = Type.Object({
  round: Type.Object({ id: Id, title: Type.String() }),
  /** The office ticked "import statuses as verified": closures in the sheet are written as closed. */
  statusesVerified: Type.Boolean(),
  sheet: Type.String(),
  columns: Type.Record(Type.String(), Type.String()),
  categories: Type.Array(
    Type.Object({
      title: Type.String(),
      exists: Type.Boolean(),
      problems: Type.Array(
        Type.Object({
          title: Type.String(),
          exists: Type.Boolean(),
          manifestations: Type.Integer(),
          measures: Type.Array(LedgerPlanMeasure),
        }),
      ),
    }),
  ),
  counts: Type.Object({
    categories: Type.Integer(),
    problems: Type.Integer(),
    manifestations: Type.Integer(),
    measuresCreated: Type.Integer(),
    measuresUpdated: Type.Integer(),
    /** Rows of closed (locked) measures left as they are. */
    measuresLocked: Type.Integer(),
    /** Rows whose closure waits for the office's verification. */
    closuresHeld: Type.Integer(),
    peopleCreated: Type.Array(Type.String()),
    departmentsCreated: Type.Array(Type.String()),
    /** Rules (建章立制) the import registers in the round. */
    regulationsCreated: Type.Array(Type.String()),
  }),
  errors: Type.Array(ImportIssue),
  warnings: Type.Array(ImportIssue),
});
export type LedgerImportPlan = Static<typeof LedgerImportPlan>;
