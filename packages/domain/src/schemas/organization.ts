import { Type, type Static } from '@sinclair/typebox';
import { Id, Name, Nullable, Ref, Version } from './common.js';

export const Organization = Type.Object({
  id: Id,
  name: Type.String(),
  shortName: Nullable(Type.String()),
  parent: Nullable(Ref),
  version: Version,
});
export type Organization = Static<typeof Organization>;

export const Department = Type.Object({
  id: Id,
  name: Type.String(),
  organizationId: Id,
  demo: Type.Boolean(),
  version: Version,
});
export type Department = Static<typeof Department>;

export const DepartmentCreate = Type.Object(
  { name: Name, organizationId: Id },
  { additionalProperties: false },
);
export type DepartmentCreate = Static<typeof DepartmentCreate>;

export const DepartmentUpdate = Type.Object(
  { version: Version, name: Type.Optional(Name) },
  { additionalProperties: false },
);
export type DepartmentUpdate = Static<typeof DepartmentUpdate>;

export const DepartmentQuery = Type.Object({ organizationId: Type.Optional(Id) }, { additionalProperties: false });

export const Person = Type.Object({
  id: Id,
  name: Type.String(),
  title: Nullable(Type.String()),
  department: Nullable(Ref),
  organizationId: Id,
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
  },
  { additionalProperties: false },
);
export type PersonUpdate = Static<typeof PersonUpdate>;

export const PersonQuery = Type.Object(
  { organizationId: Type.Optional(Id), departmentId: Type.Optional(Id) },
  { additionalProperties: false },
);
