import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { IdParams, Ok, PasswordReset, UserAccount, UserCreate, UserUpdate } from '@rectify/domain';
import { errors } from '../../lib/route-schemas.js';
import { actorOf } from '../../plugins/auth.js';
import type { PasswordHasher } from '../../lib/passwords.js';
import { createUserService } from './service.js';

const tags = ['users'];
const config = { access: 'users.manage' as const };

export const userRoutes: FastifyPluginAsyncTypebox<{ hasher: PasswordHasher }> = async (app, { hasher }) => {
  const users = createUserService({ db: app.db, hasher, sessions: app.sessions });

  app.get('/api/users', { config: { ...config, scope: {} }, schema: { tags, summary: '账号列表 Accounts (admin)', response: { 200: Type.Array(UserAccount), ...errors.read } } }, () => users.list());
  app.post('/api/users', { config: { ...config, scope: {} }, schema: { tags, summary: '新建账号 Create an account (admin)', body: UserCreate, response: { 201: UserAccount, ...errors.write } } }, async (r, reply) =>
    reply.status(201).send(await users.create(actorOf(r), r.body)));
  app.patch('/api/users/:id', { config: { ...config, scope: {} }, schema: { tags, summary: '修改账号 Role, person, e-mail, active (admin; send the version read)', params: IdParams, body: UserUpdate, response: { 200: UserAccount, ...errors.write } } }, (r) =>
    users.update(actorOf(r), r.params.id, r.body));
  app.post('/api/users/:id/password', { config: { ...config, scope: {} }, schema: { tags, summary: '重置密码 Reset an account’s password (admin; its sessions end)', params: IdParams, body: PasswordReset, response: { 200: Ok, ...errors.write } } }, async (r) => {
    await users.resetPassword(actorOf(r), r.params.id, r.body);
    return { ok: true };
  });
};
