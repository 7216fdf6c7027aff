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
  OrganizationCreate,
  OrganizationUpdate,
  Person,
  PersonCreate,
  PersonPage,
  PersonQuery,
  PersonUpdate,
} from '@rectify/domain';
import { DeleteQuery, errors } from '../../lib/route-schemas.js';
import { actorOf } from '../../plugins/auth.js';
import { scopeOf } from '../../lib/scope.js';
import { createPeopleService } from './service.js';

const tags = ['people'];
const read = { access: 'read' as const };
const write = { access: 'hierarchy.write' as const };

export const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const people = createPeopleService({ db: app.db });

  app.get('/api/organizations', { config: { ...read, scope: { lists: true } }, schema: { tags, summary: '单位 Organizations', response: { 200: Type.Array(Organization) } } }, (r) => people.listOrganizations(scopeOf(r)));
  const units = { access: 'units.manage' as const, scope: {} };
  app.post('/api/organizations', { config: units, schema: { tags, summary: '新增单位 Add the 巡察办 or a unit to inspect (admin)', body: OrganizationCreate, response: { 201: Organization, ...errors.write } } }, async (r, reply) => reply.status(201).send(await people.createOrganization(r.body, actorOf(r))));
  app.patch('/api/organizations/:id', { config: units, schema: { tags, summary: '修改单位 Rename, re-type or re-parent an organisation (admin; send the version read)', params: IdParams, body: OrganizationUpdate, response: { 200: Organization, ...errors.write } } }, (r) => people.updateOrganization(r.params.id, r.body, actorOf(r)));

  app.get('/api/departments', { config: { ...read, scope: { query: { organizationId: 'organization' }, lists: true } }, schema: { tags, summary: '科室列表 Departments', querystring: DepartmentQuery, response: { 200: Type.Array(Department), ...errors.read } } }, (r) => people.listDepartments(r.query, scopeOf(r)));
  app.get('/api/departments/:id', { config: { ...read, scope: { params: { id: 'department' } } }, schema: { tags, summary: '科室 One department', params: IdParams, response: { 200: Department, ...errors.read } } }, (r) => people.getDepartment(r.params.id));
  app.post('/api/departments', { config: { ...write, scope: { body: { organizationId: 'organization', headId: 'person' } } }, schema: { tags, summary: '新增科室 Create a department', body: DepartmentCreate, response: { 201: Department, ...errors.write } } }, async (r, reply) => reply.status(201).send(await people.createDepartment(r.body, actorOf(r))));
  app.patch('/api/departments/:id', { config: { ...write, scope: { params: { id: 'department' }, body: { headId: 'person' } } }, schema: { tags, summary: '修改科室 Update a department', params: IdParams, body: DepartmentUpdate, response: { 200: Department, ...errors.write } } }, (r) => people.updateDepartment(r.params.id, r.body, actorOf(r)));
  app.delete('/api/departments/:id', { config: { ...write, scope: { params: { id: 'department' } } }, schema: { tags, summary: '删除科室 Delete an unused department', params: IdParams, querystring: DeleteQuery, response: { 200: Deleted, ...errors.write } } }, async (r) => {
    await people.deleteDepartment(r.params.id, r.query.version, actorOf(r));
    return { deleted: true, id: r.params.id };
  });

  app.get('/api/people', { config: { ...read, scope: { query: { organizationId: 'organization', departmentId: 'department' }, lists: true } }, schema: { tags, summary: '人员列表 People, a page at a time (keyset, id order)', querystring: PersonQuery, response: { 200: PersonPage, ...errors.read } } }, (r) => people.listPeople(r.query, scopeOf(r)));
  app.get('/api/people/:id', { config: { ...read, scope: { params: { id: 'person' } } }, schema: { tags, summary: '人员 One person', params: IdParams, response: { 200: Person, ...errors.read } } }, (r) => people.getPerson(r.params.id));
  app.post('/api/people', { config: { ...write, scope: { body: { organizationId: 'organization', departmentId: 'department' } } }, schema: { tags, summary: '新增人员 Create a person', body: PersonCreate, response: { 201: Person, ...errors.write } } }, async (r, reply) => reply.status(201).send(await people.createPerson(r.body, actorOf(r))));
  app.patch('/api/people/:id', { config: { ...write, scope: { params: { id: 'person' }, body: { departmentId: 'department' } } }, schema: { tags, summary: '修改人员 Update a person', params: IdParams, body: PersonUpdate, response: { 200: Person, ...errors.write } } }, (r) => people.updatePerson(r.params.id, r.body, actorOf(r)));
  app.delete('/api/people/:id', { config: { ...write, scope: { params: { id: 'person' } } }, schema: { tags, summary: '删除人员 Delete a person who owns nothing', params: IdParams, querystring: DeleteQuery, response: { 200: Deleted, ...errors.write } } }, async (r) => {
    await people.deletePerson(r.params.id, r.query.version, actorOf(r));
    return { deleted: true, id: r.params.id };
  });
};
