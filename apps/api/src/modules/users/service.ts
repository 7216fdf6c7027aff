import type { PasswordReset, UserAccount, UserCreate, UserUpdate } from '@rectify/domain';
import type { Db, Tx } from '@rectify/db';
import { AppError, invalidReference, notFound, versionConflict } from '../../lib/errors.js';
import type { PasswordHasher } from '../../lib/passwords.js';
import type { RequestActor } from '../../lib/actor.js';
import { audit } from '../../lib/audit.js';
import { accountInclude, auditedAccount, normaliseUsername, toUserAccount } from '../auth/accounts.js';
import type { SessionStore } from '../auth/sessions.js';

/** Accounts, for the admin: create, change role / person / e-mail / active, reset a password. */
export function createUserService({ db, hasher, sessions }: { db: Db; hasher: PasswordHasher; sessions: SessionStore }) {
  async function requirePerson(tx: Tx, personId: number | null | undefined) {
    if (!personId) return;
    const person = await tx.person.findUnique({ where: { id: personId }, select: { id: true } });
    if (!person) throw invalidReference('personId', personId);
  }
  async function get(id: number): Promise<UserAccount> {
    const row = await db.user.findUnique({ where: { id }, include: accountInclude });
    if (!row) throw notFound('user', id);
    return toUserAccount(row);
  }

  return {
    get,
    async list(): Promise<UserAccount[]> {
      const rows = await db.user.findMany({ include: accountInclude, orderBy: { id: 'asc' } });
      return rows.map(toUserAccount);
    },

    async create(actor: RequestActor, body: UserCreate): Promise<UserAccount> {
      const passwordHash = await hasher.hash(body.password);
      const id = await db.$transaction(async (tx) => {
        await requirePerson(tx, body.personId);
        const row = await tx.user.create({
          data: { username: normaliseUsername(body.username), passwordHash, role: body.role, personId: body.personId ?? null, email: body.email ?? null },
        });
        await audit(tx, actor, 'user', row.id, 'create', null, auditedAccount(row));
        return row.id;
      });
      return get(id);
    },

    async update(actor: RequestActor, id: number, { version, ...fields }: UserUpdate): Promise<UserAccount> {
      await db.$transaction(async (tx) => {
        const before = await tx.user.findUnique({ where: { id } });
        if (!before) throw notFound('user', id);
        if (before.version !== version) throw versionConflict('user', id, before.version);
        if (id === actor.userId && (fields.active === false || (fields.role !== undefined && fields.role !== 'admin'))) {
          throw new AppError(409, 'SELF_LOCKOUT');
        }
        await requirePerson(tx, fields.personId);
        const { count } = await tx.user.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } });
        if (count !== 1) throw versionConflict('user', id, before.version + 1);
        const after = await tx.user.findUniqueOrThrow({ where: { id } });
        await audit(tx, actor, 'user', id, 'update', auditedAccount(before), auditedAccount(after));
      });
      if (fields.active === false) await sessions.removeAllOf(id);
      else sessions.forgetUser(id); // a new role or person takes effect on the next request
      return get(id);
    },

    /** Sets a new password and ends every session of the account. */
    async resetPassword(actor: RequestActor, id: number, { newPassword }: PasswordReset): Promise<void> {
      const passwordHash = await hasher.hash(newPassword);
      await db.$transaction(async (tx) => {
        const { count } = await tx.user.updateMany({ where: { id }, data: { passwordHash, version: { increment: 1 } } });
        if (count !== 1) throw notFound('user', id);
        await audit(tx, actor, 'user', id, 'password_reset', null, null);
      });
      await sessions.removeAllOf(id);
    },
  };
}
