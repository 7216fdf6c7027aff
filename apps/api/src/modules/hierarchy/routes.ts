import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Category,
  CategoryCreate,
  CategoryUpdate,
  Deleted,
  IdParams,
  Manifestation,
  ManifestationCreate,
  ManifestationUpdate,
  Problem,
  ProblemCreate,
  ProblemUpdate,
} from '@rectify/domain';
import { DeleteQuery, errors } from '../../lib/route-schemas.js';
import { actorOf } from '../../plugins/auth.js';
import { createHierarchyService } from './service.js';

const tags = ['hierarchy'];
const read = { access: 'read' as const };
const write = { access: 'hierarchy.write' as const };

export const hierarchyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const hierarchy = createHierarchyService({ db: app.db });

  app.get('/api/categories/:id', { config: { ...read, scope: { params: { id: 'category' } } }, schema: { tags, summary: '方面 One category', params: IdParams, response: { 200: Category, ...errors.read } } }, (r) => hierarchy.getCategory(r.params.id));
  app.post('/api/categories', { config: { ...write, scope: { body: { roundId: 'round' } } }, schema: { tags, summary: '新增方面 Create a category', body: CategoryCreate, response: { 201: Category, ...errors.write } } }, async (r, reply) => reply.status(201).send(await hierarchy.createCategory(r.body, actorOf(r))));
  app.patch('/api/categories/:id', { config: { ...write, scope: { params: { id: 'category' } } }, schema: { tags, summary: '修改方面 Update a category', params: IdParams, body: CategoryUpdate, response: { 200: Category, ...errors.write } } }, (r) => hierarchy.updateCategory(r.params.id, r.body, actorOf(r)));
  app.delete('/api/categories/:id', { config: { ...write, scope: { params: { id: 'category' } } }, schema: { tags, summary: '删除方面 Delete an empty category', params: IdParams, querystring: DeleteQuery, response: { 200: Deleted, ...errors.write } } }, async (r) => {
    await hierarchy.deleteCategory(r.params.id, r.query.version, actorOf(r));
    return { deleted: true, id: r.params.id };
  });

  app.get('/api/problems/:id', { config: { ...read, scope: { params: { id: 'problem' } } }, schema: { tags, summary: '具体问题 One problem', params: IdParams, response: { 200: Problem, ...errors.read } } }, (r) => hierarchy.getProblem(r.params.id));
  app.post('/api/problems', { config: { ...write, scope: { body: { categoryId: 'category' } } }, schema: { tags, summary: '新增具体问题 Create a problem', body: ProblemCreate, response: { 201: Problem, ...errors.write } } }, async (r, reply) => reply.status(201).send(await hierarchy.createProblem(r.body, actorOf(r))));
  app.patch('/api/problems/:id', { config: { ...write, scope: { params: { id: 'problem' }, body: { categoryId: 'category' } } }, schema: { tags, summary: '修改具体问题 Update a problem', params: IdParams, body: ProblemUpdate, response: { 200: Problem, ...errors.write } } }, (r) => hierarchy.updateProblem(r.params.id, r.body, actorOf(r)));
  app.delete('/api/problems/:id', { config: { ...write, scope: { params: { id: 'problem' } } }, schema: { tags, summary: '删除具体问题 Delete a problem without measures or manifestations', params: IdParams, querystring: DeleteQuery, response: { 200: Deleted, ...errors.write } } }, async (r) => {
    await hierarchy.deleteProblem(r.params.id, r.query.version, actorOf(r));
    return { deleted: true, id: r.params.id };
  });

  app.get('/api/manifestations/:id', { config: { ...read, scope: { params: { id: 'manifestation' } } }, schema: { tags, summary: '具体表现 One manifestation', params: IdParams, response: { 200: Manifestation, ...errors.read } } }, (r) => hierarchy.getManifestation(r.params.id));
  app.post('/api/manifestations', { config: { ...write, scope: { body: { problemId: 'problem' } } }, schema: { tags, summary: '新增具体表现 Create a manifestation', body: ManifestationCreate, response: { 201: Manifestation, ...errors.write } } }, async (r, reply) => reply.status(201).send(await hierarchy.createManifestation(r.body, actorOf(r))));
  app.patch('/api/manifestations/:id', { config: { ...write, scope: { params: { id: 'manifestation' }, body: { problemId: 'problem' } } }, schema: { tags, summary: '修改具体表现 Update a manifestation', params: IdParams, body: ManifestationUpdate, response: { 200: Manifestation, ...errors.write } } }, (r) => hierarchy.updateManifestation(r.params.id, r.body, actorOf(r)));
  app.delete('/api/manifestations/:id', { config: { ...write, scope: { params: { id: 'manifestation' } } }, schema: { tags, summary: '删除具体表现 Delete a manifestation', params: IdParams, querystring: DeleteQuery, response: { 200: Deleted, ...errors.write } } }, async (r) => {
    await hierarchy.deleteManifestation(r.params.id, r.query.version, actorOf(r));
    return { deleted: true, id: r.params.id };
  });
};
