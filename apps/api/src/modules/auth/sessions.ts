import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@rectify/db';
import type { Role } from '@rectify/domain';
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

export function createSessionStore({ db, clock }: { db: Db; clock: Clock }) {
  return {
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
      const session = await db.session.findUnique({
        where: { id },
        include: { user: { include: { person: { select: { id: true, departmentId: true } } } } },
      });
      const now = clock.now();
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
      return {
        refreshed,
        actor: {
          userId: user.id,
          username: user.username,
          role: user.role as Role,
          personId: user.person?.id ?? null,
          departmentId: user.person?.departmentId ?? null,
          sessionId: id,
        },
      };
    },

    async remove(sessionId: string): Promise<void> {
      await db.session.deleteMany({ where: { id: sessionId } });
    },

    /** Ends every session of an account (password reset, deactivation), but the one given. */
    async removeAllOf(userId: number, exceptSessionId?: string): Promise<void> {
      await db.session.deleteMany({ where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) } });
    },

    async purgeExpired(): Promise<number> {
      const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: clock.now() } } });
      return count;
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
