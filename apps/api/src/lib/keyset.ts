import type { KeysetResult } from '@rectify/domain';
import { AppError } from './errors.js';

/**
 * Keyset pagination: a page is the `limit` rows after the last row of the page before, in the
 * list's order (a unique key list ending in the id), so no page scans the rows before it and
 * nothing repeats or is skipped when rows are added meanwhile. The cursor is opaque to clients:
 * base64url of [scope, …key values]; `scope` names the list, its sort and direction, so a cursor
 * from another listing is refused (400 INVALID_CURSOR) instead of answering a wrong page.
 */

export type KeyValue = string | number | null;
export type KeyKind = 'int' | 'string' | 'string?' | 'date';
export type Direction = 'asc' | 'desc';

export const DEFAULT_LIMIT = 50;

/** The answer to a cursor that is not one of this list's (also for a key value a list checks beyond its kind). */
export const invalidCursor = () => new AppError(400, 'INVALID_CURSOR');
const invalid = invalidCursor;

export function encodeCursor(scope: string, values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify([scope, ...values]), 'utf8').toString('base64url');
}

function fits(kind: KeyKind, value: unknown): boolean {
  switch (kind) {
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'string':
      return typeof value === 'string';
    case 'string?':
      return value === null || typeof value === 'string';
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
  }
}

/** The key values of a cursor, checked against the list's scope and key kinds; null for the first page. */
export function decodeCursor(cursor: string | undefined, scope: string, kinds: readonly KeyKind[]): KeyValue[] | null {
  if (cursor === undefined) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== kinds.length + 1 || parsed[0] !== scope) throw invalid();
  const values: unknown[] = parsed.slice(1);
  if (!values.every((v, i) => fits(kinds[i]!, v))) throw invalid();
  return values.filter((v): v is KeyValue => v === null || typeof v === 'string' || typeof v === 'number');
}

/** One key of a list's order as Prisma conditions: equal to a value, and strictly beyond it in a direction. */
export interface Key<W> {
  eq(value: KeyValue): W;
  /** null when nothing lies beyond (e.g. NULL, sorted last). */
  beyond(value: KeyValue, direction: Direction): W | null;
}

/** Rows strictly after `values` in the order of `keys`: (k1 > v1) OR (k1 = v1 AND k2 > v2) OR … */
export function afterWhere<W>(keys: readonly Key<W>[], values: readonly KeyValue[], direction: Direction): { OR: { AND: W[] }[] } {
  const or: { AND: W[] }[] = [];
  keys.forEach((key, i) => {
    const beyond = key.beyond(values[i] ?? null, direction);
    if (beyond === null) return;
    or.push({ AND: [...keys.slice(0, i).map((k, j) => k.eq(values[j] ?? null)), beyond] });
  });
  return { OR: or };
}

/** A key value as the type its column has (decodeCursor checked the kinds; this narrows for the compiler). */
export function int(value: KeyValue): number {
  if (typeof value !== 'number') throw invalid();
  return value;
}
export function str(value: KeyValue): string {
  if (typeof value !== 'string') throw invalid();
  return value;
}
export const date = (value: KeyValue): Date => new Date(str(value));

/** An integer column as a key: `where` turns a value or a filter into the list's condition. */
export function intKey<W>(where: (filter: number | { gt: number } | { lt: number }) => W): Key<W> {
  return {
    eq: (value) => where(int(value)),
    beyond: (value, direction) => where(direction === 'asc' ? { gt: int(value) } : { lt: int(value) }),
  };
}

/** A non-null date-time column as a key (ISO text in the cursor). */
export function dateKey<W>(where: (filter: Date | { gt: Date } | { lt: Date }) => W): Key<W> {
  return {
    eq: (value) => where(date(value)),
    beyond: (value, direction) => where(direction === 'asc' ? { gt: date(value) } : { lt: date(value) }),
  };
}

/** The page out of `limit + 1` rows fetched: the first `limit`, and a cursor when there was one more. */
export function pageOf<R, T>(rows: readonly R[], limit: number, scope: string, keyOf: (row: R) => KeyValue[], map: (row: R) => T, total: number): KeysetResult<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(map),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(scope, keyOf(last)) : null,
    total,
  };
}
