import type { Role } from '@rectify/domain';
import type { Db } from '@rectify/db';
import { audit, systemActor } from '../../lib/audit.js';
import type { Clock } from '../../lib/clock.js';
import type { PasswordHasher } from '../../lib/passwords.js';
import { auditedAccount } from './accounts.js';

export const DEMO_PASSWORD = 'rectify-demo';
export const DEMO_USERNAMES = ['admin', 'supervisor', 'office', 'leader', 'officer', 'inspector'] as const satisfies readonly Role[];

/**
 * With RECTIFY_DEMO=1: one account per role, password `rectify-demo`, on a database without any
 * account. `leader` is the person who leads the demo round's open measure; `officer` a person of
 * that measure's lead department (a demo person is added there when it has none) — so both own
 * the overdue measure the dashboard flags. office, leader and officer belong to the reference round's
 * unit (they see its rounds only); `supervisor` to the district's 巡察办 (it reads every unit's
 * rounds); `inspector` is given the reference round. Their audit rows are dated by `clock`.
 */
export async function ensureDemoAccounts(db: Db, hasher: PasswordHasher, clock: Pick<Clock, 'now'>): Promise<string[]> {
  if ((await db.user.count()) > 0) return [];
  const open = await db.measure.findFirst({
    where: { status: { not: 'closed' }, leaderId: { not: null }, leadDepartmentId: { not: null }, problem: { category: { round: { demo: true } } } },
    // The reference round is loaded before the demo district's rounds: the lowest round id is it.
    orderBy: [{ roundId: 'asc' }, { deadline: 'asc' }, { id: 'asc' }],
    select: { roundId: true, leaderId: true, leadDepartmentId: true, leadDepartment: { select: { organizationId: true } }, round: { select: { inspectedUnitId: true } } },
  });
  const supervising = await db.organization.findFirst({ where: { kind: 'supervising' }, orderBy: { id: 'asc' }, select: { id: true } });
  const hashes = await Promise.all(DEMO_USERNAMES.map(() => hasher.hash(DEMO_PASSWORD)));
  return db.$transaction(async (tx) => {
    let officerPersonId: number | null = null;
    if (open?.leadDepartmentId) {
      const colleague = await tx.person.findFirst({
        where: { departmentId: open.leadDepartmentId, id: { not: open.leaderId ?? undefined } },
        orderBy: { id: 'asc' },
        select: { id: true },
      });
      officerPersonId =
        colleague?.id ??
        (
          await tx.person.create({
            data: { organizationId: open.leadDepartment!.organizationId, name: '演示责任人', title: '科员', departmentId: open.leadDepartmentId, demo: true },
          })
        ).id;
    }
    const personOf: Record<(typeof DEMO_USERNAMES)[number], number | null> = {
      admin: null,
      supervisor: null,
      office: null,
      leader: open?.leaderId ?? null,
      officer: officerPersonId,
      inspector: null,
    };
    const unitId = open?.round.inspectedUnitId ?? null;
    const organizationOf: Record<(typeof DEMO_USERNAMES)[number], number | null> = {
      admin: null,
      supervisor: supervising?.id ?? null,
      office: unitId,
      leader: unitId,
      officer: unitId,
      inspector: null,
    };
    for (const [i, username] of DEMO_USERNAMES.entries()) {
      const row = await tx.user.create({
        data: { username, role: username, passwordHash: hashes[i]!, personId: personOf[username], organizationId: organizationOf[username], demo: true },
      });
      const roundIds = username === 'inspector' && open ? [open.roundId] : [];
      if (roundIds.length) await tx.roundAccess.createMany({ data: roundIds.map((roundId) => ({ userId: row.id, roundId })) });
      await audit(tx, systemActor(clock), 'user', row.id, 'create', null, auditedAccount(row, roundIds));
    }
    return [...DEMO_USERNAMES];
  });
}
