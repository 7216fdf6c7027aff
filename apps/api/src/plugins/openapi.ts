import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from '@rectify/domain';

/** The OpenAPI 3 document at /api/openapi.json, built from the routes' own schemas. */
export default fp(async function openapi(app: FastifyInstance) {
  app.addSchema(ErrorResponse);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Rectify API',
        description: '巡察整改跟踪 — inspection rectification tracking. Errors: {error: {code, message, details}}; messages in zh-CN, English with Accept-Language: en.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'rectify_session' } } },
      security: [{ session: [] }],
      tags: [
        { name: 'rounds', description: '巡察轮次 inspection rounds' },
        { name: 'hierarchy', description: '方面 / 具体问题 / 具体表现' },
        { name: 'measures', description: '整改措施 measures' },
        { name: 'people', description: '人员、科室、单位 people, departments, organizations' },
        { name: 'auth', description: '登录 sign-in: the rectify_session cookie' },
        { name: 'users', description: '账号 accounts (admin)' },
        { name: 'evidence', description: '佐证材料 evidence files' },
        { name: 'closures', description: '申请销号 / 对账销号 closure requests' },
        { name: 'notifications', description: '提醒 notifications' },
        { name: 'audit', description: '操作日志 audit log' },
        { name: 'system', description: 'health' },
      ],
    },
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
});
