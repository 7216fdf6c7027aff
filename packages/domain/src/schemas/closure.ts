import { Type, type Static } from '@sinclair/typebox';
import { CLOSURE_STATES, ROLES } from '../enums.js';
import { Id, Nullable, Timestamp, Version } from './common.js';

/** Who did something: the account, and its person's name when it has one. */
export const UserRef = Type.Object({
  id: Id,
  username: Type.String(),
  /** The person the account stands for. */
  name: Nullable(Type.String()),
  /** So an account without a person still reads as "整改办公室", not as its username. */
  role: Type.Optional(Type.Union(ROLES.map((r) => Type.Literal(r)))),
});
export type UserRef = Static<typeof UserRef>;

export const ClosureStateSchema = Type.Union(CLOSURE_STATES.map((s) => Type.Literal(s)));

/** 申请销号 and its decision. */
export const ClosureRequest = Type.Object({
  id: Id,
  measureId: Id,
  summary: Type.String(),
  state: ClosureStateSchema,
  /** Why it was rejected. */
  reason: Nullable(Type.String()),
  requestedAt: Timestamp,
  requestedBy: Nullable(UserRef),
  decidedAt: Nullable(Timestamp),
  decidedBy: Nullable(UserRef),
  reopenedAt: Nullable(Timestamp),
  reopenedBy: Nullable(UserRef),
  reopenReason: Nullable(Type.String()),
  version: Version,
});
export type ClosureRequest = Static<typeof ClosureRequest>;

