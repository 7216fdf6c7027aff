import { Type, type Static } from '@sinclair/typebox';
import { POSTPONEMENT_STATES } from '../enums.js';
import { Id, IsoDate, Nullable, Timestamp, Version } from './common.js';
import { UserRef } from './closure.js';

export const PostponementStateSchema = Type.Union(POSTPONEMENT_STATES.map((s) => Type.Literal(s)));

const Reason = Type.String({ minLength: 1, maxLength: 2_000 });

/** 延期申请 and its decision. */
export const Postponement = Type.Object({
  id: Id,
  measureId: Id,
  /** The deadline when it was asked for. */
  previousDeadline: Nullable(IsoDate),
  requestedDeadline: IsoDate,
  reason: Type.String(),
  state: PostponementStateSchema,
  requestedAt: Timestamp,
  requestedBy: Nullable(UserRef),
  reviewedAt: Nullable(Timestamp),
  reviewedBy: Nullable(UserRef),
  /** The office's reason (required when refused). */
  reviewReason: Nullable(Type.String()),
  version: Version,
});
export type Postponement = Static<typeof Postponement>;

export const PostponementCreate = Type.Object({ requestedDeadline: IsoDate, reason: Reason }, { additionalProperties: false });
export type PostponementCreate = Static<typeof PostponementCreate>;

export const PostponementApprove = Type.Object(
  { version: Type.Optional(Version), reason: Type.Optional(Type.String({ maxLength: 2_000 })) },
  { additionalProperties: false },
);
export type PostponementApprove = Static<typeof PostponementApprove>;

export const PostponementRefuse = Type.Object({ version: Type.Optional(Version), reason: Reason }, { additionalProperties: false });
export type PostponementRefuse = Static<typeof PostponementRefuse>;

export const PostponementQuery = Type.Object(
  {
    state: Type.Optional(Type.Union([PostponementStateSchema, Type.Literal('all')], { default: 'pending' })),
    roundId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type PostponementQuery = Static<typeof PostponementQuery>;

/** The office's queue: each request with the measure it is about. */
export const PostponementQueueItem = Type.Composite([
  Postponement,
  Type.Object({
    measure: Type.Object({
      id: Id,
      text: Type.String(),
      deadline: Nullable(IsoDate),
      roundId: Id,
      leader: Nullable(Type.Object({ id: Id, name: Type.String() })),
      leadDepartment: Nullable(Type.Object({ id: Id, name: Type.String() })),
    }),
  }),
]);
export type PostponementQueueItem = Static<typeof PostponementQueueItem>;
