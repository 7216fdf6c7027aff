import type { AuditEntity } from '@rectify/domain';
import type { Db, Tx } from '@rectify/db';
import { audit, type AuditActor } from './audit.js';
import { updateVersioned } from './concurrency.js';
import { notFound, versionConflict } from './errors.js';

type Row = Record<string, unknown> & { version: number };

/**
 * The three writes every editable row goes through, each in one transaction with its audit record:
 * - create: write, then record the new row;
 * - update: read, refuse a stale version (409) or a missing row (404), write only if the version
 *   still matches, record the fields that changed;
 * - remove: read, run the caller's guard (children, stale version), delete, record the old row.
 */
export function audited(db: Db, actor: AuditActor) {
  return {
    async create<T extends { id: number }>(entity: AuditEntity, write: (tx: Tx) => Promise<T>, snapshot?: (row: T) => Record<string, unknown>): Promise<T> {
      return db.$transaction(async (tx) => {
        const row = await write(tx);
        await audit(tx, actor, entity, row.id, 'create', null, snapshot ? snapshot(row) : row);
        return row;
      });
    },

    async update<R extends Row>(
      entity: AuditEntity,
      id: number,
      version: number,
      read: (tx: Tx) => Promise<R | null>,
      write: (tx: Tx, where: { id: number; version: number }) => Promise<{ count: number }>,
      check?: (tx: Tx, before: R) => Promise<void>,
    ): Promise<void> {
      await db.$transaction(async (tx) => {
        const before = await read(tx);
        if (!before) throw notFound(entity, id);
        if (before.version !== version) throw versionConflict(entity, id, before.version);
        if (check) await check(tx, before);
        await updateVersioned(entity, id, version, (where) => write(tx, where), async () => (await read(tx))?.version ?? null);
        await audit(tx, actor, entity, id, 'update', before, await read(tx));
      });
    },

    async remove<R extends Row>(
      entity: AuditEntity,
      id: number,
      read: (tx: Tx) => Promise<R | null>,
      guard: (before: R) => void | Promise<void>,
      del: (tx: Tx) => Promise<unknown>,
    ): Promise<void> {
      await db.$transaction(async (tx) => {
        const before = await read(tx);
        if (!before) throw notFound(entity, id);
        await guard(before);
        await del(tx);
        await audit(tx, actor, entity, id, 'delete', before, null);
      });
    },
  };
}
