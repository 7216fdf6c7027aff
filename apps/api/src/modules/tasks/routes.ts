import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MyTaskCounts, MyTasks, TasksQuery } from '@rectify/domain';
import { errors } from '../../lib/route-schemas.js';
import { actorOf } from '../../plugins/auth.js';
import { createTaskService } from './service.js';

export const taskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const tasks = createTaskService({ db: app.db, clock: app.clock });
  app.get('/api/me/tasks', {
    config: { access: 'authenticated', scope: { self: true, lists: true } },
    schema: {
      tags: ['measures'],
      summary: '我的任务 The measures I answer for (as their leader, or in their lead department), a page at a time (keyset): overdue first, then by deadline, undated last, closed ones (includeClosed) after; dueNext14 keeps those due in the next 14 days; counts for the menu (open measures only)',
      querystring: TasksQuery,
      response: { 200: MyTasks, ...errors.read },
    },
    handler: (request) => tasks.mine(actorOf(request), request.query),
  });
  app.get('/api/me/tasks/counts', {
    config: { access: 'authenticated', scope: { self: true, lists: true } },
    schema: {
      tags: ['measures'],
      summary: '我的任务数 The counts of 我的任务 for the menu badge (open measures only), without the list',
      response: { 200: MyTaskCounts, ...errors.read },
    },
    handler: (request) => tasks.counts(actorOf(request)),
  });
};
