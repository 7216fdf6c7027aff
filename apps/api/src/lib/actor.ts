import type { Actor } from '@rectify/domain';
import type { AuditActor } from './audit.js';

/** The signed-in account behind a request: the policy's Actor plus who it is for the audit log. */
export interface RequestActor extends Actor, AuditActor {
  userId: number;
  username: string;
  sessionId: string;
  /** The unit (or supervising office) the account belongs to: what it sees (roundScope). */
  organizationId: number | null;
}
