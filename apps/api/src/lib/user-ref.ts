import type { Role, UserRef } from '@rectify/domain';

/** How queries select an account that did something, and how it becomes a UserRef. */
export const userRefSelect = { select: { id: true, username: true, role: true, person: { select: { name: true } } } } as const;

export function toUserRef(u: { id: number; username: string; role?: string; person: { name: string } | null } | null): UserRef | null {
  return u ? { id: u.id, username: u.username, name: u.person?.name ?? null, ...(u.role ? { role: u.role as Role } : {}) } : null;
}
