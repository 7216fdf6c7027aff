import { Type, type Static } from '@sinclair/typebox';
import { MEETING_TYPES } from '../enums.js';
import { IsoDate, LongText, Name, Nullable, Title } from './common.js';

const Opt = Type.Optional;
const MeetingTypeSchema = Type.Union(MEETING_TYPES.map((t) => Type.Literal(t)));

/** What the text parser found in a pasted report or feedback text, for the office to review. */
export const TextImportPreviewSchema = Type.Object({
  round: Type.Object({
    issuingUnit: Opt(Type.String()),
    title: Opt(Type.String()),
    committee: Opt(Type.String()),
    roundName: Opt(Type.String()),
    groupName: Opt(Type.String()),
    inspectedUnit: Opt(Type.String()),
    inspectionStart: Opt(Type.String()),
    inspectionEnd: Opt(Type.String()),
    feedbackDate: Opt(Type.String()),
    reportDate: Opt(Type.String()),
    opening: Opt(Type.String()),
    nextSteps: Opt(Type.String()),
    contact: Opt(Type.String()),
  }),
  categories: Type.Array(
    Type.Object({
      ordinal: Type.Integer(),
      title: Type.String(),
      line: Type.Integer(),
      problems: Type.Array(
        Type.Object({
          ordinal: Type.Integer(),
          numbered: Type.Boolean(),
          title: Type.String(),
          line: Type.Integer(),
          // line: where in the source text the item was read, so the review can show it.
          manifestations: Type.Array(Type.Object({ ordinal: Type.Integer(), text: Type.String(), line: Type.Integer() })),
          measures: Type.Array(Type.Object({ ordinal: Type.Integer(), text: Type.String(), line: Type.Integer() })),
        }),
      ),
    }),
  ),
  declared: Type.Object({
    problems: Opt(Type.Integer()),
    manifestations: Opt(Type.Integer()),
    measures: Opt(Type.Integer()),
    /** Measures completed / remaining. */
    closed: Opt(Type.Integer()),
    remaining: Opt(Type.Integer()),
    /** Problems completed / remaining, kept apart from the measures. */
    problemsClosed: Opt(Type.Integer()),
    problemsRemaining: Opt(Type.Integer()),
    inProgress: Opt(Type.Integer()),
    longTerm: Opt(Type.Integer()),
    /** 追回资金, in 万元. */
    fundsRecovered: Opt(Type.Number()),
    accountable: Opt(Type.Integer()),
    regulations: Opt(Type.Integer()),
    meetings: Opt(Type.Array(Type.Object({ type: MeetingTypeSchema, count: Type.Integer() }))),
  }),
  regulations: Type.Array(Type.String()),
  warnings: Type.Array(Type.Object({ line: Type.Integer(), message: Type.String(), messageEn: Type.String() })),
});
export type TextImportPreviewResult = Static<typeof TextImportPreviewSchema>;

export const TextImportRequest = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 2_000_000 }) },
  { additionalProperties: false },
);

/** The hierarchy as the office corrected it in the browser; confirming creates a new round. */
export const TextImportConfirm = Type.Object(
  {
    round: Type.Object(
      {
        committee: Title,
        roundName: Name,
        groupName: Name,
        inspectedUnit: Title,
        inspectionStart: Opt(Nullable(IsoDate)),
        inspectionEnd: Opt(Nullable(IsoDate)),
        feedbackDate: Opt(Nullable(IsoDate)),
        rectificationDeadline: Opt(Nullable(IsoDate)),
        reportDate: Opt(Nullable(IsoDate)),
        opening: Opt(Nullable(Type.String({ maxLength: 5000 }))),
        nextSteps: Opt(Nullable(Type.String({ maxLength: 20_000 }))),
        contact: Opt(Nullable(Type.String({ maxLength: 2000 }))),
      },
      { additionalProperties: false },
    ),
    categories: Type.Array(
      Type.Object(
        {
          title: Title,
          problems: Type.Array(
            Type.Object(
              {
                title: Title,
                manifestations: Opt(Type.Array(LongText, { maxItems: 500 })),
                measures: Type.Array(LongText, { maxItems: 500 }),
              },
              { additionalProperties: false },
            ),
            { maxItems: 500 },
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
    regulations: Opt(Type.Array(Title, { maxItems: 500 })),
    /** The meetings the text counts by type (召开党组会2次): one register row each, dated and described later. */
    meetings: Opt(
      Type.Array(
        Type.Object({ type: MeetingTypeSchema, count: Type.Integer({ minimum: 1, maximum: 100 }) }, { additionalProperties: false }),
        { maxItems: MEETING_TYPES.length },
      ),
    ),
  },
  { additionalProperties: false },
);
export type TextImportConfirm = Static<typeof TextImportConfirm>;
