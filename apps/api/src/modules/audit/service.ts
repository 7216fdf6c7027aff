import type { AuditAction, AuditEntity, AuditEntry, AuditPage, AuditQuery } from '@rectify/domain';
import type { Db } from '@rectify/db';
import { notFound } from '../../lib/errors.js';

type Row = { id: number; at: Date; actorUserId: number | null; actorName: string | null; entity: string; entityId: number; measureId: number | null; action: string; changes: string };

function toEntry(row: Row): AuditEntry {
  let changes: AuditEntry['changes'];
  try {
    changes = JSON.parse(row.changes) as AuditEntry['changes'];
  } catch {
    changes = {};
  }
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actorUserId !== null ? { id: row.actorUserId, username: row.actorName ?? '' } : null,
    entity: row.entity as AuditEntity,
    entityId: row.entityId,
    measureId: row.measureId,
    action: row.action as AuditAction,
    changes,
  };
}

/** Reading the audit log. Writing it is lib/audit.ts; nothing edits or deletes it. */
export function createAuditService({ db }: { db: Db }) {
  return {
    async query(query: AuditQuery): Promise<AuditPage> {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 50;
      const where = { ...(query.entity ? { entity: query.entity } : {}), ...(query.id ? { entityId: query.id } : {}) };
      const [total, rows] = await Promise.all([
        db.auditLog.count({ where }),
        db.auditLog.findMany({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }], skip: (page - 1) * pageSize, take: pageSize }),
      ]);
      return { items: rows.map(toEntry), total, page, pageSize };
    },

    /** Everything that happened to a measure, its updates, evidence and closures; newest first. */
    async measureHistory(measureId: number): Promise<AuditEntry[]> {
      const exists = await db.measure.findUnique({ where: { id: measureId }, select: { id: true } });
      if (!exists) throw notFound('measure', measureId);
      const rows = await db.auditLog.findMany({ where: { measureId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 1000 });
      return rows.map(toEntry);
    },
  };
}
