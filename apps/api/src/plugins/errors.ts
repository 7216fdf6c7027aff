import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorMessage, localeFromAcceptLanguage, type ErrorCode, type Locale } from '@rectify/domain';
import { AppError } from '../lib/errors.js';
import { mapDatabaseError } from '../lib/prisma-errors.js';

interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

const ruleMessages: Record<string, Record<Locale, (p: Record<string, unknown>) => string>> = {
  required: { 'zh-CN': () => '为必填项', en: () => 'is required' },
  type: { 'zh-CN': (p) => `类型不正确（应为 ${p.type}）`, en: (p) => `must be of type ${p.type}` },
  format: { 'zh-CN': (p) => `格式不正确（应为 ${p.format}）`, en: (p) => `must match format ${p.format}` },
  minLength: { 'zh-CN': (p) => `长度不能少于 ${p.limit}`, en: (p) => `must be at least ${p.limit} characters` },
  maxLength: { 'zh-CN': (p) => `长度不能超过 ${p.limit}`, en: (p) => `must be at most ${p.limit} characters` },
  minimum: { 'zh-CN': (p) => `不能小于 ${p.limit}`, en: (p) => `must be ≥ ${p.limit}` },
  maximum: { 'zh-CN': (p) => `不能大于 ${p.limit}`, en: (p) => `must be ≤ ${p.limit}` },
  maxItems: { 'zh-CN': (p) => `最多 ${p.limit} 项`, en: (p) => `must have at most ${p.limit} items` },
  uniqueItems: { 'zh-CN': () => '不能有重复项', en: () => 'must not repeat items' },
  additionalProperties: { 'zh-CN': () => '是不允许的字段', en: () => 'is not an allowed field' },
  anyOf: { 'zh-CN': () => '取值不在允许范围内', en: () => 'is not one of the allowed values' },
  const: { 'zh-CN': () => '取值不在允许范围内', en: () => 'is not one of the allowed values' },
  enum: { 'zh-CN': () => '取值不在允许范围内', en: () => 'is not one of the allowed values' },
};

interface AjvIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

function fieldOf(issue: AjvIssue, context: string | undefined): string {
  const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra =
    issue.keyword === 'required'
      ? (issue.params.missingProperty as string)
      : issue.keyword === 'additionalProperties'
        ? (issue.params.additionalProperty as string)
        : '';
  return [path, extra].filter(Boolean).join('.') || context || 'body';
}

function describeValidation(issues: AjvIssue[], context: string | undefined, locale: Locale): FieldProblem[] {
  // A union of literals reports one error per branch; keep one line per field.
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue, context);
    const rule = issue.keyword === 'const' || issue.keyword === 'enum' ? 'anyOf' : issue.keyword;
    if (seen.has(field)) continue;
    seen.add(field);
    const describe = ruleMessages[rule]?.[locale];
    out.push({ field, rule, message: describe ? describe(issue.params) : locale === 'en' ? 'is invalid' : '不符合要求' });
  }
  return out;
}

function send(reply: FastifyReply, status: number, code: ErrorCode, locale: Locale, details?: unknown, message?: string) {
  return reply.status(status).send({ error: { code, message: message ?? errorMessage(code, locale), details } });
}

/** Fastify's own client errors (bad JSON, wrong content type, too large) mapped to our codes. */
const fastifyCodes: Record<string, { status: number; code: ErrorCode }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'BAD_REQUEST' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'BAD_REQUEST' },
  FST_ERR_CTP_EMPTY_TYPE: { status: 400, code: 'BAD_REQUEST' },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, code: 'BAD_REQUEST' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  FST_FILES_LIMIT: { status: 413, code: 'PAYLOAD_TOO_LARGE' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
};

export const localeOf = (request: FastifyRequest): Locale => localeFromAcceptLanguage(request.headers['accept-language']);

export interface ErrorsOptions {
  /** Answers a GET that matched no route outside /api (the web app's client-side routes). */
  pageFallback?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | undefined;
}

export default fp(async function errors(app: FastifyInstance, options: ErrorsOptions) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = localeOf(request);
    if (error instanceof AppError && error.headers) reply.headers(error.headers);
    if (error instanceof AppError) return send(reply, error.status, error.code, locale, error.details, error.localized?.[locale]);

    if (error.validation) {
      const problems = describeValidation(error.validation as AjvIssue[], error.validationContext, locale);
      const first = problems[0];
      const message = first
        ? locale === 'en'
          ? `${first.field} ${first.message}`
          : `字段 ${first.field} ${first.message}`
        : undefined;
      return send(reply, 400, 'VALIDATION_FAILED', locale, problems, message);
    }

    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return send(reply, known.status, known.code, locale, { reason: error.message });

    const mapped = mapDatabaseError(error);
    if (mapped) return send(reply, mapped.status, mapped.code, locale, mapped.details);

    // Any other 4xx that Fastify or a plugin raised is still the client's fault, not ours.
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code: ErrorCode = status === 404 ? 'NOT_FOUND' : status === 405 ? 'METHOD_NOT_ALLOWED' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST';
      return send(reply, status, code, locale, { reason: error.message });
    }

    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, 'INTERNAL', locale);
  });

  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url === '/api' || request.url.startsWith('/api/');
    if (!isApi && (request.method === 'GET' || request.method === 'HEAD') && options.pageFallback) {
      const answered = options.pageFallback(request, reply);
      if (answered) return answered;
    }
    return send(reply, 404, 'ROUTE_NOT_FOUND', localeOf(request), { path: request.url.split('?')[0] });
  });
});
