import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Security headers on every answer — the web app, its files, the API, the API documents, the
 * printable report:
 * - Content-Security-Policy: only this origin's scripts (no inline script, no eval); styles from
 *   this origin plus inline ones, because antd (CSS-in-JS) and recharts write <style> elements and
 *   style attributes at run time — 'unsafe-inline' is granted to styles only, never to scripts;
 *   images and fonts also as data:/blob: URLs (antd's icons, downloads); no plugins, no <base>
 *   elsewhere, forms post only here, and no framing by anyone (frame-ancestors 'none') — except
 *   the few answers the app itself shows in a frame (the printable report, evidence previews),
 *   which call `allowFramingBySelf`.
 * - X-Frame-Options DENY (older browsers), X-Content-Type-Options nosniff, Referrer-Policy
 *   same-origin (share-link tokens never leave in a Referer), Cross-Origin-Opener/Resource-Policy
 *   same-origin.
 * - Strict-Transport-Security only on answers to https requests (behind a proxy: with
 *   RECTIFY_TRUST_PROXY=1, X-Forwarded-Proto says so); over plain http it would mean nothing,
 *   and on a LAN install without TLS it must not lock browsers out.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

function policyHeader(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
    .join(';');
}

const FRAMED_BY_SELF_POLICY = policyHeader({ ...CONTENT_SECURITY_POLICY, frameAncestors: ["'self'"] });

/** For an answer the app shows in its own <iframe>: the same policy, but this origin may frame it. */
export function allowFramingBySelf(reply: FastifyReply): FastifyReply {
  return reply.header('content-security-policy', FRAMED_BY_SELF_POLICY).header('x-frame-options', 'SAMEORIGIN');
}

export default fp(async function securityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    hsts: false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
});
