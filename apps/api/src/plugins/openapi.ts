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
      tags: [
        { name: 'rounds', description: '巡察轮次 inspection rounds' },
        { name: 'hierarchy', description: '方面 / 具体问题 / 具体表现' },
        { name: 'measures', description: '整改措施 measures' },
        { name: 'people', description: '人员、科室、单位 people, departments, organizations' },
        { name: 'system', description: 'health' },
      ],
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
});
