import type { CurrentUser, LoginBody, PasswordChange } from '@rectify/domain';
import type { Db } from '@rectify/db';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import type { PasswordHasher } from '../../lib/passwords.js';
import { takeAttempt, type RateLimit, type RateLimiter } from '../../lib/rate-limit.js';
import type { RequestActor } from '../../lib/actor.js';
import { audit } from '../../lib/audit.js';
import { accountInclude, normaliseUsername, toCurrentUser } from './accounts.js';
import type { SessionStore } from './sessions.js';

export interface AuthServiceDeps {
  db: Db;
  clock: Clock;
  hasher: PasswordHasher;
  sessions: SessionStore;
  limiter: RateLimiter;
  /** Extra wait after a failed sign-in, to slow guessing down. */
  failureDelayMs: number;
}

const wait = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

/**
 * Five attempts per account and address in 15 minutes, counted BEFORE the password is checked
 * (so a hundred parallel guesses get five checks, not a hundred); a success clears the count.
 */
export const SIGN_IN_LIMIT: RateLimit = { max: 5, windowMs: 15 * 60 * 1000 };

export function createAuthService({ db, clock, hasher, sessions, limiter, failureDelayMs }: AuthServiceDeps) {
  // Unknown usernames are checked against this hash too, so a wrong name and a wrong password take
  // the same time.
  const decoy = hasher.decoy();

  return {
    /** Signs in; the same 401 for an unknown name, a wrong password and a deactivated account. */
    async login({ username, password }: LoginBody, ip: string): Promise<{ user: CurrentUser; token: string }> {
      const name = normaliseUsername(username);
      const key = `login:${name}|${ip}`;
      await takeAttempt(limiter, key, SIGN_IN_LIMIT, 'TOO_MANY_ATTEMPTS');
      const row = await db.user.findUnique({ where: { username: name }, include: accountInclude });
      const ok = row ? await hasher.verify(password, row.passwordHash) : (await hasher.verify(password, decoy), false);
      if (!row || !ok || !row.active) {
        await wait(failureDelayMs);
        throw new AppError(401, 'INVALID_CREDENTIALS');
      }
      await limiter.reset(key);
      const { token } = await sessions.create(row.id);
      await db.user.update({ where: { id: row.id }, data: { lastLoginAt: clock.now() } });
      return { user: toCurrentUser(row), token };
    },

    me(actor: RequestActor): Promise<CurrentUser> {
      return sessions.currentUser(actor.sessionId, async () => {
        const row = await db.user.findUnique({ where: { id: actor.userId }, include: accountInclude });
        if (!row) throw new AppError(401, 'UNAUTHORIZED');
        return toCurrentUser(row);
      });
    },

    /** Changes one's own password; every other session of the account ends. */
    async changePassword(actor: RequestActor, { currentPassword, newPassword }: PasswordChange, ip: string): Promise<void> {
      // The same brake as signing in: a stolen session must not become a password oracle.
      const key = `password:${actor.userId}|${ip}`;
      await takeAttempt(limiter, key, SIGN_IN_LIMIT, 'TOO_MANY_ATTEMPTS');
      const row = await db.user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true } });
      if (!row) throw new AppError(401, 'UNAUTHORIZED');
      if (!(await hasher.verify(currentPassword, row.passwordHash))) {
        await wait(failureDelayMs);
        throw new AppError(400, 'WRONG_PASSWORD', [{ field: 'currentPassword', rule: 'wrong' }]);
      }
      const passwordHash = await hasher.hash(newPassword);
      await db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: actor.userId }, data: { passwordHash, version: { increment: 1 } } });
        await audit(tx, actor, 'user', actor.userId, 'password_change', null, null);
      });
      await limiter.reset(key);
      await sessions.removeAllOf(actor.userId, actor.sessionId);
    },
  };
}
