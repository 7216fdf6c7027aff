import type { UserRef } from '@rectify/domain';

/** How queries select an account that did something, and how it becomes a UserRef. */
export const userRefSelect = { select: { id: true, username: true, person: { select: { name: true } } } } as const;

export function toUserRef(u: { id: number; username: string; person: { name: string } | null } | null): UserRef | null {
  return u ? { id: u.id, username: u.username, name: u.person?.name ?? null } : null;
}
