import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoDate, Nullable, Version } from './common.js';
import { MeasureQuery } from './measure.js';

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
export const LedgerQuery = Type.Omit(MeasureQuery, ['roundId', 'cursor', 'limit', 'sort', 'direction'], { additionalProperties: false });
export type LedgerQuery = Static<typeof LedgerQuery>;

const ImportIssue = Type.Object({ row: Type.Integer(), column: Type.String(), message: Type.String(), messageEn: Type.String() });

/** What importing a ledger would do (preview), or did (confirm). */
export const LedgerImportPlan = Type.Object({
  round: Type.Object({ id: Id, title: Type.String() }),
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
          measures: Type.Array(
            Type.Object({ rowNumber: Type.Integer(), text: Type.String(), action: Type.Union([Type.Literal('create'), Type.Literal('update')]) }),
          ),
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
    peopleCreated: Type.Array(Type.String()),
    departmentsCreated: Type.Array(Type.String()),
  }),
  errors: Type.Array(ImportIssue),
  warnings: Type.Array(ImportIssue),
});
export type LedgerImportPlan = Static<typeof LedgerImportPlan>;
