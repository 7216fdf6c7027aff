import { createHash, randomBytes } from 'node:crypto';
import type { Db, Prisma } from '@rectify/db';
import { toRole, type CurrentUser } from '@rectify/domain';
import type { Clock } from '../../lib/clock.js';
import type { RequestActor } from '../../lib/actor.js';

export const SESSION_COOKIE = 'rectify_session';
/** Idle expiry: a session unused for 7 days ends; each use (at most hourly) extends it. */
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
/** Absolute expiry: whatever the use, a session ends 30 days after sign-in. */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600 * 1000;
const TOUCH_EVERY_MS = 3600 * 1000;

/** The database keeps only the token's sha256: a leaked copy of the table lets nobody in. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface SessionLookup {
  actor: RequestActor;
  /** Set when the session was extended: the cookie should be sent again with the new lifetime. */
  refreshed: boolean;
}

/** How long a looked-up actor is reused without asking the database again (real time, not the clock). */
export const ACTOR_CACHE_MS = 3000;
const ACTOR_CACHE_MAX = 10_000;

/** One indexed lookup (Session's primary key) with the account and its person joined in. */
const sessionSelect = {
  userId: true,
  expiresAt: true,
  createdAt: true,
  lastSeenAt: true,
  user: { select: { id: true, username: true, role: true, active: true, organizationId: true, person: { select: { id: true, departmentId: true } } } },
} as const satisfies Prisma.SessionSelect;

/**
 * Sessions in the database, and a few seconds' memory of who holds each: a page that fires ten
 * requests at once costs one lookup, not ten. The memory is forgotten at once when a session ends
 * here (sign-out, password change or reset, deactivation, role change); another instance forgets
 * it at most ACTOR_CACHE_MS later.
 */
export function createSessionStore({ db, clock, cacheMs = ACTOR_CACHE_MS }: { db: Db; clock: Clock; cacheMs?: number }) {
  const cache = new Map<string, { actor: RequestActor; until: number; expiresAt: Date; me?: CurrentUser }>();
  const forgetUser = (userId: number) => {
    for (const [id, entry] of cache) if (entry.actor.userId === userId) cache.delete(id);
  };
  return {
    /** Forgets what is remembered of an account's sessions (its role or person changed). */
    forgetUser,

    async create(userId: number): Promise<{ token: string; expiresAt: Date }> {
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
      await db.session.create({ data: { id: hashToken(token), userId, expiresAt, createdAt: now, lastSeenAt: now } });
      return { token, expiresAt };
    },

    async lookup(token: string | undefined): Promise<SessionLookup | null> {
      if (!token || token.length > 200) return null;
      const id = hashToken(token);
      const now = clock.now();
      const cached = cache.get(id);
      if (cached && cached.until > performance.now() && cached.expiresAt > now) return { actor: cached.actor, refreshed: false };
      cache.delete(id);
      const session = await db.session.findUnique({ where: { id }, select: sessionSelect });
      if (!session) return null;
      if (session.expiresAt <= now || !session.user.active) {
        await db.session.deleteMany({ where: { id } });
        return null;
      }
      let refreshed = false;
      if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
        const cap = session.createdAt.getTime() + SESSION_ABSOLUTE_MS;
        const expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, cap));
        await db.session.updateMany({ where: { id }, data: { lastSeenAt: now, expiresAt } });
        refreshed = true;
      }
      const { user } = session;
      const actor: RequestActor = {
        userId: user.id,
        username: user.username,
        role: toRole(user.role),
        personId: user.person?.id ?? null,
        departmentId: user.person?.departmentId ?? null,
        organizationId: user.organizationId,
        sessionId: id,
        // The audit log dates what this account does by the app's (injected) clock.
        clock,
      };
      if (cacheMs > 0) {
        if (cache.size >= ACTOR_CACHE_MAX) cache.clear();
        cache.set(id, { actor, until: performance.now() + cacheMs, expiresAt: session.expiresAt });
      }
      return { refreshed, actor };
    },

    /**
     * The account as GET /api/auth/me answers it, remembered with the session's actor for as long
     * as that is (at most `cacheMs`, forgotten with it): a page asks for it on every load, and the
     * account's query with its person, department and unit was most of that request's cost.
     */
    async currentUser(sessionId: string, load: () => Promise<CurrentUser>): Promise<CurrentUser> {
      const entry = cache.get(sessionId);
      if (entry?.me && entry.until > performance.now()) return entry.me;
      const me = await load();
      if (entry && cache.get(sessionId) === entry) entry.me = me;
      return me;
    },

    async remove(sessionId: string): Promise<void> {
      cache.delete(sessionId);
      await db.session.deleteMany({ where: { id: sessionId } });
    },

    /** Ends every session of an account (password reset, deactivation), but the one given. */
    async removeAllOf(userId: number, exceptSessionId?: string): Promise<void> {
      forgetUser(userId);
      await db.session.deleteMany({ where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) } });
    },

    async purgeExpired(): Promise<number> {
      const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: clock.now() } } });
      return count;
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
