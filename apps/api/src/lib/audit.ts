import { diffChanges, type AuditAction, type AuditEntity } from '@rectify/domain';
import type { Tx } from '@rectify/db';
import type { Clock } from './clock.js';

/** Who is acting, as the audit log records it; null fields for system jobs. */
export interface AuditActor {
  userId: number | null;
  username: string | null;
  /**
   * The app's clock (a request's actor carries the injected one, a job or the demo setup the one it
   * was given): every record is dated by it, never by the database's own now(), so a history
   * written under a test's or the demo's clock replays on that clock's days (the burn-up reads
   * these dates).
   */
  clock: Pick<Clock, 'now'>;
}

/** What a start-up step or a background job writes as: no account, dated by the clock it runs on. */
export const systemActor = (clock: Pick<Clock, 'now'>): AuditActor => ({ userId: null, username: 'system', clock });

/**
 * Records one change to a tracked row, inside the transaction that makes it: either both the
 * change and its record are written, or neither. `changes` holds the fields that differ, before
 * and after (secrets and bookkeeping fields are never recorded, see AUDIT_IGNORED_FIELDS). An
 * update that changed nothing records nothing.
 */
export async function audit(
  tx: Tx,
  actor: AuditActor,
  entity: AuditEntity,
  entityId: number,
  action: AuditAction,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  options: { measureId?: number | null; extra?: Record<string, unknown> } = {},
): Promise<void> {
  const changes: Record<string, unknown> = diffChanges(before, after);
  for (const [key, value] of Object.entries(options.extra ?? {})) changes[key] = { before: null, after: value };
  if (action === 'update' && Object.keys(changes).length === 0) return;
  await tx.auditLog.create({
    data: {
      at: actor.clock.now(),
      actorUserId: actor.userId,
      actorName: actor.username,
      entity,
      entityId,
      measureId: options.measureId ?? (entity === 'measure' ? entityId : null),
      action,
      changes: JSON.stringify(changes),
    },
  });
}
