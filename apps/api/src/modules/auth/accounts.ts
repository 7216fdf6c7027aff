import { accessOf, type CurrentUser, type Role, type UserAccount } from '@rectify/domain';

/** What the account queries select, and how an account row becomes the API's shapes. */
export const accountInclude = {
  person: { select: { id: true, name: true, title: true, department: { select: { id: true, name: true } } } },
  organization: { select: { id: true, name: true, kind: true } },
  roundAccess: { select: { roundId: true }, orderBy: { roundId: 'asc' } },
} as const;

export interface AccountRow {
  id: number;
  username: string;
  role: string;
  email: string | null;
  active: boolean;
  lastLoginAt: Date | null;
  demo: boolean;
  version: number;
  createdAt: Date;
  person: { id: number; name: string; title: string | null; department: { id: number; name: string } | null } | null;
  organization: { id: number; name: string; kind: string } | null;
  roundAccess: { roundId: number }[];
}

export function toCurrentUser(row: AccountRow): CurrentUser {
  const role = row.role as Role;
  return {
    id: row.id,
    username: row.username,
    role,
    person: row.person,
    organization: row.organization ? { id: row.organization.id, name: row.organization.name } : null,
    email: row.email,
    access: accessOf(role),
  };
}

export function toUserAccount(row: AccountRow): UserAccount {
  return {
    id: row.id,
    username: row.username,
    role: row.role as Role,
    person: row.person,
    organization: row.organization ? { id: row.organization.id, name: row.organization.name } : null,
    roundIds: row.roundAccess.map((a) => a.roundId),
    email: row.email,
    active: row.active,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    demo: row.demo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The fields of an account the audit log may show (never the password hash). */
export const auditedAccount = (row: { username: string; role: string; personId: number | null; organizationId: number | null; email: string | null; active: boolean; version: number }, roundIds?: number[]) => ({
  username: row.username,
  role: row.role,
  personId: row.personId,
  organizationId: row.organizationId,
  ...(roundIds ? { roundIds } : {}),
  email: row.email,
  active: row.active,
  version: row.version,
});

export const normaliseUsername = (username: string) => username.trim().toLowerCase();
