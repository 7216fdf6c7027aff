import { Type, type Static } from '@sinclair/typebox';
import { Id, LongText, Ordinal, Title, Version } from './common.js';

/** 方面: a category of the inspection feedback, ordered (一)…(五). */
export const Category = Type.Object({ id: Id, roundId: Id, ordinal: Ordinal, title: Type.String(), version: Version });
export type Category = Static<typeof Category>;
export const CategoryCreate = Type.Object(
  { roundId: Id, title: Title, ordinal: Type.Optional(Ordinal) },
  { additionalProperties: false },
);
export type CategoryCreate = Static<typeof CategoryCreate>;
export const CategoryUpdate = Type.Object(
  { version: Version, title: Type.Optional(Title), ordinal: Type.Optional(Ordinal) },
  { additionalProperties: false },
);
export type CategoryUpdate = Static<typeof CategoryUpdate>;

/** 具体问题: numbered within its category. */
export const Problem = Type.Object({ id: Id, categoryId: Id, ordinal: Ordinal, title: Type.String(), version: Version });
export type Problem = Static<typeof Problem>;
export const ProblemCreate = Type.Object(
  { categoryId: Id, title: Title, ordinal: Type.Optional(Ordinal) },
  { additionalProperties: false },
);
export type ProblemCreate = Static<typeof ProblemCreate>;
export const ProblemUpdate = Type.Object(
  { version: Version, title: Type.Optional(Title), ordinal: Type.Optional(Ordinal), categoryId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type ProblemUpdate = Static<typeof ProblemUpdate>;

/** 具体表现: a concrete finding behind a problem. */
export const Manifestation = Type.Object({
  id: Id,
  problemId: Id,
  ordinal: Ordinal,
  text: Type.String(),
  demo: Type.Boolean(),
  version: Version,
});
export type Manifestation = Static<typeof Manifestation>;
export const ManifestationCreate = Type.Object(
  { problemId: Id, text: LongText, ordinal: Type.Optional(Ordinal) },
  { additionalProperties: false },
);
export type ManifestationCreate = Static<typeof ManifestationCreate>;
export const ManifestationUpdate = Type.Object(
  { version: Version, text: Type.Optional(LongText), ordinal: Type.Optional(Ordinal) },
  { additionalProperties: false },
);
export type ManifestationUpdate = Static<typeof ManifestationUpdate>;
