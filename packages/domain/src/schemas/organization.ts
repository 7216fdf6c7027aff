import { Type, type Static } from '@sinclair/typebox';
import { Id, KeysetPage, KeysetQuery, Name, Nullable, Ref, Version } from './common.js';
import { ORGANIZATION_KINDS, UNIT_TYPES } from '../enums.js';

export const Organization = Type.Object({
  id: Id,
  name: Type.String(),
  shortName: Nullable(Type.String()),
  /** 巡察办 (supervising) or an inspected unit. */
  kind: Type.Union(ORGANIZATION_KINDS.map((k) => Type.Literal(k))),
  /** What sort of unit (bureau, town, school, enterprise, other). */
  unitType: Nullable(Type.Union(UNIT_TYPES.map((k) => Type.Literal(k)))),
  parent: Nullable(Ref),
  version: Version,
});
export type Organization = Static<typeof Organization>;

const OrganizationKindSchema = Type.Union(ORGANIZATION_KINDS.map((k) => Type.Literal(k)));
const UnitTypeSchema = Type.Union(UNIT_TYPES.map((k) => Type.Literal(k)));

export const OrganizationCreate = Type.Object(
  {
    name: Name,
    shortName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
    kind: Type.Optional(OrganizationKindSchema),
    unitType: Type.Optional(Nullable(UnitTypeSchema)),
    parentId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);
export type OrganizationCreate = Static<typeof OrganizationCreate>;

export const OrganizationUpdate = Type.Object(
  {
    version: Version,
    name: Type.Optional(Name),
    shortName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
    unitType: Type.Optional(Nullable(UnitTypeSchema)),
    parentId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);
export type OrganizationUpdate = Static<typeof OrganizationUpdate>;

export const Department = Type.Object({
  id: Id,
  name: Type.String(),
  organizationId: Id,
  /** 科室负责人: who leads the department. */
  head: Nullable(Ref),
  /** Inactive departments keep their measures but are not offered for new assignments. */
  active: Type.Boolean(),
  /** How many active people belong to it. */
  memberCount: Type.Integer({ minimum: 0 }),
  demo: Type.Boolean(),
  version: Version,
});
export type Department = Static<typeof Department>;

export const DepartmentCreate = Type.Object(
  { name: Name, organizationId: Id, headId: Type.Optional(Nullable(Id)) },
  { additionalProperties: false },
);
export type DepartmentCreate = Static<typeof DepartmentCreate>;

export const DepartmentUpdate = Type.Object(
  { version: Version, name: Type.Optional(Name), headId: Type.Optional(Nullable(Id)), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type DepartmentUpdate = Static<typeof DepartmentUpdate>;

export const DepartmentQuery = Type.Object(
  {
    organizationId: Type.Optional(Id),
    /** true: only the active ones (what pickers offer); absent: all. */
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const Person = Type.Object({
  id: Id,
  name: Type.String(),
  title: Nullable(Type.String()),
  department: Nullable(Ref),
  organizationId: Id,
  /** Inactive people (left the unit) keep their history but are not offered for new assignments. */
  active: Type.Boolean(),
  demo: Type.Boolean(),
  version: Version,
});
export type Person = Static<typeof Person>;

export const PersonCreate = Type.Object(
  {
    name: Name,
    title: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    departmentId: Type.Optional(Nullable(Id)),
    organizationId: Id,
  },
  { additionalProperties: false },
);
export type PersonCreate = Static<typeof PersonCreate>;

export const PersonUpdate = Type.Object(
  {
    version: Version,
    name: Type.Optional(Name),
    title: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    departmentId: Type.Optional(Nullable(Id)),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PersonUpdate = Static<typeof PersonUpdate>;

export const PersonQuery = Type.Object(
  { organizationId: Type.Optional(Id), departmentId: Type.Optional(Id), active: Type.Optional(Type.Boolean()), ...KeysetQuery },
  { additionalProperties: false },
);
export type PersonQuery = Static<typeof PersonQuery>;

/** People in id order, a page at a time (keyset). */
export const PersonPage = KeysetPage(Person);
export type PersonPage = Static<typeof PersonPage>;
