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
  'application/pdf',
];

/** Lets the routes of one (encapsulated) plugin take a file as the raw request body. */
export function acceptRawUploads(app: FastifyInstance, maxBytes: number): void {
  app.addContentTypeParser(RAW_UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: maxBytes }, (_request, body, done) => done(null, body));
}

const TOO_LARGE = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

/**
 * The one file part of a multipart form, read whole (≤ maxBytes). Everything the form parser can
 * throw is the client's fault — no boundary, a part cut off, broken part headers — so it is a
 * 400 MALFORMED_UPLOAD (413 when a limit was hit), never a 500. null when the form has no file.
 */
export async function readMultipartFile(request: FastifyRequest, maxBytes: number): Promise<Upload | null> {
  let fileName: string | null = null;
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part) return null;
    fileName = part.filename || null;
    return { fileName, bytes: await part.toBuffer() };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (TOO_LARGE.has(code)) throw new AppError(413, 'FILE_TOO_LARGE', { fileName, maxBytes });
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE');
    throw new AppError(400, 'MALFORMED_UPLOAD', { reason: (error as Error).message });
  }
}

/**
 * The uploaded file of a request: the first file part of a multipart form, or the raw body.
 * Too large → 413; malformed form → 400; no file → 400.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (typeof request.isMultipart === 'function' && request.isMultipart()) {
    const upload = await readMultipartFile(request, maxBytes);
    if (!upload) throw new AppError(400, 'FILE_MISSING', { reason: 'no file in the form' });
    return upload;
  }
  const body = request.body;
  if (Buffer.isBuffer(body) && body.length > 0) {
    const name = (request.query as { fileName?: string } | undefined)?.fileName ?? null;
    return { fileName: name, bytes: body };
  }
  throw new AppError(400, 'FILE_MISSING', { reason: 'no file' }, { 'zh-CN': '请上传文件（multipart 表单或请求体）', en: 'Upload a file (multipart form or raw body)' });
}
