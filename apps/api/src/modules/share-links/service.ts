import { createHash, randomBytes } from 'node:crypto';
import { addDays, type CreatedShareLink, type ShareLink, type ShareLinkCreate } from '@rectify/domain';
import type { Db } from '@rectify/db';
import type { AuditActor } from '../../lib/audit.js';
import { audit } from '../../lib/audit.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, notFound, validationFailed } from '../../lib/errors.js';

/** The longest a link may live: a review round rarely takes longer. */
const MAX_DAYS = 366;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

interface ShareLinkRow {
  id: number;
  roundId: number;
  label: string;
  expiresAt: Date;
  revokedAt: Date | null;
  createdAt: Date;
  createdBy: { id: number; username: string };
}

export function createShareLinkService({ db, clock }: { db: Db; clock: Clock }) {
  const include = { createdBy: { select: { id: true, username: true } } } as const;
  const toLink = (row: ShareLinkRow): ShareLink => ({
    id: row.id,
    roundId: row.roundId,
    label: row.label,
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    state: row.revokedAt ? 'revoked' : row.expiresAt <= clock.now() ? 'expired' : 'active',
  });

  return {
    async list(roundId: number): Promise<ShareLink[]> {
      const round = await db.inspectionRound.findUnique({ where: { id: roundId }, select: { id: true } });
      if (!round) throw notFound('round', roundId);
      const rows = await db.shareLink.findMany({ where: { roundId }, include, orderBy: { id: 'desc' } });
      return rows.map(toLink);
    },

    async create(roundId: number, body: ShareLinkCreate, actor: AuditActor & { userId: number }): Promise<CreatedShareLink> {
      const today = clock.today();
      if (body.expiresOn < today || body.expiresOn > addDays(today, MAX_DAYS)) throw validationFailed('expiresOn', 'range');
      const round = await db.inspectionRound.findUnique({ where: { id: roundId }, select: { id: true } });
      if (!round) throw notFound('round', roundId);
      const token = randomBytes(24).toString('base64url');
      const row = await db.$transaction(async (tx) => {
        const created = await tx.shareLink.create({
          data: {
            roundId,
            label: body.label.trim(),
            tokenHash: hashOf(token),
            // Valid through the last day, Liuzhou time.
            expiresAt: new Date(`${body.expiresOn}T23:59:59.999+08:00`),
            createdByUserId: actor.userId,
          },
          include,
        });
        await audit(tx, actor, 'share_link', created.id, 'create', null, { roundId, label: created.label, expiresAt: created.expiresAt.toISOString() });
        return created;
      });
      return { ...toLink(row), token, path: `/share/${token}` };
    },

    async revoke(id: number, actor: AuditActor): Promise<ShareLink> {
      const row = await db.$transaction(async (tx) => {
        const current = await tx.shareLink.findUnique({ where: { id }, select: { revokedAt: true } });
        if (!current) throw notFound('share_link', id);
        if (current.revokedAt) return tx.shareLink.findUniqueOrThrow({ where: { id }, include });
        const revoked = await tx.shareLink.update({ where: { id }, data: { revokedAt: clock.now() }, include });
        await audit(tx, actor, 'share_link', id, 'revoke', { revokedAt: null }, { revokedAt: revoked.revokedAt!.toISOString() });
        return revoked;
      });
      return toLink(row);
    },

    /** The round a token opens, or 404: unknown, expired and revoked links all look the same. */
    async resolve(token: string): Promise<{ roundId: number; label: string; expiresAt: string }> {
      const row = await db.shareLink.findUnique({ where: { tokenHash: hashOf(token) }, select: { roundId: true, label: true, expiresAt: true, revokedAt: true } });
      if (!row || row.revokedAt || row.expiresAt <= clock.now()) throw new AppError(404, 'SHARE_LINK_INVALID');
      return { roundId: row.roundId, label: row.label, expiresAt: row.expiresAt.toISOString() };
    },
  };
}
