import { Type, type Static } from '@sinclair/typebox';
import { Id, IsoDate, Nullable, Timestamp } from './common.js';
import { UserRef } from './closure.js';
import { WarningLevelSchema } from './measure.js';

/** 督办〔2023〕3号: the number of a supervision notice, per issuing unit and year. */
export function supervisionNoticeNumber(year: number, number: number): string {
  return `督办〔${year}〕${number}号`;
}

export const NoticeTargetSchema = Type.Union([Type.Literal('department'), Type.Literal('leader')]);

export const SupervisionNoticeCreate = Type.Object(
  {
    measureIds: Type.Array(Id, { minItems: 1, maxItems: 200, uniqueItems: true }),
    /** Addressed to the measures' lead department (default) or to their responsible leader. */
    target: Type.Optional(NoticeTargetSchema),
    replyBy: Type.Optional(IsoDate),
    request: Type.Optional(Type.String({ maxLength: 2_000 })),
  },
  { additionalProperties: false },
);
export type SupervisionNoticeCreate = Static<typeof SupervisionNoticeCreate>;

export const SupervisionNotice = Type.Object({
  id: Id,
  roundId: Id,
  year: Type.Integer(),
  number: Type.Integer({ minimum: 1 }),
  /** 督办〔2023〕3号 */
  code: Type.String(),
  target: NoticeTargetSchema,
  targetName: Type.String(),
  replyBy: Nullable(IsoDate),
  request: Nullable(Type.String()),
  issuedOn: IsoDate,
  issuedAt: Timestamp,
  issuedBy: Nullable(UserRef),
  measures: Type.Array(Type.Object({ id: Id, text: Type.String(), level: WarningLevelSchema, deadline: Nullable(IsoDate) })),
});
export type SupervisionNotice = Static<typeof SupervisionNotice>;
