import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LoginBody, Ok, PasswordChange, SessionAnswer } from '@rectify/domain';
import { Type } from '@sinclair/typebox';
import { actorOf } from '../../plugins/auth.js';
import type { PasswordHasher } from '../../lib/passwords.js';
import type { RateLimiter } from '../../lib/rate-limit.js';
import { createAuthService } from './service.js';

const tags = ['auth'];
const error = Type.Ref('ErrorResponse');

export interface AuthRoutesOptions {
  hasher: PasswordHasher;
  limiter: RateLimiter;
  failureDelayMs: number;
}

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, options) => {
  const auth = createAuthService({ db: app.db, clock: app.clock, sessions: app.sessions, ...options });

  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: '登录 Sign in: sets the rectify_session cookie',
      body: LoginBody,
      response: { 200: SessionAnswer, 400: error, 401: error, 429: error },
    },
    handler: async (request, reply) => {
      const { user, token } = await auth.login(request.body, request.ip);
      app.setSessionCookie(request, reply, token);
      return { user };
    },
  });

  app.post('/api/auth/logout', {
    config: { access: 'public' },
    schema: { tags, summary: '退出登录 Sign out (ends the session; harmless without one)', response: { 200: Ok } },
    handler: async (request, reply) => {
      if (request.actor) await app.sessions.remove(request.actor.sessionId);
      app.clearSessionCookie(request, reply);
      return { ok: true };
    },
  });

  app.get('/api/auth/me', {
    config: { access: 'authenticated', scope: { self: true } },
    schema: { tags, summary: '当前用户 The signed-in account, its role and person', response: { 200: SessionAnswer, 401: error } },
    handler: async (request) => ({ user: await auth.me(actorOf(request)) }),
  });

  app.post('/api/auth/password', {
    config: { access: 'authenticated', scope: { self: true } },
    schema: {
      tags,
      summary: '修改密码 Change one’s own password (other sessions end)',
      body: PasswordChange,
      response: { 200: Ok, 400: error, 401: error, 429: error },
    },
    handler: async (request) => {
      await auth.changePassword(actorOf(request), request.body, request.ip);
      return { ok: true };
    },
  });
};
