import { PrismaNamespace as Sql, type Db } from '@rectify/db';
import {
  MEASURE_STATUSES,
  nextCheckInDue,
  toCheckInCadence,
  toMeasureKind,
  userSeesRoundSql,
  warningLevelSql,
  type CheckInCadence,
  type MeasureStatus,
  type SqlDialect,
  type WarningLevel,
} from '@rectify/domain';
import { fragment } from '../../lib/sql.js';

/**
 * The daily deadline scan's data access: set-based statements whose SQL text is the same on
 * SQLite and PostgreSQL (quoted identifiers, `<>`, UNION, `ON CONFLICT … DO NOTHING`).
 */

/** One account that answers for one open measure with a deadline: the input of the deadline rules. */
export interface DeadlineRecipient {
  measureId: number;
  text: string;
  status: MeasureStatus;
  deadline: string;
  userId: number;
  /** How the account answers for it: it is the measure's leader's, or one of its lead department's people's. */
  via: 'leader' | 'department';
}

/** A notification to insert; the dedupe key makes the same event notify an account once. */
export interface NewNotification {
  userId: number;
  kind: string;
  measureId: number | null;
  title: string;
  text: string;
  dedupeKey: string;
}

const toStatus = (value: string): MeasureStatus => {
  const status = MEASURE_STATUSES.find((s) => s === value);
  if (!status) throw new Error(`unknown measure status in the database: ${value}`);
  return status;
};

/** Rows per INSERT: 7 parameters each stays far below both databases' bind-variable limits. */
const INSERT_CHUNK = 500;

/** The open measures due on or before `horizon` (overdue ones included), each with every active account that answers for it. */
export async function deadlineRecipients(db: Db, horizon: string): Promise<DeadlineRecipient[]> {
  // Only accounts that see the measure's round (packages/domain scope.ts).
  const seesRound = fragment(userSeesRoundSql('u', 'r'));
  const rows = await db.$queryRaw<{ measureId: number; text: string; status: string; deadline: string; userId: number; via: string }[]>`
    SELECT m."id" AS "measureId", m."text" AS "text", m."status" AS "status", m."deadline" AS "deadline", u."id" AS "userId", 'leader' AS "via"
      FROM "Measure" m
      JOIN "InspectionRound" r ON r."id" = m."roundId"
      JOIN "User" u ON u."personId" = m."leaderId" AND u."active" = true
     WHERE m."status" <> 'closed' AND m."deadline" IS NOT NULL AND m."deadline" <= ${horizon} AND ${seesRound}
    UNION
    SELECT m."id", m."text", m."status", m."deadline", u."id", 'department'
      FROM "Measure" m
      JOIN "InspectionRound" r ON r."id" = m."roundId"
      JOIN "Person" p ON p."departmentId" = m."leadDepartmentId"
      JOIN "User" u ON u."personId" = p."id" AND u."active" = true
     WHERE m."status" <> 'closed' AND m."deadline" IS NOT NULL AND m."deadline" <= ${horizon} AND ${seesRound}`;
  return rows.map((r) => ({
    measureId: Number(r.measureId),
    text: r.text,
    status: toStatus(r.status),
    deadline: r.deadline,
    userId: Number(r.userId),
    via: r.via === 'leader' ? 'leader' : 'department',
  }));
}

/** The dedupe keys already used by notifications of the measures `deadlineRecipients` returns. */
export async function deadlineNotificationKeys(db: Db, horizon: string): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ dedupeKey: string }[]>`
    SELECT n."dedupeKey" AS "dedupeKey"
      FROM "Notification" n
      JOIN "Measure" m ON m."id" = n."measureId"
     WHERE m."status" <> 'closed' AND m."deadline" IS NOT NULL AND m."deadline" <= ${horizon}`;
  return new Set(rows.map((r) => r.dedupeKey));
}

/**
 * Inserts the notifications whose dedupe key is new, a few hundred rows per statement; a key that
 * exists (another instance or an earlier run wrote it) is skipped by the database, not an error.
 * Returns how many rows were inserted.
 */
export async function insertNotifications(db: Db, rows: NewNotification[], createdAt: Date): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const values = rows
      .slice(i, i + INSERT_CHUNK)
      .map((r) => Sql.sql`(${r.userId}, ${r.kind}, ${r.measureId}, ${r.title}, ${r.text}, ${r.dedupeKey}, ${createdAt})`);
    inserted += await db.$executeRaw`
      INSERT INTO "Notification" ("userId", "kind", "measureId", "title", "text", "dedupeKey", "createdAt")
      VALUES ${Sql.join(values)}
      ON CONFLICT ("dedupeKey") DO NOTHING`;
  }
  return inserted;
}

/** Who hears of a measure's warning, by level: the officers, + its leader, + the office and the unit's principal. */
export type WarningAudience = 'department' | 'leader' | 'office' | 'principal';

export interface WarningRecipient {
  measureId: number;
  text: string;
  /**
   * The day the level counts down to: the deadline, or for a long-term measure (长期坚持) the day its
   * next check-in is due (packages/domain nextCheckInDue), so that each missed period warns anew.
   */
  due: string;
  /** A long-term measure's cadence (its notice speaks of check-ins); null for a measure with a deadline. */
  checkInCadence: CheckInCadence | null;
  level: Exclude<WarningLevel, 'none'>;
  userId: number;
  via: WarningAudience;
}

/**
 * Every open measure with a warning level (the rule's SQL form, with each round's thresholds):
 * dated ones by their deadline, long-term ones with a cadence by their next check-in; each with
 * the active accounts its level reaches: 绿 due soon → the officers of its lead department; 黄
 * urgent → + its leader; 红 overdue → + the unit's own office (整改办公室; another unit's office never
 * hears of it) and the unit's principal (the head, 组长, of the round's leading group). One
 * statement; the check-in's due day is the pure rule's, from the columns it returns.
 */
export async function warningRecipients(db: Db, dialect: SqlDialect, today: string): Promise<WarningRecipient[]> {
  const level = Sql.raw(warningLevelSql(dialect, today));
  const rows = await db.$queryRaw<
    { measureId: number; text: string; kind: string; deadline: string | null; startDate: string | null; checkInCadence: string | null; lastCheckInOn: string | null; level: string; userId: number; via: string }[]
  >`
    WITH w AS (
      SELECT m."id" AS "id", m."text" AS "text", m."kind" AS "kind", m."deadline" AS "deadline",
             COALESCE(m."startDate", r."feedbackDate") AS "startDate", m."checkInCadence" AS "checkInCadence", m."lastCheckInOn" AS "lastCheckInOn",
             m."leaderId" AS "leaderId", m."leadDepartmentId" AS "leadDepartmentId", m."roundId" AS "roundId", r."inspectedUnitId" AS "unitId", ${level} AS "level"
        FROM "Measure" m JOIN "InspectionRound" r ON r."id" = m."roundId"
       WHERE m."status" <> 'closed'
         AND ((m."kind" <> 'long_term' AND m."deadline" IS NOT NULL) OR (m."kind" = 'long_term' AND m."checkInCadence" IS NOT NULL))
    )
    SELECT w."id" AS "measureId", w."text" AS "text", w."kind" AS "kind", w."deadline" AS "deadline", w."startDate" AS "startDate",
           w."checkInCadence" AS "checkInCadence", w."lastCheckInOn" AS "lastCheckInOn", w."level" AS "level", u."id" AS "userId", 'department' AS "via"
      FROM w JOIN "Person" p ON p."departmentId" = w."leadDepartmentId" JOIN "User" u ON u."personId" = p."id" AND u."active" = true
     WHERE w."level" <> 'none'
    UNION
    SELECT w."id", w."text", w."kind", w."deadline", w."startDate", w."checkInCadence", w."lastCheckInOn", w."level", u."id", 'leader'
      FROM w JOIN "User" u ON u."personId" = w."leaderId" AND u."active" = true
     WHERE w."level" IN ('urgent', 'overdue')
    UNION
    SELECT w."id", w."text", w."kind", w."deadline", w."startDate", w."checkInCadence", w."lastCheckInOn", w."level", u."id", 'office'
      FROM w JOIN "User" u ON u."role" = 'office' AND u."organizationId" = w."unitId" AND u."active" = true
     WHERE w."level" = 'overdue'
    UNION
    SELECT w."id", w."text", w."kind", w."deadline", w."startDate", w."checkInCadence", w."lastCheckInOn", w."level", u."id", 'principal'
      FROM w JOIN "LeadingGroupMember" g ON g."roundId" = w."roundId" AND g."role" = 'head'
      JOIN "User" u ON u."personId" = g."personId" AND u."active" = true
     WHERE w."level" = 'overdue'`;
  return rows.flatMap((r): WarningRecipient[] => {
    const kind = toMeasureKind(r.kind);
    const checkInCadence = kind === 'long_term' && r.checkInCadence !== null ? toCheckInCadence(r.checkInCadence) : null;
    const due = checkInCadence ? nextCheckInDue({ kind, status: 'in_progress', checkInCadence, lastCheckInOn: r.lastCheckInOn, startDate: r.startDate }) : r.deadline;
    // The level says there is a day to count down to; a row without one (a bad stored value) warns nobody.
    if (!due) return [];
    return [{
      measureId: Number(r.measureId),
      text: r.text,
      due,
      checkInCadence,
      level: r.level === 'overdue' ? 'overdue' : r.level === 'urgent' ? 'urgent' : 'due_soon',
      userId: Number(r.userId),
      via: r.via === 'leader' ? 'leader' : r.via === 'office' ? 'office' : r.via === 'principal' ? 'principal' : 'department',
    }];
  });
}
