import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  Deleted,
  Department,
  DepartmentCreate,
  DepartmentQuery,
  DepartmentUpdate,
  IdParams,
  Organization,
  Person,
  PersonCreate,
  PersonQuery,
  PersonUpdate,
} from '@rectify/domain';
import { DeleteQuery, errors } from '../../lib/route-schemas.js';
import { actorOf } from '../../plugins/auth.js';
import { createPeopleService } from './service.js';

const tags = ['people'];
const read = { access: 'read' as const };
const write = { access: 'hierarchy.write' as const };

export const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const people = createPeopleService({ db: app.db });

  app.get('/api/organizations', { config: read, schema: { tags, summary: '单位 Organizations', response: { 200: Type.Array(Organization) } } }, () => people.listOrganizations());

  app.get('/api/departments', { config: read, schema: { tags, summary: '科室列表 Departments', querystring: DepartmentQuery, response: { 200: Type.Array(Department), ...errors.read } } }, (r) => people.listDepartments(r.query));
  app.get('/api/departments/:id', { config: read, schema: { tags, summary: '科室 One department', params: IdParams, response: { 200: Department, ...errors.read } } }, (r) => people.getDepartment(r.params.id));
  app.post('/api/departments', { config: write, schema: { tags, summary: '新增科室 Create a department', body: DepartmentCreate, response: { 201: Department, ...errors.write } } }, async (r, reply) => reply.status(201).send(await people.createDepartment(r.body, actorOf(r))));
  app.patch('/api/departments/:id', { config: write, schema: { tags, summary: '修改科室 Update a department', params: IdParams, body: DepartmentUpdate, response: { 200: Department, ...errors.write } } }, (r) => people.updateDepartment(r.params.id, r.body, actorOf(r)));
  app.delete('/api/departments/:id', { config: write, schema: { tags, summary: '删除科室 Delete an unused department', params: IdParams, querystring: DeleteQuery, response: { 200: Deleted, ...errors.write } } }, async (r) => {
    await people.deleteDepartment(r.params.id, r.query.version, actorOf(r));
    return { deleted: true, id: r.params.id };
  });

  app.get('/api/people', { config: read, schema: { tags, summary: '人员列表 People', querystring: PersonQuery, response: { 200: Type.Array(Person), ...errors.read } } }, (r) => people.listPeople(r.query));
  app.get('/api/people/:id', { config: read, schema: { tags, summary: '人员 One person', params: IdParams, response: { 200: Person, ...errors.read } } }, (r) => people.getPerson(r.params.id));
  app.post('/api/people', { config: write, schema: { tags, summary: '新增人员 Create a person', body: PersonCreate, response: { 201: Person, ...errors.write } } }, async (r, reply) => reply.status(201).send(await people.createPerson(r.body, actorOf(r))));
  app.patch('/api/people/:id', { config: write, schema: { tags, summary: '修改人员 Update a person', params: IdParams, body: PersonUpdate, response: { 200: Person, ...errors.write } } }, (r) => people.updatePerson(r.params.id, r.body, actorOf(r)));
  app.delete('/api/people/:id', { config: write, schema: { tags, summary: '删除人员 Delete a person who owns nothing', params: IdParams, querystring: DeleteQuery, response: { 200: Deleted, ...errors.write } } }, async (r) => {
    await people.deletePerson(r.params.id, r.query.version, actorOf(r));
    return { deleted: true, id: r.params.id };
  });
};
