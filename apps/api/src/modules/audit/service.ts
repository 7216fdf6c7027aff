import { AUDIT_REFERENCE_FIELDS, auditNameKey, type AuditAction, type AuditEntity, type AuditEntry, type AuditPage, type AuditQuery, type AuditReferenceKind, type RoundScope } from '@rectify/domain';
import type { Db, Prisma } from '@rectify/db';
import { notFound } from '../../lib/errors.js';
import { DEFAULT_LIMIT, afterWhere, dateKey, decodeCursor, int, intKey, pageOf } from '../../lib/keyset.js';
import { createAuditRepository } from './repository.js';

const auditKeys = [dateKey<Prisma.AuditLogWhereInput>((at) => ({ at })), intKey<Prisma.AuditLogWhereInput>((id) => ({ id }))];

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

const BATCH = 500;

/**
 * The names of everything a set of entries points to — people, departments, problems,
 * manifestations, and the accounts that acted — keyed as AuditEntry.names expects.
 */
async function resolveNames(db: Db, entries: AuditEntry[]): Promise<Map<string, string>> {
  const ids: Record<AuditReferenceKind | 'user', Set<number>> = {
    person: new Set(), department: new Set(), problem: new Set(), manifestation: new Set(), user: new Set(),
  };
  for (const e of entries) {
    if (e.actor) ids.user.add(e.actor.id);
    for (const [field, { before, after }] of Object.entries(e.changes)) {
      const kind = AUDIT_REFERENCE_FIELDS[field as keyof typeof AUDIT_REFERENCE_FIELDS];
      if (!kind) continue;
      for (const v of [before, after].flat()) if (typeof v === 'number') ids[kind].add(v);
    }
  }
  const names = new Map<string, string>();
  // In batches: a long history of a busy measure must not build one huge IN list.
  const load = async <T extends { id: number }>(kind: AuditReferenceKind | 'user', find: (batch: number[]) => Promise<T[]>, name: (row: T) => string) => {
    const all = [...ids[kind]];
    for (let i = 0; i < all.length; i += BATCH) {
      for (const row of await find(all.slice(i, i + BATCH))) names.set(auditNameKey(kind, row.id), name(row));
    }
  };
  await Promise.all([
    load('person', (b) => db.person.findMany({ where: { id: { in: b } }, select: { id: true, name: true } }), (r) => r.name),
    load('department', (b) => db.department.findMany({ where: { id: { in: b } }, select: { id: true, name: true } }), (r) => r.name),
    load('problem', (b) => db.problem.findMany({ where: { id: { in: b } }, select: { id: true, ordinal: true, title: true } }), (r) => `${r.ordinal}. ${r.title}`),
    load('manifestation', (b) => db.manifestation.findMany({ where: { id: { in: b } }, select: { id: true, ordinal: true, text: true } }), (r) => `${r.ordinal}. ${r.text}`),
    load('user', (b) => db.user.findMany({ where: { id: { in: b } }, select: { id: true, username: true, person: { select: { name: true } } } }), (r) => r.person?.name ?? r.username),
  ]);
  return names;
}

/** Reading the audit log. Writing it is lib/audit.ts; nothing edits or deletes it. */
export function createAuditService({ db }: { db: Db }) {
  const repo = createAuditRepository(db);
  return {
    /** The log as the scope sees it, newest first, a keyset page (a unit's view: audit/repository.ts). */
    async query(query: AuditQuery, scope: RoundScope): Promise<AuditPage> {
      const limit = query.limit ?? DEFAULT_LIMIT;
      const after = decodeCursor(query.cursor, 'audit', ['date', 'int']);
      if (scope.kind !== 'all') {
        const { rows, total } = await repo.page(scope, { entity: query.entity, id: query.id }, after ? int(after[1]!) : null, limit + 1);
        return pageOf(rows, limit, 'audit', (r) => [r.at.toISOString(), r.id], toEntry, total);
      }
      const where: Prisma.AuditLogWhereInput = { ...(query.entity ? { entity: query.entity } : {}), ...(query.id ? { entityId: query.id } : {}) };
      const [total, rows] = await Promise.all([
        db.auditLog.count({ where }),
        db.auditLog.findMany({
          where: after ? { AND: [where, afterWhere(auditKeys, after, 'desc')] } : where,
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
          take: limit + 1,
        }),
      ]);
      return pageOf(rows, limit, 'audit', (r) => [r.at.toISOString(), r.id], toEntry, total);
    },

    /** Everything that happened to a measure, its updates, evidence and closures; newest first. */
    async measureHistory(measureId: number): Promise<AuditEntry[]> {
      const exists = await db.measure.findUnique({ where: { id: measureId }, select: { id: true } });
      if (!exists) throw notFound('measure', measureId);
      const rows = await db.auditLog.findMany({ where: { measureId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: 1000 });
      const entries = rows.map(toEntry);
      const names = await resolveNames(db, entries);
      return entries.map((e) => {
        const own: Record<string, string> = {};
        for (const [field, { before, after }] of Object.entries(e.changes)) {
          const kind = AUDIT_REFERENCE_FIELDS[field as keyof typeof AUDIT_REFERENCE_FIELDS];
          if (!kind) continue;
          for (const v of [before, after].flat()) {
            const key = typeof v === 'number' ? auditNameKey(kind, v) : null;
            if (key && names.has(key)) own[key] = names.get(key)!;
          }
        }
        return {
          ...e,
          actor: e.actor ? { ...e.actor, name: names.get(auditNameKey('user', e.actor.id)) ?? null } : null,
          names: own,
        };
      });
    },
  };
}
