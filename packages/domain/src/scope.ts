import type { Role } from './enums.js';
import type { SqlFragment } from './queries.js';

/**
 * Which rounds an account sees: the one scope rule, beside the policy (policy.ts says what a role
 * may do, this says on which rows). Everything a round owns (categories, problems, measures,
 * closures, evidence, history, documents, notifications) is seen exactly when its round is.
 *
 * - admin and supervisor (巡察办): every round of every unit.
 * - office, leader, officer: the rounds whose inspected unit is the account's organisation; an
 *   account not placed in one sees none (fail closed).
 * - inspector (巡察组): the rounds it was given (RoundAccess), none otherwise.
 *
 * Rows out of scope do not exist for the account: reads and writes by id answer 404, lists and
 * counts leave them out.
 */
export type RoundScope =
  | { kind: 'all' }
  | { kind: 'unit'; organizationId: number | null }
  | { kind: 'granted'; userId: number };

export interface ScopeActor {
  role: Role;
  userId: number;
  organizationId: number | null;
}

export function roundScope(actor: ScopeActor): RoundScope {
  switch (actor.role) {
    case 'admin':
    case 'supervisor':
      return { kind: 'all' };
    case 'office':
    case 'leader':
    case 'officer':
      return { kind: 'unit', organizationId: actor.organizationId };
    case 'inspector':
      return { kind: 'granted', userId: actor.userId };
    default:
      // A role this file does not know sees nothing.
      return { kind: 'unit', organizationId: null };
  }
}

/** No row has this id: the where form of "nothing". */
const NONE = -1;

/** The scope as a Prisma condition on InspectionRound. */
export function roundScopeWhere(scope: RoundScope) {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'unit':
      return { inspectedUnitId: scope.organizationId ?? NONE };
    case 'granted':
      return { access: { some: { userId: scope.userId } } };
  }
}

/** The scope as a Prisma condition on any row with a `round` relation (Category, Problem, Measure, …). */
export function inRoundScopeWhere(scope: RoundScope) {
  return scope.kind === 'all' ? {} : { round: roundScopeWhere(scope) };
}

/**
 * The organisations whose people and departments the account sees: its own unit; for an
 * inspector, the units of its rounds; everything for admin and supervisor.
 */
export function organizationScopeWhere(scope: RoundScope) {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'unit':
      return { id: scope.organizationId ?? NONE };
    case 'granted':
      return { rounds: { some: { access: { some: { userId: scope.userId } } } } };
  }
}

/**
 * The scope as SQL on the InspectionRound table aliased `alias` (a condition, to AND into a WHERE):
 * the same text runs on SQLite and PostgreSQL.
 */
export function roundScopeSql(scope: RoundScope, alias = 'r'): SqlFragment {
  if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`not an SQL alias: ${alias}`);
  switch (scope.kind) {
    case 'all':
      return { strings: ['1 = 1'], values: [] };
    case 'unit':
      return { strings: [`${alias}."inspectedUnitId" = `, ''], values: [scope.organizationId ?? NONE] };
    case 'granted':
      return {
        strings: [`EXISTS (SELECT 1 FROM "RoundAccess" ra WHERE ra."roundId" = ${alias}."id" AND ra."userId" = `, ')'],
        values: [scope.userId],
      };
  }
}

/** Does the scope see this round? (For rows already read; queries use the forms above.) */
export function scopeSees(scope: RoundScope, round: { inspectedUnitId: number; grantedUserIds?: readonly number[] }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'unit':
      return scope.organizationId !== null && round.inspectedUnitId === scope.organizationId;
    case 'granted':
      return round.grantedUserIds?.includes(scope.userId) ?? false;
  }
}

/**
 * The same rule seen from the round: the accounts that see a round, as a Prisma condition on User
 * (who may be notified about it). Kept beside `roundScope` so the two cannot drift apart.
 */
export function usersSeeingRoundWhere(round: { id: number; inspectedUnitId: number }) {
  return {
    OR: [
      { role: { in: ['admin', 'supervisor'] } },
      { role: { in: ['office', 'leader', 'officer'] }, organizationId: round.inspectedUnitId },
      { role: 'inspector', roundAccess: { some: { roundId: round.id } } },
    ],
  };
}

/** `usersSeeingRoundWhere` as SQL on User `userAlias` and InspectionRound `roundAlias`. */
export function userSeesRoundSql(userAlias = 'u', roundAlias = 'r'): SqlFragment {
  for (const alias of [userAlias, roundAlias]) if (!/^[a-z_][a-z0-9_]*$/i.test(alias)) throw new Error(`not an SQL alias: ${alias}`);
  return {
    strings: [
      `(${userAlias}."role" IN ('admin', 'supervisor')` +
        ` OR (${userAlias}."role" IN ('office', 'leader', 'officer') AND ${userAlias}."organizationId" = ${roundAlias}."inspectedUnitId")` +
        ` OR (${userAlias}."role" = 'inspector' AND EXISTS (SELECT 1 FROM "RoundAccess" ura WHERE ura."roundId" = ${roundAlias}."id" AND ura."userId" = ${userAlias}."id")))`,
    ],
    values: [],
  };
}
