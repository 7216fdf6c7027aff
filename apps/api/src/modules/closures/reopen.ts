import { toMeasureStatus, transitions } from '@rectify/domain';
import type { Tx } from '@rectify/db';
import type { RequestActor } from '../../lib/actor.js';
import { audit } from '../../lib/audit.js';
import { versionConflict } from '../../lib/errors.js';
import { auditedClosure } from './mapper.js';

/**
 * A closed measure goes back to in progress (the domain's `transitions.reopen`), in the caller's
 * transaction: its approved closure request reads `reopened` (who, when, why), the status change is
 * audited (dated: the burn-up replays it and steps down), and the measure's own history records the
 * reason. `deadline` is the one it reopens with (限期整改 after a 回头看's 反弹; its own when not
 * said): written and audited in the same update as the status, as an edit's deadline change is.
 * Used by the office's reopen and by a 回头看 that finds the measure slid back.
 */
export async function reopenClosedMeasure(
  tx: Tx,
  actor: RequestActor,
  measure: { id: number; status: string; completedDate: string | null; progress: number; deadline: string | null; version: number },
  reason: string,
  now: Date,
  options: { deadline?: string | null; extra?: Record<string, unknown> } = {},
): Promise<void> {
  const approved = await tx.closureRequest.findFirst({ where: { measureId: measure.id, state: 'approved' }, orderBy: { id: 'desc' } });
  if (approved) {
    const reopened = await tx.closureRequest.update({
      where: { id: approved.id },
      data: { state: 'reopened', reopenedAt: now, reopenedByUserId: actor.userId, reopenReason: reason, version: { increment: 1 } },
    });
    await audit(tx, actor, 'closure', approved.id, 'reopen', auditedClosure(approved), auditedClosure(reopened), { measureId: measure.id });
  }
  const next = {
    ...transitions.reopen({ status: toMeasureStatus(measure.status), completedDate: measure.completedDate, progress: measure.progress }),
    deadline: options.deadline === undefined ? measure.deadline : options.deadline,
  };
  const { count } = await tx.measure.updateMany({ where: { id: measure.id, version: measure.version }, data: { ...next, version: { increment: 1 } } });
  if (count !== 1) throw versionConflict('measure', measure.id, measure.version + 1);
  await audit(
    tx, actor, 'measure', measure.id, 'update',
    { status: measure.status, completedDate: measure.completedDate, progress: measure.progress, deadline: measure.deadline, version: measure.version },
    { ...next, version: measure.version + 1 },
  );
  // The measure's own history says why, whether or not a closure request preceded it.
  await audit(tx, actor, 'measure', measure.id, 'reopen', null, null, { extra: { reason, ...options.extra } });
}
