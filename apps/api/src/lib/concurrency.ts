import { notFound, versionConflict } from './errors.js';

/**
 * Optimistic concurrency for one row: the write applies only if the row still has the version the
 * client read; otherwise nothing is written and the caller learns whether the row is gone (404)
 * or was changed by someone else (409).
 */
export async function updateVersioned(
  entity: string,
  id: number,
  version: number,
  write: (where: { id: number; version: number }) => Promise<{ count: number }>,
  currentVersion: () => Promise<number | null>,
): Promise<void> {
  const { count } = await write({ id, version });
  if (count === 1) return;
  const current = await currentVersion();
  if (current === null) throw notFound(entity, id);
  throw versionConflict(entity, id, current);
}

