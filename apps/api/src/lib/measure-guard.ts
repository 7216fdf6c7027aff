import { can, forbiddenMeasureFields, type Access } from '@rectify/domain';
import type { Tx } from '@rectify/db';
import { AppError, notFound } from './errors.js';
import type { RequestActor } from './actor.js';

export const measureGuardSelect = {
  id: true,
  problemId: true,
  text: true,
  status: true,
  deadline: true,
  completedDate: true,
  progress: true,
  leaderId: true,
  leadDepartmentId: true,
  version: true,
} as const;

/**
 * Reads the measure an action touches and refuses, in this order: unknown measure (404), an actor
 * who may not do this to this measure (403), a closed measure (409 MEASURE_LOCKED) unless the
 * action is allowed on closed ones (reopen).
 */
export async function guardMeasure(
  tx: Tx,
  id: number,
  actor: RequestActor,
  action: Access,
  options: { fields?: string[]; allowClosed?: boolean } = {},
) {
  const measure = await tx.measure.findUnique({ where: { id }, select: measureGuardSelect });
  if (!measure) throw notFound('measure', id);
  if (!can(actor.role, action, { actor, measure, fields: options.fields })) {
    const fields = options.fields ? forbiddenMeasureFields(actor.role, options.fields) : [];
    throw new AppError(403, 'FORBIDDEN', fields.length && can(actor.role, action, { actor, measure }) ? { fields } : { measureId: id, access: action });
  }
  if (!options.allowClosed && measure.status === 'closed') throw new AppError(409, 'MEASURE_LOCKED', { measureId: id });
  return measure;
}
