import { toClosureState, type ClosureRequest } from '@rectify/domain';
import { toUserRef, userRefSelect } from '../../lib/user-ref.js';

export const closureInclude = {
  requestedBy: userRefSelect,
  decidedBy: userRefSelect,
  reopenedBy: userRefSelect,
} as const;

type UserRow = { id: number; username: string; person: { name: string } | null } | null;

export interface ClosureRow {
  id: number;
  measureId: number;
  summary: string;
  state: string;
  reason: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  reopenedAt: Date | null;
  reopenReason: string | null;
  version: number;
  requestedBy: UserRow;
  decidedBy: UserRow;
  reopenedBy: UserRow;
}

export function toClosure(row: ClosureRow): ClosureRequest {
  return {
    id: row.id,
    measureId: row.measureId,
    summary: row.summary,
    state: toClosureState(row.state),
    reason: row.reason,
    requestedAt: row.requestedAt.toISOString(),
    requestedBy: toUserRef(row.requestedBy),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: toUserRef(row.decidedBy),
    reopenedAt: row.reopenedAt?.toISOString() ?? null,
    reopenedBy: toUserRef(row.reopenedBy),
    reopenReason: row.reopenReason,
    version: row.version,
  };
}

/** The audit log's view of a closure request. */
export const auditedClosure = (row: { state: string; summary: string; reason: string | null; reopenReason?: string | null; version: number }) => ({
  state: row.state,
  summary: row.summary,
  reason: row.reason,
  reopenReason: row.reopenReason ?? null,
  version: row.version,
});
