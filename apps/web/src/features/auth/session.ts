import type { Access, CurrentUser } from '@rectify/domain';

export const LOGIN_PATH = '/login';

/**
 * Where sign-in should send the user back to: only a path of this app (starting with one "/", not
 * "//" or a scheme, which would leave the site) and never the sign-in page itself (no loop).
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  const path = next.split(/[?#]/)[0] ?? '';
  if (path === LOGIN_PATH || path.startsWith(`${LOGIN_PATH}/`)) return '/';
  return next;
}

/** The sign-in page, remembering where the user was going (nothing for the start page). */
export function loginPath(location: { pathname: string; search?: string; hash?: string }): string {
  const target = `${location.pathname}${location.search ?? ''}${location.hash ?? ''}`;
  const next = safeNext(target);
  return next === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`;
}

export type GuardDecision = { kind: 'wait' } | { kind: 'error' } | { kind: 'redirect'; to: string } | { kind: 'render' };

/**
 * What the route guard does, from the state of GET /api/auth/me: `null` means signed out (401).
 */
export function guardDecision(
  state: { isPending: boolean; isError: boolean; data: CurrentUser | null | undefined },
  location: { pathname: string; search?: string; hash?: string },
): GuardDecision {
  if (state.data) return { kind: 'render' };
  if (state.data === null) return { kind: 'redirect', to: loginPath(location) };
  if (state.isError) return { kind: 'error' };
  return { kind: 'wait' };
}

export const hasAccess = (user: Pick<CurrentUser, 'access'> | null | undefined, access: Access): boolean =>
  !!user && user.access.includes(access);

/** 我的任务 makes sense for accounts that may report progress and stand for a person. */
export const hasTasks = (user: Pick<CurrentUser, 'access' | 'person'> | null | undefined): boolean =>
  hasAccess(user, 'measure.progress') && !!user?.person;
