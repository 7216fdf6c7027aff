import type { CurrentUser, LoginBody, PasswordChange } from '@rectify/domain';
import type { Db } from '@rectify/db';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import type { PasswordHasher } from '../../lib/passwords.js';
import type { LoginThrottle } from '../../lib/login-throttle.js';
import type { RequestActor } from '../../lib/actor.js';
import { audit } from '../../lib/audit.js';
import { accountInclude, normaliseUsername, toCurrentUser } from './accounts.js';
import type { SessionStore } from './sessions.js';

export interface AuthServiceDeps {
  db: Db;
  clock: Clock;
  hasher: PasswordHasher;
  sessions: SessionStore;
  throttle: LoginThrottle;
  /** Extra wait after a failed sign-in, to slow guessing down. */
  failureDelayMs: number;
}

const wait = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

export function createAuthService({ db, clock, hasher, sessions, throttle, failureDelayMs }: AuthServiceDeps) {
  // Unknown usernames are checked against this hash too, so a wrong name and a wrong password take
  // the same time.
  const decoy = hasher.hash('decoy password, never valid');

  return {
    /** Signs in; the same 401 for an unknown name, a wrong password and a deactivated account. */
    async login({ username, password }: LoginBody, ip: string): Promise<{ user: CurrentUser; token: string }> {
      const name = normaliseUsername(username);
      const key = `${name}|${ip}`;
      const retry = throttle.retryAfter(key);
      if (retry > 0) throw new AppError(429, 'TOO_MANY_ATTEMPTS', { retryAfterSeconds: Math.ceil(retry / 1000) });
      const row = await db.user.findUnique({ where: { username: name }, include: accountInclude });
      const ok = row ? await hasher.verify(password, row.passwordHash) : (await hasher.verify(password, await decoy), false);
      if (!row || !ok || !row.active) {
        throttle.fail(key);
        await wait(failureDelayMs);
        throw new AppError(401, 'INVALID_CREDENTIALS');
      }
      throttle.succeed(key);
      const { token } = await sessions.create(row.id);
      await db.user.update({ where: { id: row.id }, data: { lastLoginAt: clock.now() } });
      return { user: toCurrentUser(row), token };
    },

    async me(actor: RequestActor): Promise<CurrentUser> {
      const row = await db.user.findUnique({ where: { id: actor.userId }, include: accountInclude });
      if (!row) throw new AppError(401, 'UNAUTHORIZED');
      return toCurrentUser(row);
    },

    /** Changes one's own password; every other session of the account ends. */
    async changePassword(actor: RequestActor, { currentPassword, newPassword }: PasswordChange): Promise<void> {
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
      await sessions.removeAllOf(actor.userId, actor.sessionId);
    },
  };
}
