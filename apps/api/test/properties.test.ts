import fc from 'fast-check';
import { AjvCompiler } from '@fastify/ajv-compiler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseValue } from '../src/plugins/text-input.js';
import { AppError } from '../src/lib/errors.js';
import { startApi, sqliteDatabase, type TestApi } from './harness.js';
import { expectClientError } from './hardening.suite.js';
import { databaseDigest } from './digest.js';

/**
 * Property: whatever body a client sends to a write route, if the route's own schema refuses it
 * (after the boundary's text normalisation), the answer is a 4xx in the one error shape — never a
 * 5xx — and the database is byte-for-byte as it was. Bodies are generated from each route's TypeBox
 * schema: mostly well-typed values with adversarial ones mixed in at every level (lone surrogates,
 * invisible-only text, NUL, 1e20, wrong types, extra fields, deep nesting), then kept only when
 * invalid. RECTIFY_PROPERTY_RUNS sets the runs per route (a few here; `pnpm check` runs many).
 */
const RUNS = Number(process.env.RECTIFY_PROPERTY_RUNS ?? 3);

type Schema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  const?: unknown;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  format?: string;
};

const adversarial: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', '   ', '\u200B\u200D', '\uFEFF', '\u0000', '\uD800', 'x\uDC00', '\u3000', 'null', '1e20', '<script>alert(1)</script>', "'; DROP TABLE \"Measure\";--", '../../etc/passwd', 'x'.repeat(25_000)),
  fc.constantFrom(1e20, -1, 0, 2 ** 31, -(2 ** 53), 1.5, Number.MAX_SAFE_INTEGER, -0),
  fc.constantFrom(true, false, null),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.integer(),
);

const dates = fc.oneof(
  fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2023-02-30', '2023-13-01', '0000-00-00', '2023-6-1', '２０２３-06-01'),
);

function wellTyped(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => valueFor(s, depth)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = schema.properties ?? {};
      const record = fc.record(
        Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valueFor(s, depth + 1)])),
        { requiredKeys: (schema.required ?? []).filter((k) => k in props) },
      );
      return fc.tuple(record, fc.option(fc.tuple(fc.string({ maxLength: 6 }), adversarial), { freq: 4 })).map(([r, extra]) =>
        extra ? { ...r, [extra[0]]: extra[1] } : r,
      );
    }
    case 'string':
      if (schema.format === 'date') return dates;
      return fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1e6, -(2 ** 31)), max: Math.min(schema.maximum ?? 1e6, 2 ** 31) });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e13, max: 1e13 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(valueFor(schema.items ?? {}, depth + 1), { maxLength: Math.min(schema.maxItems ?? 3, 3) });
    default:
      return adversarial;
  }
}

/** Mostly the schema's type, sometimes something hostile instead. */
const valueFor = (schema: Schema, depth: number): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: wellTyped(schema, depth) }, { weight: 1, arbitrary: adversarial });

const dump = (api: TestApi) => databaseDigest(api.db, ['Session', 'RateCounter']);

describe(`write routes under random and adversarial bodies (SQLite, ${RUNS} runs per route)`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi(sqliteDatabase());
  }, 180_000);
  afterAll(async () => {
    await api?.close();
  });

  it('answers every schema-invalid body with a 4xx in the error shape and changes nothing', async () => {
    const compile = AjvCompiler()({}, { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false, useDefaults: true } } as never);
    const writes = api.app.routeAccess.filter((r) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method) && r.url.startsWith('/api/') && r.schema?.body);
    expect(writes.length).toBeGreaterThan(25);
    const cookie = await api.login('admin');
    const before = await dump(api);
    for (const route of writes) {
      const validate = compile({ schema: route.schema!.body as object, method: route.method, url: route.url, httpPart: 'body' }) as (v: unknown) => boolean;
      /** Would the route's validation let it through (after the boundary's normalisation)? */
      const accepted = (body: unknown) => {
        try {
          return validate(normaliseValue(structuredClone(body), '', false));
        } catch (error) {
          if (error instanceof AppError) return false; // lone surrogate: refused at the boundary
          throw error;
        }
      };
      const url = route.url.replace(/:\w+/g, '1');
      await fc.assert(
        fc.asyncProperty(
          valueFor(route.schema!.body as Schema, 0).filter((body) => !accepted(body)),
          async (body) => {
            const res = await api.app.inject({ method: route.method as 'POST', url, headers: { ...cookie, 'content-type': 'application/json' }, payload: JSON.stringify(body) ?? 'null' });
            expect(res.statusCode, `${route.method} ${route.url} ${JSON.stringify(body)?.slice(0, 200)} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
            expectClientError(res);
          },
        ),
        { numRuns: RUNS, seed: process.env.RECTIFY_PROPERTY_SEED ? Number(process.env.RECTIFY_PROPERTY_SEED) : undefined },
      );
    }
    expect(await dump(api)).toEqual(before);
  });
});
