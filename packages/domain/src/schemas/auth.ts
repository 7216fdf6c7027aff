import { Type, type Static } from '@sinclair/typebox';
import { ROLES } from '../enums.js';
import { ACCESS_LEVELS } from '../policy.js';
import { Id, Nullable, Ref, Timestamp, Version } from './common.js';

export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));
export const AccessSchema = Type.Union(ACCESS_LEVELS.map((a) => Type.Literal(a)));

export const Username = Type.String({
  minLength: 2,
  maxLength: 50,
  pattern: '^[A-Za-z0-9._@-]+$',
  description: 'letters, digits, . _ - @; compared case-insensitively',
});
export const NewPassword = Type.String({ minLength: 8, maxLength: 200 });

/** The person an account stands for, with the department that makes them an owner of measures. */
export const AccountPerson = Type.Object({ id: Id, name: Type.String(), title: Nullable(Type.String()), department: Nullable(Ref) });

/** The signed-in account, as GET /api/auth/me and the login answer give it. */
export const CurrentUser = Type.Object({
  id: Id,
  username: Type.String(),
  role: RoleSchema,
  person: Nullable(AccountPerson),
  /** The unit (or 巡察办) the account works for. */
  organization: Nullable(Ref),
  email: Nullable(Type.String()),
  /** The access levels this role may attempt (policy.ts): show or hide menus by it. */
  access: Type.Array(AccessSchema),
});
export type CurrentUser = Static<typeof CurrentUser>;
export const SessionAnswer = Type.Object({ user: CurrentUser });
export type SessionAnswer = Static<typeof SessionAnswer>;

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const PasswordChange = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: NewPassword },
  { additionalProperties: false },
);
export type PasswordChange = Static<typeof PasswordChange>;

export const PasswordReset = Type.Object({ newPassword: NewPassword }, { additionalProperties: false });
export type PasswordReset = Static<typeof PasswordReset>;

/** An account as the admin page lists it (never its password hash). */
export const UserAccount = Type.Object({
  id: Id,
  username: Type.String(),
  role: RoleSchema,
  person: Nullable(AccountPerson),
  /** The unit (or 巡察办) the account works for: a unit account sees that unit's rounds only. */
  organization: Nullable(Ref),
  /** For an inspection team's account: the rounds it is given (it sees no others). */
  roundIds: Type.Array(Id),
  email: Nullable(Type.String()),
  active: Type.Boolean(),
  lastLoginAt: Nullable(Timestamp),
  demo: Type.Boolean(),
  version: Version,
  createdAt: Timestamp,
});
export type UserAccount = Static<typeof UserAccount>;

const Email = Type.String({ format: 'email', maxLength: 200 });

export const UserCreate = Type.Object(
  {
    username: Username,
    password: NewPassword,
    role: RoleSchema,
    personId: Type.Optional(Nullable(Id)),
    /** Defaults to the person's organisation. */
    organizationId: Type.Optional(Nullable(Id)),
    roundIds: Type.Optional(Type.Array(Id, { maxItems: 500, uniqueItems: true })),
    email: Type.Optional(Nullable(Email)),
  },
  { additionalProperties: false },
);
export type UserCreate = Static<typeof UserCreate>;

export const UserUpdate = Type.Object(
  {
    version: Version,
    role: Type.Optional(RoleSchema),
    personId: Type.Optional(Nullable(Id)),
    organizationId: Type.Optional(Nullable(Id)),
    /** Replaces the rounds an inspection team's account is given. */
    roundIds: Type.Optional(Type.Array(Id, { maxItems: 500, uniqueItems: true })),
    email: Type.Optional(Nullable(Email)),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UserUpdate = Static<typeof UserUpdate>;

export const Ok = Type.Object({ ok: Type.Boolean() });
