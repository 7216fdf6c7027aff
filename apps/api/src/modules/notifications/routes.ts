import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, NotificationItem, NotificationList, NotificationQuery, ReadAllAnswer } from '@rectify/domain';
import { errors } from '../../lib/route-schemas.js';
import { actorOf } from '../../plugins/auth.js';

const tags = ['notifications'];
const config = { access: 'authenticated' as const };

export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const notifier = app.notifier;
  app.get('/api/notifications', { config: { ...config, scope: { self: true } }, schema: { tags, summary: '我的提醒 My notifications, newest first, with the unread count (deadline notices, 三色预警 of deadlines and of long-term measures\' check-ins, decisions, assignments)', querystring: NotificationQuery, response: { 200: NotificationList, ...errors.read } } }, (r) =>
    notifier.list(actorOf(r).userId, r.query));
  app.post('/api/notifications/:id/read', { config: { ...config, scope: { self: true } }, schema: { tags, summary: '标为已读 Mark one as read', params: IdParams, response: { 200: NotificationItem, ...errors.write } } }, (r) =>
    notifier.markRead(actorOf(r).userId, r.params.id));
  app.post('/api/notifications/read-all', { config: { ...config, scope: { self: true } }, schema: { tags, summary: '全部已读 Mark all mine as read', response: { 200: ReadAllAnswer, ...errors.write } } }, async (r) => ({
    updated: await notifier.markAllRead(actorOf(r).userId),
  }));
};
