/**
 * The audit log's "changes": for each field that differs, its value before and after. A created
 * row has every field with `before: null`; a deleted one every field with `after: null`.
 */
export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

/** Fields never recorded: bookkeeping, and secrets (a password hash must not leak through the log). */
export const AUDIT_IGNORED_FIELDS: ReadonlySet<string> = new Set(['createdAt', 'updatedAt', 'passwordHash', 'lastSeenAt']);

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffChanges(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): AuditChanges {
  const changes: AuditChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (AUDIT_IGNORED_FIELDS.has(key)) continue;
    const b = before ? normalise(before[key]) : null;
    const a = after ? normalise(after[key]) : null;
    if (!before || !after || !same(a, b)) {
      if (before && after && same(a, b)) continue;
      if (!before && a === null) continue; // a created row's empty fields say nothing
      if (!after && b === null) continue;
      changes[key] = { before: b, after: a };
    }
  }
  return changes;
}

/** Which kind of row an id-valued field of the audit log points to (for resolving it to a name). */
export const AUDIT_REFERENCE_FIELDS = {
  leaderId: 'person',
  authorId: 'person',
  headId: 'person',
  personId: 'person',
  reviewerId: 'person',
  leadDepartmentId: 'department',
  coDepartmentIds: 'department',
  departmentId: 'department',
  problemId: 'problem',
  manifestationId: 'manifestation',
} as const satisfies Record<string, 'person' | 'department' | 'problem' | 'manifestation'>;
export type AuditReferenceKind = (typeof AUDIT_REFERENCE_FIELDS)[keyof typeof AUDIT_REFERENCE_FIELDS];

/** The key of a name in AuditEntry.names. */
export const auditNameKey = (kind: AuditReferenceKind | 'user', id: number) => `${kind}:${id}`;
