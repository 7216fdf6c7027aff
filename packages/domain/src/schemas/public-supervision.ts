import { Type, type Static } from '@sinclair/typebox';
import { OPINION_STATUSES, SATISFACTION_RATINGS } from '../enums.js';
import { Id, INT32_MAX, KeysetPage, KeysetQuery, Nullable, Timestamp, Version } from './common.js';
import { UserRef } from './closure.js';

/**
 * 群众监督 (public supervision): a round's public page — the published report, a form for opinions
 * (意见建议) and an optional satisfaction rating (整改成效群众评判) — off by default, switched on by
 * the unit's office; reached without an account at /p/<token>.
 */

const Count = Type.Integer({ minimum: 0, maximum: INT32_MAX });

/** The limits of the public form (the schema enforces them; the web shows them). */
export const OPINION_LIMITS = { content: 2_000, name: 50, phone: 30 } as const;

export const SatisfactionRatingSchema = Type.Union(SATISFACTION_RATINGS.map((r) => Type.Literal(r)));
export const OpinionStatusSchema = Type.Union(OPINION_STATUSES.map((s) => Type.Literal(s)));

/** Ratings given on a round's public page, counted by the database (dashboard, programme view). */
export const RatingCounts = Type.Object({
  satisfied: Count,
  basicallySatisfied: Count,
  dissatisfied: Count,
  /** Every opinion received (with or without a rating). */
  opinions: Count,
});
export type RatingCounts = Static<typeof RatingCounts>;

/** The public page's address token: random, not guessable, in the URL path. */
export const PublicTokenParams = Type.Object({ token: Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });
export type PublicTokenParams = Static<typeof PublicTokenParams>;

/** The office's view of a round's public page. `token`/`path` are null until it was first switched on. */
export const PublicPageSettings = Type.Object({
  roundId: Id,
  enabled: Type.Boolean(),
  token: Nullable(Type.String()),
  /** The page's path in the web app (/p/<token>); the web prefixes its own origin for the QR code. */
  path: Nullable(Type.String()),
  title: Type.String(),
  unitName: Type.String(),
  ratings: RatingCounts,
  /** Opinions not handled yet. */
  newOpinions: Count,
  /** 0 before the page exists; send it back to switch. */
  version: Version,
});
export type PublicPageSettings = Static<typeof PublicPageSettings>;

export const PublicPageUpdate = Type.Object({ enabled: Type.Boolean(), version: Version }, { additionalProperties: false });
export type PublicPageUpdate = Static<typeof PublicPageUpdate>;

const ReportBlock = Type.Object({ kind: Type.Union([Type.Literal('heading1'), Type.Literal('heading2'), Type.Literal('heading3'), Type.Literal('body')]), text: Type.String() });

/** What the public page shows: the round, and the published report (整改情况通报) as text blocks. */
export const PublicView = Type.Object({
  title: Type.String(),
  unitName: Type.String(),
  report: Type.Object({
    header: Type.String(),
    title: Type.Array(Type.String()),
    paragraphs: Type.Array(ReportBlock),
    signature: Type.Object({ unit: Type.String(), date: Type.String() }),
  }),
  limits: Type.Object({ content: Type.Integer(), name: Type.Integer(), phone: Type.Integer() }),
});
export type PublicView = Static<typeof PublicView>;

/**
 * An opinion from the public form. `website` is a honeypot: a field people never see (hidden by the
 * page) that form-filling robots fill; a filled one is answered as a success and not stored.
 */
export const OpinionSubmit = Type.Object(
  {
    content: Type.String({ minLength: 1, maxLength: OPINION_LIMITS.content, pattern: '\\S' }),
    name: Type.Optional(Nullable(Type.String({ maxLength: OPINION_LIMITS.name }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: OPINION_LIMITS.phone, pattern: '^[0-9+()\\- ]*$' }))),
    rating: Type.Optional(Nullable(SatisfactionRatingSchema)),
    website: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type OpinionSubmit = Static<typeof OpinionSubmit>;

/** The answer to a submission: the same whether it was stored or caught by the honeypot. */
export const OpinionReceived = Type.Object({ received: Type.Literal(true) });
export type OpinionReceived = Static<typeof OpinionReceived>;

export const Opinion = Type.Object({
  id: Id,
  roundId: Id,
  roundTitle: Type.String(),
  unitName: Type.String(),
  content: Type.String(),
  name: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  rating: Nullable(SatisfactionRatingSchema),
  status: OpinionStatusSchema,
  note: Nullable(Type.String()),
  receivedAt: Timestamp,
  handledAt: Nullable(Timestamp),
  handledBy: Nullable(UserRef),
  version: Version,
});
export type Opinion = Static<typeof Opinion>;

/** The inbox: newest first, a keyset page; by round and status. */
export const OpinionQuery = Type.Object(
  { ...KeysetQuery, roundId: Type.Optional(Id), status: Type.Optional(OpinionStatusSchema) },
  { additionalProperties: false },
);
export type OpinionQuery = Static<typeof OpinionQuery>;
export const OpinionPage = KeysetPage(Opinion);
export type OpinionPage = Static<typeof OpinionPage>;

export const OpinionUpdate = Type.Object(
  { version: Version, status: Type.Optional(OpinionStatusSchema), note: Type.Optional(Nullable(Type.String({ maxLength: 2_000 }))) },
  { additionalProperties: false },
);
export type OpinionUpdate = Static<typeof OpinionUpdate>;
