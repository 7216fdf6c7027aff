import { errorMessage, errorMessages, type ErrorCode, type Locale } from '@rectify/domain';

/** An error the API answered with (`{error: {code, message, details}}`) or a failed request. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get isConflict(): boolean {
    return this.code === 'VERSION_CONFLICT' || this.status === 409;
  }
}

let currentLocale: Locale = 'zh-CN';

/** The UI language, sent as Accept-Language so server messages come back in it. */
export function setApiLocale(locale: Locale): void {
  currentLocale = locale;
}
export function getApiLocale(): Locale {
  return currentLocale;
}

const networkMessages: Record<Locale, string> = {
  'zh-CN': '无法连接服务器，请检查网络后重试',
  en: 'Cannot reach the server; check the connection and try again',
};

const codeForStatus = (status: number): ErrorCode => {
  if (status === 400) return 'BAD_REQUEST';
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'VERSION_CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 422) return 'VALIDATION_FAILED';
  return 'INTERNAL';
};

function isErrorBody(body: unknown): body is { error: { code: string; message?: unknown; details?: unknown } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/** Turns a failed response into an ApiError, whatever its body looks like. */
export async function parseError(response: Response, locale: Locale = currentLocale): Promise<ApiError> {
  let body: unknown;
  try {
    const text = await response.text();
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    const { code, message, details } = body.error;
    const text =
      typeof message === 'string' && message.trim()
        ? message
        : Object.prototype.hasOwnProperty.call(errorMessages, code)
          ? errorMessage(code as ErrorCode, locale)
          : errorMessage(codeForStatus(response.status), locale);
    return new ApiError(code, text, response.status, details);
  }
  const code = codeForStatus(response.status);
  return new ApiError(code, errorMessage(code, locale), response.status);
}


export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

export function buildQuery(query?: Record<string, QueryValue>): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

type UnauthorizedListener = (path: string, error: ApiError) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/**
 * Called whenever the API answers 401 (no or expired session), except for the sign-in request
 * itself, whose 401 means wrong credentials. The app signs the user out and redirects to /login.
 * Returns the unsubscribe function.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function notifyUnauthorized(path: string, error: ApiError): void {
  if (path.startsWith('/api/auth/login')) return;
  for (const listener of unauthorizedListeners) listener(path, error);
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * The one way the web app reaches the API: adds the UI language, turns a network failure or an
 * error answer into an ApiError (a 401 also tells the app the session is gone), and resolves with
 * the successful Response. JSON calls go through `request`; file uploads and downloads use it as is.
 */
export async function fetchApi(path: string, init: RequestInit = {}): Promise<Response> {
  const locale = currentLocale;
  const headers = new Headers(init.headers);
  headers.set('Accept-Language', locale);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('NETWORK', networkMessages[locale], 0, cause instanceof Error ? cause.message : undefined);
  }
  if (!response.ok) {
    const error = await parseError(response, locale);
    if (response.status === 401) notifyUnauthorized(path, error);
    throw error;
  }
  return response;
}

/** A JSON call: resolves with the parsed answer, rejects with ApiError. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetchApi(path + buildQuery(options.query), {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The largest page the API's keyset lists answer. */
export const MAX_PAGE = 200;

/**
 * Every item of a keyset list, page after page: for pickers, which must offer all of a unit's
 * people or departments. Lists a person reads go a page at a time (LoadMore) instead.
 */
async function getAll<T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page: { items: T[]; nextCursor: string | null } = await request('GET', path, { query: { ...query, limit: MAX_PAGE, cursor }, signal });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    request<T>('GET', path, { query, signal }),
  getAll,
  post: <T>(path: string, body: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
