import type { Role } from './enums.js';
import type { MeasureUpdate } from './schemas/measure.js';

/**
 * Who may do what — the one place the rights live. The API declares one `Access` per route and
 * asks `mayAttempt` before anything else (403 when the role can never do it), then, for actions on
 * one measure, asks `can` with the measure once it has read it. Pure: no I/O, tested alone.
 *
 * - admin: everything.
 * - office (整改办公室): edits the hierarchy, people, departments and measures; verifies
 *   closures (approve / reject); reopens closed measures; reads the audit log.
 * - leader (领导小组): reads everything; updates, reports on and approves / rejects the closure of
 *   the measures they lead (measure.leaderId is their person).
 * - officer (责任人): reads everything; updates (progress, outcome, progress updates, evidence,
 *   submit for closure) only the measures they answer for: they lead it, or their person belongs
 *   to its lead department.
 * - supervisor (巡察办): reads and exports every unit's rounds (the programme view), writes nothing
 *   of a unit's own.
 * - inspector (巡察组): reads and exports the rounds it is given, writes nothing.
 *
 * Which rows an account sees at all is the other half of the rights: `roundScope` in scope.ts.
 */
export type Access =
  /** No account needed: health, sign-in, the API documents. */
  | 'public'
  /** Any signed-in account, about itself: me, password, my tasks, my notifications. */
  | 'authenticated'
  /** Read anything (rounds, trees, measures, evidence, history). */
  | 'read'
  /** Export ledgers and reports. */
  | 'export'
  /** Create / edit / delete rounds, categories, problems, manifestations, people, departments, and create / delete measures. */
  | 'hierarchy.write'
  /** PATCH a measure's fields (which fields depends on the role, see `editableMeasureFields`). */
  | 'measure.update'
  /** Progress updates, evidence uploads, submit for closure (申请销号). */
  | 'measure.progress'
  /** Approve or reject a closure request (对账销号). */
  | 'closure.decide'
  /** Reopen a closed measure. */
  | 'measure.reopen'
  /** 申请延期: ask for a later deadline for a measure one answers for (leader: leads it; officer: answers for it). */
  | 'postponement.request'
  /** Approve or refuse a postponement (the office). */
  | 'postponement.decide'
  /** Issue a 督办函 (supervision notice) (the office). */
  | 'supervision.issue'
  /** Schedule a 回头看 (follow-up review) of closed measures (the office). */
  | 'followup.schedule'
  /** Record 巩固 / 反弹 per measure of a 回头看, with notes and evidence (the office; leaders and officers when they are its reviewer). */
  | 'followup.record'
  /** Edit or delete a 回头看 (day, reviewer, scope while nothing is recorded; note), correct a recorded result (the unit's office). */
  | 'followup.manage'
  /** Query the audit log across entities. */
  | 'audit.read'
  /** Accounts: create, edit, reset passwords. */
  | 'users.manage'
  /** The district's organisations: add the 巡察办 and the units it inspects, rename, re-parent (admin). */
  | 'units.manage'
  /** Submit the round's rectification report to the 巡察办 (the unit's office). */
  | 'report.submit'
  /** Accept a submitted report or send it back with comments (the 巡察办). */
  | 'report.review'
  /** The programme view (整改总览): every round and unit side by side (the 巡察办, admin). */
  | 'programme.read'
  /** 群众监督: read a round's public page settings and the opinions sent from it (the unit's office, the 巡察办, admin). */
  | 'opinions.read'
  /** 群众监督: switch a round's public page on or off, handle its opinions (the unit's office, admin). */
  | 'opinions.manage';

export const ACCESS_LEVELS: readonly Access[] = [
  'public',
  'authenticated',
  'read',
  'export',
  'hierarchy.write',
  'measure.update',
  'measure.progress',
  'closure.decide',
  'measure.reopen',
  'audit.read',
  'users.manage',
  'postponement.request',
  'postponement.decide',
  'supervision.issue',
  'followup.schedule',
  'followup.record',
  'followup.manage',
  'units.manage',
  'report.submit',
  'report.review',
  'programme.read',
  'opinions.read',
  'opinions.manage',
];

/** Who the signed-in account is, as far as the rules care. */
export interface Actor {
  role: Role;
  personId: number | null;
  /** The department of the account's person. */
  departmentId: number | null;
}

/** The facts about a measure that decide who answers for it. */
export interface MeasureOwnership {
  leaderId: number | null;
  leadDepartmentId: number | null;
}

/** Actions that depend on which measure they touch. */
const MEASURE_SCOPED: ReadonlySet<Access> = new Set(['measure.update', 'measure.progress', 'closure.decide', 'postponement.request']);

/** What each role may attempt at all (for measure-scoped actions: on at least some measures). */
const ROLE_ACCESS: Record<Role, ReadonlySet<Access>> = {
  admin: new Set(ACCESS_LEVELS),
  supervisor: new Set<Access>(['public', 'authenticated', 'read', 'export', 'report.review', 'programme.read', 'opinions.read']),
  office: new Set<Access>([
    'public', 'authenticated', 'read', 'export', 'hierarchy.write', 'measure.update', 'measure.progress',
    'closure.decide', 'measure.reopen', 'audit.read', 'postponement.request', 'postponement.decide', 'supervision.issue', 'report.submit',
    'followup.schedule', 'followup.record', 'followup.manage',
    'opinions.read', 'opinions.manage',
  ]),
  leader: new Set<Access>(['public', 'authenticated', 'read', 'export', 'measure.update', 'measure.progress', 'closure.decide', 'postponement.request', 'followup.record']),
  officer: new Set<Access>(['public', 'authenticated', 'read', 'export', 'measure.update', 'measure.progress', 'postponement.request', 'followup.record']),
  inspector: new Set<Access>(['public', 'authenticated', 'read', 'export']),
};

/** The route-level gate: may this role ever do this? Unknown actions are refused (fail closed). */
export function mayAttempt(role: Role | null, access: Access | undefined): boolean {
  if (access === 'public') return true;
  if (!role || !access) return false;
  return ROLE_ACCESS[role]?.has(access) ?? false;
}

/** The actor leads the measure: it is their person's measure as 责任领导. */
export function leads(actor: Pick<Actor, 'personId'>, measure: MeasureOwnership): boolean {
  return actor.personId !== null && measure.leaderId === actor.personId;
}

/** The actor answers for the measure: they lead it, or their person is in its lead department. */
export function answersFor(actor: Pick<Actor, 'personId' | 'departmentId'>, measure: MeasureOwnership): boolean {
  return (
    leads(actor, measure) ||
    (actor.departmentId !== null && measure.leadDepartmentId !== null && measure.leadDepartmentId === actor.departmentId)
  );
}

/**
 * Fields of a measure that a PATCH may change (`version` is always sent and always allowed): every
 * field of the update schema, the office's and admin's, and the leader's unless listed below as
 * workflow-only. Written out rather than read from the schema at run time, so the web app can ask
 * the policy without loading TypeBox; the record's type fails the typecheck when a field is added to
 * the schema and not here, so none is silently dropped.
 */
export type MeasureField = Exclude<keyof MeasureUpdate, 'version'>;
const EVERY_MEASURE_FIELD: Record<MeasureField, true> = {
  text: true,
  manifestationId: true,
  ordinal: true,
  kind: true,
  status: true,
  deadline: true,
  startDate: true,
  checkInCadence: true,
  completedDate: true,
  leaderId: true,
  leadDepartmentId: true,
  coDepartmentIds: true,
  progress: true,
  outcome: true,
};
export const MEASURE_FIELDS = Object.keys(EVERY_MEASURE_FIELD) as readonly MeasureField[];

/** Fields a bulk change may set on many measures at once (批量设置). */
export const MEASURE_BULK_FIELDS = ['leaderId', 'leadDepartmentId', 'coDepartmentIds', 'deadline', 'kind'] as const satisfies readonly MeasureField[];
export type MeasureBulkField = (typeof MEASURE_BULK_FIELDS)[number];

/**
 * Officers report progress; leaders also plan their measures; status moves through the closure
 * workflow for both, and the deadline through the postponement workflow (延期: asked for, approved by
 * the office), never by typing over it.
 */
const OFFICER_FIELDS: readonly MeasureField[] = ['progress', 'outcome'];
const LEADER_FIELDS: readonly MeasureField[] = MEASURE_FIELDS.filter((f) => f !== 'status' && f !== 'completedDate' && f !== 'deadline');

export function editableMeasureFields(role: Role): readonly MeasureField[] {
  switch (role) {
    case 'admin':
    case 'office':
      return MEASURE_FIELDS;
    case 'leader':
      return LEADER_FIELDS;
    case 'officer':
      return OFFICER_FIELDS;
    default:
      return [];
  }
}

export interface PolicyContext {
  actor?: Pick<Actor, 'personId' | 'departmentId'>;
  /** The measure the action touches (required for measure-scoped actions of leaders and officers). */
  measure?: MeasureOwnership;
  /** For measure.update: the fields the request changes. */
  fields?: readonly string[];
}

/**
 * The full decision. For measure-scoped actions of leaders and officers, the measure and the actor
 * must be given; without them the answer is no (fail closed).
 */
export function can(role: Role | null, action: Access, context: PolicyContext = {}): boolean {
  if (!mayAttempt(role, action)) return false;
  if (!role || !MEASURE_SCOPED.has(action)) return true;
  if (role === 'admin' || role === 'office') {
    return action !== 'measure.update' || fieldsAllowed(role, context.fields);
  }
  const { actor, measure } = context;
  if (!actor || !measure) return false;
  switch (action) {
    case 'measure.update':
      return (role === 'leader' ? leads(actor, measure) : answersFor(actor, measure)) && fieldsAllowed(role, context.fields);
    case 'measure.progress':
      return role === 'leader' ? leads(actor, measure) : answersFor(actor, measure);
    case 'closure.decide':
      return role === 'leader' && leads(actor, measure);
    case 'postponement.request':
      return role === 'leader' ? leads(actor, measure) : answersFor(actor, measure);
    default:
      return false;
  }
}

/**
 * 回头看: who records a review's results. The office and admin always; a leader or an officer only
 * when their person is the review's reviewer (the office names them when it schedules it).
 */
export function mayRecordFollowUp(actor: Pick<Actor, 'role' | 'personId'>, followUp: { reviewerId: number | null }): boolean {
  if (!mayAttempt(actor.role, 'followup.record')) return false;
  if (actor.role === 'admin' || actor.role === 'office') return true;
  return actor.personId !== null && followUp.reviewerId === actor.personId;
}

function fieldsAllowed(role: Role, fields: readonly string[] | undefined): boolean {
  if (!fields) return true;
  const allowed = new Set<string>(editableMeasureFields(role));
  return fields.every((f) => f === 'version' || allowed.has(f));
}

/** The fields of a request a role may not change (for the 403's details). */
export function forbiddenMeasureFields(role: Role, fields: readonly string[]): string[] {
  const allowed = new Set<string>(editableMeasureFields(role));
  return fields.filter((f) => f !== 'version' && !allowed.has(f));
}

/** Every access level the role may attempt: the web app shows or hides its menus by it. */
export function accessOf(role: Role): Access[] {
  return ACCESS_LEVELS.filter((a) => mayAttempt(role, a));
}

/** What the actor may do with one measure: the measure page shows its buttons by it. */
export interface MeasureAccess {
  update: boolean;
  progress: boolean;
  decideClosure: boolean;
  reopen: boolean;
  requestPostponement: boolean;
  decidePostponement: boolean;
}

export function measureAccess(actor: Actor, measure: MeasureOwnership): MeasureAccess {
  const context = { actor, measure };
  return {
    update: can(actor.role, 'measure.update', context),
    progress: can(actor.role, 'measure.progress', context),
    decideClosure: can(actor.role, 'closure.decide', context),
    reopen: can(actor.role, 'measure.reopen', context),
    requestPostponement: can(actor.role, 'postponement.request', context),
    decidePostponement: can(actor.role, 'postponement.decide', context),
  };
}
