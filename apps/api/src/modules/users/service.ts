import type { PasswordReset, UserAccount, UserCreate, UserUpdate } from '@rectify/domain';
import type { Db, Tx } from '@rectify/db';
import { AppError, invalidReference, notFound, validationFailed, versionConflict } from '../../lib/errors.js';
import type { PasswordHasher } from '../../lib/passwords.js';
import type { RequestActor } from '../../lib/actor.js';
import { audit } from '../../lib/audit.js';
import { accountInclude, auditedAccount, normaliseUsername, toUserAccount } from '../auth/accounts.js';
import type { SessionStore } from '../auth/sessions.js';

/** Accounts, for the admin: create, change role / person / e-mail / active, reset a password. */
export function createUserService({ db, hasher, sessions }: { db: Db; hasher: PasswordHasher; sessions: SessionStore }) {
  /** The account's organisation: it must exist, and hold the account's person when it has one. */
  async function placement(tx: Tx, organizationId: number | null, person: { organizationId: number } | null): Promise<number | null> {
    if (organizationId === null) return null;
    const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
    if (!org) throw invalidReference('organizationId', organizationId);
    if (person && person.organizationId !== organizationId) throw validationFailed('organizationId', 'personOrganization');
    return organizationId;
  }

  /** Gives an account rounds (inspection team): each must exist. */
  async function grantRounds(tx: Tx, userId: number, roundIds: number[]): Promise<number[]> {
    const ids = [...new Set(roundIds)].sort((a, b) => a - b);
    if (!ids.length) return [];
    const found = await tx.inspectionRound.findMany({ where: { id: { in: ids } }, select: { id: true } });
    const missing = ids.find((id) => !found.some((r) => r.id === id));
    if (missing !== undefined) throw invalidReference('roundIds', missing);
    await tx.roundAccess.createMany({ data: ids.map((roundId) => ({ userId, roundId })) });
    return ids;
  }

  async function requirePerson(tx: Tx, personId: number | null | undefined): Promise<{ organizationId: number } | null> {
    if (!personId) return null;
    const person = await tx.person.findUnique({ where: { id: personId }, select: { id: true, organizationId: true } });
    if (!person) throw invalidReference('personId', personId);
    return person;
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
        const person = await requirePerson(tx, body.personId);
        const organizationId = await placement(tx, body.organizationId === undefined ? (person?.organizationId ?? null) : body.organizationId, person);
        const row = await tx.user.create({
          data: { username: normaliseUsername(body.username), passwordHash, role: body.role, personId: body.personId ?? null, organizationId, email: body.email ?? null },
        });
        const roundIds = await grantRounds(tx, row.id, body.roundIds ?? []);
        await audit(tx, actor, 'user', row.id, 'create', null, auditedAccount(row, roundIds));
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
        const { roundIds, organizationId, ...rest } = fields;
        const person = await requirePerson(tx, rest.personId === undefined ? before.personId : rest.personId);
        const placedIn = await placement(tx, organizationId === undefined ? (before.organizationId ?? person?.organizationId ?? null) : organizationId, person);
        const { count } = await tx.user.updateMany({ where: { id, version }, data: { ...rest, organizationId: placedIn, version: { increment: 1 } } });
        if (count !== 1) throw versionConflict('user', id, before.version + 1);
        const after = await tx.user.findUniqueOrThrow({ where: { id } });
        const beforeRounds = (await tx.roundAccess.findMany({ where: { userId: id }, select: { roundId: true }, orderBy: { roundId: 'asc' } })).map((a) => a.roundId);
        let afterRounds = beforeRounds;
        if (roundIds) {
          await tx.roundAccess.deleteMany({ where: { userId: id } });
          afterRounds = await grantRounds(tx, id, roundIds);
        }
        await audit(tx, actor, 'user', id, 'update', auditedAccount(before, beforeRounds), auditedAccount(after, afterRounds));
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
