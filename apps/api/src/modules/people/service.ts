import { organizationScopeWhere, toOrganizationKind, toUnitType, type Department, type DepartmentCreate, type DepartmentUpdate, type Organization, type OrganizationCreate, type OrganizationUpdate, type Person, type PersonCreate, type PersonPage, type PersonQuery, type PersonUpdate, type RoundScope } from '@rectify/domain';
import type { Db } from '@rectify/db';
import { audited } from '../../lib/audited.js';
import type { AuditActor } from '../../lib/audit.js';
import { AppError, invalidReference, notFound, validationFailed, versionConflict } from '../../lib/errors.js';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../lib/keyset.js';
import { createPeopleRepository, personInclude, personKeyOf, type PersonRow } from './repository.js';

/** An organisation row as the API gives it. */
function toOrganization(o: { id: number; name: string; shortName: string | null; kind: string; unitType: string | null; parent: { id: number; name: string } | null; version: number }): Organization {
  return {
    id: o.id,
    name: o.name,
    shortName: o.shortName,
    kind: toOrganizationKind(o.kind),
    unitType: o.unitType === null ? null : toUnitType(o.unitType),
    parent: o.parent,
    version: o.version,
  };
}

/** Organizations, their departments (科室) and people: the owners that measures point to. */
export function createPeopleService({ db }: { db: Db }) {
  const people = createPeopleRepository(db);
  const toPerson = (p: PersonRow): Person => ({
    id: p.id, name: p.name, title: p.title, organizationId: p.organizationId, active: p.active, demo: p.demo, version: p.version, department: p.department,
  });
  const departmentSelect = {
    id: true, name: true, organizationId: true, headId: true, active: true, demo: true, version: true,
    head: { select: { id: true, name: true } },
    _count: { select: { people: { where: { active: true } } } },
  } as const;
  const toDepartment = ({ _count, headId: _headId, ...d }: {
    id: number; name: string; organizationId: number; headId: number | null; active: boolean; demo: boolean; version: number;
    head: { id: number; name: string } | null; _count: { people: number };
  }): Department => ({ ...d, memberCount: _count.people });
  /** What the audit log records of a department: its own columns, not the joined names. */
  const departmentColumns = { id: true, name: true, organizationId: true, headId: true, active: true, demo: true, version: true } as const;

  async function requireOrganization(id: number) {
    const org = await db.organization.findUnique({ where: { id }, select: { id: true } });
    if (!org) throw invalidReference('organizationId', id);
  }
  async function requireDepartmentOf(departmentId: number, organizationId: number) {
    const d = await db.department.findUnique({ where: { id: departmentId }, select: { organizationId: true } });
    if (!d || d.organizationId !== organizationId) throw invalidReference('departmentId', departmentId);
  }
  async function requirePersonOf(personId: number, organizationId: number, field: string) {
    const p = await db.person.findUnique({ where: { id: personId }, select: { organizationId: true } });
    if (!p || p.organizationId !== organizationId) throw invalidReference(field, personId);
  }
  function refuseIfStale(entity: string, id: number, version: number | undefined, current: number) {
    if (version !== undefined && version !== current) throw versionConflict(entity, id, current);
  }

  return {
    async createOrganization(body: OrganizationCreate, actor: AuditActor): Promise<Organization> {
      if (body.parentId) await requireOrganization(body.parentId);
      const row = await audited(db, actor).create('organization', (tx) =>
        tx.organization.create({
          data: { name: body.name.trim(), shortName: body.shortName?.trim() ?? null, kind: body.kind ?? 'unit', unitType: body.unitType ?? null, parentId: body.parentId ?? null },
        }),
      );
      return this.getOrganization(row.id);
    },
    async updateOrganization(id: number, { version, ...fields }: OrganizationUpdate, actor: AuditActor): Promise<Organization> {
      if (fields.parentId) {
        await requireOrganization(fields.parentId);
        // Not under itself or under one of its own descendants.
        for (let at: number | null = fields.parentId, hops = 0; at !== null && hops < 100; hops++) {
          if (at === id) throw validationFailed('parentId', 'cycle');
          at = (await db.organization.findUnique({ where: { id: at }, select: { parentId: true } }))?.parentId ?? null;
        }
      }
      await audited(db, actor).update(
        'organization', id, version,
        (tx) => tx.organization.findUnique({ where: { id } }),
        (tx, where) =>
          tx.organization.updateMany({
            where,
            data: { name: fields.name?.trim(), shortName: fields.shortName === undefined ? undefined : (fields.shortName?.trim() ?? null), unitType: fields.unitType, parentId: fields.parentId, version: { increment: 1 } },
          }),
      );
      return this.getOrganization(id);
    },
    async getOrganization(id: number): Promise<Organization> {
      const o = await db.organization.findUnique({ where: { id }, include: { parent: { select: { id: true, name: true } } } });
      if (!o) throw notFound('organization', id);
      return toOrganization(o);
    },

    /** The organisations the scope sees: every one for admin and supervisor, the account's unit (or its rounds' units) otherwise. */
    async listOrganizations(scope: RoundScope): Promise<Organization[]> {
      const rows = await db.organization.findMany({ where: organizationScopeWhere(scope), orderBy: { id: 'asc' }, include: { parent: { select: { id: true, name: true } } } });
      return rows.map(toOrganization);
    },

    async listDepartments(filter: { organizationId?: number; active?: boolean }, scope: RoundScope): Promise<Department[]> {
      const rows = await db.department.findMany({
        where: { organizationId: filter.organizationId, active: filter.active, organization: organizationScopeWhere(scope) },
        orderBy: [{ organizationId: 'asc' }, { id: 'asc' }],
        select: departmentSelect,
      });
      return rows.map(toDepartment);
    },
    async getDepartment(id: number): Promise<Department> {
      const row = await db.department.findUnique({ where: { id }, select: departmentSelect });
      if (!row) throw notFound('department', id);
      return toDepartment(row);
    },
    async createDepartment(body: DepartmentCreate, actor: AuditActor): Promise<Department> {
      await requireOrganization(body.organizationId);
      if (body.headId) await requirePersonOf(body.headId, body.organizationId, 'headId');
      const row = await audited(db, actor).create('department', (tx) =>
        tx.department.create({
          data: { organizationId: body.organizationId, name: body.name.trim(), headId: body.headId ?? null },
          select: departmentColumns,
        }),
      );
      return this.getDepartment(row.id);
    },
    async updateDepartment(id: number, { version, ...fields }: DepartmentUpdate, actor: AuditActor): Promise<Department> {
      const current = await db.department.findUnique({ where: { id }, select: { organizationId: true } });
      if (!current) throw notFound('department', id);
      if (fields.headId) await requirePersonOf(fields.headId, current.organizationId, 'headId');
      await audited(db, actor).update(
        'department', id, version,
        (tx) => tx.department.findUnique({ where: { id }, select: departmentColumns }),
        (tx, where) =>
          tx.department.updateMany({
            where,
            data: { name: fields.name?.trim(), headId: fields.headId, active: fields.active, version: { increment: 1 } },
          }),
      );
      return this.getDepartment(id);
    },
    async deleteDepartment(id: number, version: number | undefined, actor: AuditActor): Promise<void> {
      await audited(db, actor).remove(
        'department', id,
        (tx) => tx.department.findUnique({ where: { id }, select: { ...departmentColumns, _count: { select: { people: true, leadMeasures: true, coMeasures: true } } } }),
        (current) => {
          refuseIfStale('department', id, version, current.version);
          const { people, leadMeasures, coMeasures } = current._count as { people: number; leadMeasures: number; coMeasures: number };
          if (people + leadMeasures + coMeasures > 0) throw new AppError(409, 'IN_USE', { entity: 'department', id, people, leadMeasures, coMeasures });
        },
        (tx) => tx.department.delete({ where: { id } }),
      );
    },

    /** A page of the people the scope sees (their units'), in id order (keyset), and how many match. */
    async listPeople({ cursor, limit = DEFAULT_LIMIT, organizationId, departmentId, active }: PersonQuery, scope: RoundScope): Promise<PersonPage> {
      const after = decodeCursor(cursor, 'people', ['int']);
      const where = { organizationId, departmentId, active, organization: organizationScopeWhere(scope) };
      const [rows, total] = await Promise.all([people.page(where, after, limit + 1), people.count(where)]);
      return pageOf(rows, limit, 'people', personKeyOf, toPerson, total);
    },
    async getPerson(id: number): Promise<Person> {
      const row = await people.find(id);
      if (!row) throw notFound('person', id);
      return toPerson(row);
    },
    async createPerson(body: PersonCreate, actor: AuditActor): Promise<Person> {
      await requireOrganization(body.organizationId);
      if (body.departmentId) await requireDepartmentOf(body.departmentId, body.organizationId);
      const row = await audited(db, actor).create(
        'person',
        (tx) =>
          tx.person.create({
            data: { organizationId: body.organizationId, name: body.name.trim(), title: body.title ?? null, departmentId: body.departmentId ?? null },
            include: personInclude,
          }),
        ({ department, ...row }) => ({ ...row, departmentId: department?.id ?? null }),
      );
      return toPerson(row);
    },
    async updatePerson(id: number, { version, ...fields }: PersonUpdate, actor: AuditActor): Promise<Person> {
      const current = await db.person.findUnique({ where: { id }, select: { organizationId: true } });
      if (!current) throw notFound('person', id);
      if (fields.departmentId) await requireDepartmentOf(fields.departmentId, current.organizationId);
      await audited(db, actor).update(
        'person', id, version,
        (tx) => tx.person.findUnique({ where: { id } }),
        (tx, where) => tx.person.updateMany({ where, data: { ...fields, name: fields.name?.trim(), version: { increment: 1 } } }),
      );
      return this.getPerson(id);
    },
    async deletePerson(id: number, version: number | undefined, actor: AuditActor): Promise<void> {
      await audited(db, actor).remove(
        'person', id,
        (tx) => tx.person.findUnique({ where: { id }, include: { _count: { select: { ledMeasures: true, groupMemberships: true } } } }),
        (current) => {
          refuseIfStale('person', id, version, current.version);
          const { ledMeasures, groupMemberships } = current._count as { ledMeasures: number; groupMemberships: number };
          if (ledMeasures + groupMemberships > 0) throw new AppError(409, 'IN_USE', { entity: 'person', id, ledMeasures, groupMemberships });
        },
        (tx) => tx.person.delete({ where: { id } }),
      );
    },
  };
}
