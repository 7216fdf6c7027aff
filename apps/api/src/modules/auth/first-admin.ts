import type { Db } from '@rectify/db';
import { audit, systemActor } from '../../lib/audit.js';
import type { Clock } from '../../lib/clock.js';
import type { PasswordHasher } from '../../lib/passwords.js';
import { auditedAccount } from './accounts.js';

export type FirstAdminResult = { created: string } | { skipped: 'has-accounts' | 'no-password' | 'weak-password' };

/**
 * A new installation without the demo has no account, so nobody could sign in: with
 * RECTIFY_ADMIN_PASSWORD set, the first start creates the administrator (RECTIFY_ADMIN_USERNAME,
 * default `admin`), who then creates everyone else in 账号管理. Ignored once any account exists.
 */
export async function ensureFirstAdmin(db: Db, hasher: PasswordHasher, env: NodeJS.ProcessEnv, clock: Pick<Clock, 'now'>): Promise<FirstAdminResult> {
  if ((await db.user.count()) > 0) return { skipped: 'has-accounts' };
  const password = env.RECTIFY_ADMIN_PASSWORD;
  if (!password) return { skipped: 'no-password' };
  if (password.length < 8) return { skipped: 'weak-password' };
  const username = env.RECTIFY_ADMIN_USERNAME?.trim() || 'admin';
  const passwordHash = await hasher.hash(password);
  await db.$transaction(async (tx) => {
    const row = await tx.user.create({ data: { username, role: 'admin', passwordHash } });
    await audit(tx, systemActor(clock), 'user', row.id, 'create', null, auditedAccount(row));
  });
  return { created: username };
}
