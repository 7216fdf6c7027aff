import type {} from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

export interface Upload {
  fileName: string | null;
  bytes: Buffer;
}

/** Raw-body uploads of these types arrive as a Buffer (multipart is handled by @fastify/multipart). */
export const RAW_UPLOAD_TYPES = [
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
];

/** Lets the routes of one (encapsulated) plugin take a file as the raw request body. */
export function acceptRawUploads(app: FastifyInstance, maxBytes: number): void {
  app.addContentTypeParser(RAW_UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) => done(null, body));
}

/**
 * The uploaded file of a request: the first file part of a multipart form, or the raw body.
 * Too large → 413; no file → 400.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (typeof request.isMultipart === 'function' && request.isMultipart()) {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part) throw new AppError(400, 'BAD_REQUEST', { reason: 'no file in the form' }, { 'zh-CN': '请选择要上传的文件', en: 'Choose a file to upload' });
    const bytes = await part.toBuffer();
    return { fileName: part.filename || null, bytes };
  }
  const body = request.body;
  if (Buffer.isBuffer(body) && body.length > 0) {
    const name = (request.query as { fileName?: string } | undefined)?.fileName ?? null;
    return { fileName: name, bytes: body };
  }
  throw new AppError(400, 'BAD_REQUEST', { reason: 'no file' }, { 'zh-CN': '请上传文件（multipart 表单或请求体）', en: 'Upload a file (multipart form or raw body)' });
}
