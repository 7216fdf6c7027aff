import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoDate, Nullable, Timestamp } from './common.js';

/**
 * A read-only link for the inspection team (巡察组): whoever holds the token sees one round's
 * dashboard, tree and downloads until it expires or is revoked, and nothing else.
 */
export const ShareLink = Type.Object({
  id: Id,
  roundId: Id,
  label: Type.String(),
  expiresAt: Timestamp,
  revokedAt: Nullable(Timestamp),
  createdBy: Type.Object({ id: Id, username: Type.String() }),
  createdAt: Timestamp,
  state: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
});
export type ShareLink = Static<typeof ShareLink>;

/** Only the answer to its creation carries the token; the database keeps its hash. */
export const CreatedShareLink = Type.Composite([ShareLink, Type.Object({ token: Type.String(), path: Type.String() })]);
export type CreatedShareLink = Static<typeof CreatedShareLink>;

export const ShareLinkCreate = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 100, description: '给谁的链接，如「区委第一巡察组」' }),
    expiresOn: IsoDate,
  },
  { additionalProperties: false },
);
export type ShareLinkCreate = Static<typeof ShareLinkCreate>;

export const ShareTokenParams = Type.Object({ token: Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false });
export type ShareTokenParams = Static<typeof ShareTokenParams>;
