import type { ErrorCode, Locale } from '@rectify/domain';

/** An expected failure with its HTTP status; the errors plugin renders it in the one error shape. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly details?: unknown,
    /** A message more specific than the code's own, in both languages. */
    readonly localized?: Record<Locale, string>,
    /** Headers the answer carries (Retry-After on 429 / 503). */
    readonly headers?: Record<string, string>,
  ) {
    super(localized?.en ?? code);
  }
}

export const notFound = (entity: string, id: number | string) => new AppError(404, 'NOT_FOUND', { entity, id });
export const versionConflict = (entity: string, id: number, current: number) =>
  new AppError(409, 'VERSION_CONFLICT', { entity, id, currentVersion: current });
export const invalidReference = (field: string, id: number) => new AppError(400, 'INVALID_REFERENCE', { field, id });
export const validationFailed = (field: string, rule: string) =>
  new AppError(400, 'VALIDATION_FAILED', [{ field, rule }]);

/** A zip the archive guard refused as too big (packages/documents/src/archive-guard.ts), as the API answers it. */
export function archiveRefused(error: { reason: string; details: Record<string, unknown> }): AppError {
  return new AppError(413, 'ARCHIVE_TOO_LARGE', { reason: error.reason, ...error.details });
}
