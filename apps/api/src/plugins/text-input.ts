import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { hasLoneSurrogate, normaliseText, VERBATIM_FIELDS } from '@rectify/domain';
import { AppError } from '../lib/errors.js';

/**
 * The boundary's walk over a parsed body or query (exported for the property tests).
 *
 * Normalises every string of a JSON body and of the query string once, before validation
 * (packages/domain/src/text.ts says how), so the schemas' minLength refuses what only looked
 * filled in (spaces, zero-width characters, a BOM). A string with a lone surrogate is not text:
 * 400 INVALID_TEXT naming the field, rather than a silent U+FFFD. Password fields stay verbatim
 * (still refused with a lone surrogate).
 */
export function normaliseValue(value: unknown, path: string, verbatim: boolean): unknown {
  if (typeof value === 'string') {
    if (hasLoneSurrogate(value)) {
      throw new AppError(400, 'INVALID_TEXT', [{ field: path || 'body', rule: 'text', message: 'unpaired surrogate' }]);
    }
    return verbatim ? value : normaliseText(value);
  }
  if (Array.isArray(value)) return value.map((item, i) => normaliseValue(item, path ? `${path}.${i}` : String(i), verbatim));
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (hasLoneSurrogate(key)) throw new AppError(400, 'INVALID_TEXT', [{ field: path || 'body', rule: 'text', message: 'unpaired surrogate in a field name' }]);
      out[key] = normaliseValue(item, path ? `${path}.${key}` : key, verbatim || VERBATIM_FIELDS.has(key));
    }
    return out;
  }
  return value;
}

export default fp(async function textInput(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const body = request.body;
    if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) request.body = normaliseValue(body, '', false);
    else if (typeof body === 'string') request.body = normaliseValue(body, '', false);
    const query = request.query;
    if (query !== null && typeof query === 'object') request.query = normaliseValue(query, '', false);
  });
});
