import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../lib/errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origins of RECTIFY_ORIGIN (comma-separated, e.g. `https://rectify.example.gov.cn`), normalised. */
export function parseAllowedOrigins(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)
    .map((o) => {
      try {
        return new URL(o).origin;
      } catch {
        throw new Error(`RECTIFY_ORIGIN: not an origin: ${o}`);
      }
    });
}

/** The origin a request says it came from: Origin, else Referer's origin; null when neither. */
function claimedOrigin(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (origin) return origin; // may be the string "null" (sandboxed, file:, some redirects): refused below
  const referer = request.headers.referer;
  if (!referer) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

/**
 * Is `origin` on the host (and port) the request was sent to? Compared by host and port, not
 * scheme: behind a TLS-terminating proxy without RECTIFY_TRUST_PROXY the server sees http while
 * the browser says https. A Host header without a port matches the scheme's default port.
 */
export function sameHost(origin: string, hostHeader: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const originPort = url.port || (url.protocol === 'https:' ? '443' : '80');
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader);
  if (!match) return false;
  const [, hostname, port] = match;
  if (hostname!.toLowerCase() !== url.hostname.toLowerCase()) return false;
  return port ? port === originPort : originPort === '80' || originPort === '443';
}

/**
 * Cross-site writes are refused: a POST/PATCH/PUT/DELETE whose Origin (or, without one, Referer)
 * is not this server's own — the same host and port the request was sent to (X-Forwarded-Host with
 * RECTIFY_TRUST_PROXY=1) — nor one listed in RECTIFY_ORIGIN gets 403 CROSS_SITE_REQUEST before
 * anything is read. Browsers send Origin with every cross-origin write and with same-origin
 * fetch/form posts, so a browser request can only pass from the app's own pages.
 *
 * A request with neither header is not from a browser page (curl, scripts, server-to-server,
 * the tests' inject): it is let through, since such a client holds the cookie itself and
 * cross-site request forgery needs a victim's browser. This sits with the SameSite=Lax cookie
 * and the JSON/multipart-only body parsers (plugins/auth.ts) as the third layer.
 */
export default fp(async function sameOrigin(app: FastifyInstance, options: { allowedOrigins?: string[] }) {
  const allowed = new Set(options.allowedOrigins ?? []);
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const origin = claimedOrigin(request);
    if (origin === null || allowed.has(origin)) return;
    if (sameHost(origin, request.host)) return;
    throw new AppError(403, 'CROSS_SITE_REQUEST', { origin });
  });
});
