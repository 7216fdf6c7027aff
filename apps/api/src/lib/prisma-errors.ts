import { AppError } from './errors.js';

interface KnownRequestError {
  code: string;
  meta?: Record<string, unknown>;
}

function isKnownRequestError(error: unknown): error is KnownRequestError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: string }).name === 'PrismaClientKnownRequestError' &&
    typeof (error as { code?: unknown }).code === 'string'
  );
}

/**
 * Known database errors become typed 4xx results instead of leaking as 500s: the request that
 * caused them was wrong (a duplicate, a dangling reference), not the server.
 */
export function mapDatabaseError(error: unknown): AppError | undefined {
  if (!isKnownRequestError(error)) return undefined;
  switch (error.code) {
    case 'P2025':
    case 'P2001':
      return new AppError(404, 'NOT_FOUND');
    case 'P2002':
      return new AppError(409, 'DUPLICATE', { fields: error.meta?.target ?? error.meta?.fields });
    case 'P2003':
    case 'P2014':
      return new AppError(409, 'IN_USE', { constraint: error.meta?.field_name ?? error.meta?.constraint });
    default:
      return undefined;
  }
}

/** A unique constraint refused the row (Prisma P2002): someone else wrote the same key first. */
export const isUniqueViolation = (error: unknown): boolean => isKnownRequestError(error) && error.code === 'P2002';
