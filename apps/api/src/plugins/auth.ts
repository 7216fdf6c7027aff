import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { mayAttempt, type Access } from '@rectify/domain';
import { AppError } from '../lib/errors.js';
import type { RequestActor } from '../lib/actor.js';
import { enforceScope, type ScopeRule } from '../lib/scope.js';
import { createSessionStore, SESSION_COOKIE, SESSION_IDLE_MS, type SessionStore } from '../modules/auth/sessions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route (packages/domain/src/policy.ts). Every /api route must declare it. */
    access?: Access;
    /** Which rows the route names or lists, kept to the account's round scope (lib/scope.ts). Every non-public /api route must declare it. */
    scope?: ScopeRule;
  }
  interface FastifyRequest {
    /** The signed-in account, or null. */
    actor: RequestActor | null;
  }
  interface FastifyInstance {
    sessions: SessionStore;
    /** Every route registered, with its declared access and schemas: the rights and property tests walk it. */
    routeAccess: { method: string; url: string; access: Access | undefined; scope: ScopeRule | undefined; schema?: FastifySchema }[];
    setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void;
    clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void;
  }
}

export interface AuthOptions {
  /** 'auto' (default): Secure when the request came over https; true: always; false: never. */
  secureCookies?: boolean | 'auto';
}

/** Paths under /api that answer without an account, whatever their route says. */
const PUBLIC_PREFIXES = ['/api/docs'];

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * Sign-in state and the rights gate, for every route.
 *
 * - The session cookie `rectify_session` (httpOnly, SameSite=Lax, Secure over https, path /) holds
 *   a random token; the database holds its sha256 (modules/auth/sessions.ts).
 * - Each /api route declares `config.access`. Before anything else is read (body, validation),
 *   `onRequest` answers 401 when an account is needed and none is signed in, and 403 when the role
 *   can never do what the route does. A route without a declaration is refused (fail closed).
 *   Finer decisions that depend on the measure (is it theirs?) are taken by the services with
 *   `can` from the domain package once the measure is read.
 * - Scope: each such route also declares `config.scope` (lib/scope.ts); a route without it is
 *   refused. Once the body is parsed (before validation), every id it names is checked against the account's
 *   round scope (another unit's row answers as one that does not exist: 404, not 403), and the
 *   services filter lists and counts by `scopeOf(request)`.
 * - CSRF: the cookie is SameSite=Lax, so other sites' forms and scripts do not send it with a
 *   POST/PATCH/DELETE; and the API parses only JSON and multipart bodies (the text/plain parser is
 *   removed in app.ts), so a cross-site "simple" request cannot smuggle a JSON body either.
 * - Outside /api (the web app's files) nothing is checked.
 */
export default fp(async function auth(app: FastifyInstance, options: AuthOptions) {
  await app.register(cookie);
  const sessions = createSessionStore({ db: app.db, clock: app.clock });
  app.decorate('sessions', sessions);
  app.decorateRequest('actor', null);

  const routeAccess: FastifyInstance['routeAccess'] = [];
  app.decorate('routeAccess', routeAccess);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      const config = route.config as { access?: Access; scope?: ScopeRule } | undefined;
      routeAccess.push({ method, url: route.url, access: config?.access, scope: config?.scope, schema: route.schema });
    }
  });

  const secure = (request: FastifyRequest) =>
    options.secureCookies === 'auto' || options.secureCookies === undefined ? request.protocol === 'https' : options.secureCookies;
  app.decorate('setSessionCookie', (request: FastifyRequest, reply: FastifyReply, token: string) => {
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secure(request),
      path: '/',
      maxAge: Math.floor(SESSION_IDLE_MS / 1000),
    });
  });
  app.decorate('clearSessionCookie', (request: FastifyRequest, reply: FastifyReply) => {
    reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: secure(request), path: '/' });
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (!isApiPath(path) || request.is404) return; // the web app, or the 404 answer
    if (PUBLIC_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))) return;
    const access = request.routeOptions.config?.access;

    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const found = await sessions.lookup(token);
      if (found) {
        request.actor = found.actor;
        if (found.refreshed) app.setSessionCookie(request, reply, token);
      } else {
        app.clearSessionCookie(request, reply);
      }
    }
    if (access === 'public') return;
    if (!access) {
      request.log.error({ url: request.routeOptions.url, method: request.method }, 'route declares no access: refused');
      throw new AppError(request.actor ? 403 : 401, request.actor ? 'FORBIDDEN' : 'UNAUTHORIZED');
    }
    if (!request.actor) throw new AppError(401, 'UNAUTHORIZED');
    if (!mayAttempt(request.actor.role, access)) throw new AppError(403, 'FORBIDDEN', { access });
    if (!request.routeOptions.config?.scope) {
      request.log.error({ url: request.routeOptions.url, method: request.method }, 'route declares no scope: refused');
      throw new AppError(403, 'FORBIDDEN');
    }
  });

  // Once the body is parsed, before it is validated (so another unit's id answers 404 whatever the
  // body): every id the request names must be in the account's scope.
  app.addHook('preValidation', async (request) => {
    const rule = request.routeOptions.config?.scope;
    if (!request.actor || !rule || request.routeOptions.config?.access === 'public') return;
    await enforceScope(app.db, request, rule);
  });
});

/** The signed-in account of a request whose route required one. */
export function actorOf(request: FastifyRequest): RequestActor {
  if (!request.actor) throw new AppError(401, 'UNAUTHORIZED');
  return request.actor;
}
