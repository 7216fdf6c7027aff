import { PrismaNamespace as Sql, type Db } from '@rectify/db';
import { MEASURE_STATUSES, type MeasureStatus } from '@rectify/domain';

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
  const rows = await db.$queryRaw<{ measureId: number; text: string; status: string; deadline: string; userId: number; via: string }[]>`
    SELECT m."id" AS "measureId", m."text" AS "text", m."status" AS "status", m."deadline" AS "deadline", u."id" AS "userId", 'leader' AS "via"
      FROM "Measure" m
      JOIN "User" u ON u."personId" = m."leaderId" AND u."active" = true
     WHERE m."status" <> 'closed' AND m."deadline" IS NOT NULL AND m."deadline" <= ${horizon}
    UNION
    SELECT m."id", m."text", m."status", m."deadline", u."id", 'department'
      FROM "Measure" m
      JOIN "Person" p ON p."departmentId" = m."leadDepartmentId"
      JOIN "User" u ON u."personId" = p."id" AND u."active" = true
     WHERE m."status" <> 'closed' AND m."deadline" IS NOT NULL AND m."deadline" <= ${horizon}`;
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
