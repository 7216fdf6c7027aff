import { Type, type Static, type TSchema } from '@sinclair/typebox';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** The largest value a 32-bit integer column holds: every integer a client sends is bounded by it (or less). */
export const INT32_MAX = 2_147_483_647;

export const Id = Type.Integer({ minimum: 1, maximum: INT32_MAX });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

/** A calendar day, YYYY-MM-DD (checked for a real date by the service). */
export const IsoDate = Type.String({ format: 'date', examples: ['2023-06-30'] });
export const Timestamp = Type.String({ format: 'date-time' });

/** Optimistic concurrency: every editable row carries a version; PATCH sends the one it read. */
export const Version = Type.Integer({ minimum: 0, maximum: INT32_MAX, description: 'The version read; a stale one gets 409' });

export const Ordinal = Type.Integer({ minimum: 1, maximum: 10_000 });
export const Title = Type.String({ minLength: 1, maxLength: 500 });
export const LongText = Type.String({ minLength: 1, maxLength: 20_000 });
export const Name = Type.String({ minLength: 1, maxLength: 100 });

export const Ref = Type.Object({ id: Id, name: Type.String() });
export type Ref = Static<typeof Ref>;

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorResponse', description: '{error: {code, message, details}} — message in zh-CN, or English by Accept-Language' },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

export const Deleted = Type.Object({ deleted: Type.Boolean(), id: Id });

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: INT32_MAX, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
};

/**
 * Keyset pagination (every list that can grow): `limit` rows after the opaque `cursor` the page
 * before returned as `nextCursor` (null on the last page). `total` counts the whole filtered list.
 */
export const KeysetQuery = {
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the page before (opaque)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
};
export const SortDirection = Type.Union([Type.Literal('asc'), Type.Literal('desc')]);
export const KeysetPage = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'pass as cursor for the next page; null on the last' }),
    total: Type.Integer({ minimum: 0 }),
  });
export interface KeysetResult<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
