import type { FastifyRequest } from 'fastify';
import { inRoundScopeWhere, organizationScopeWhere, roundScope, roundScopeWhere, type RoundScope } from '@rectify/domain';
import type { Db } from '@rectify/db';
import { AppError, invalidReference, notFound } from './errors.js';

/** Rows a route may name, by id, in its path, query or body. */
export type ScopedEntity =
  | 'round'
  | 'category'
  | 'problem'
  | 'manifestation'
  | 'measure'
  | 'closure'
  | 'postponement'
  | 'supervisionNotice'
  | 'followUp'
  | 'followUpItem'
  | 'reportSubmission'
  | 'evidence'
  | 'regulation'
  | 'meeting'
  | 'leadingGroupMember'
  | 'shareLink'
  | 'publicOpinion'
  | 'organization'
  | 'department'
  | 'person';

/**
 * How a route keeps to the account's scope (packages/domain/src/scope.ts). Every route but the
 * public ones declares one; a route without it is refused (fail closed).
 *
 * - `params` / `query` / `body`: the ids the request names (field path → entity: `a.b` for a nested
 *   field, `a[].b` through an array of objects; an array field names several ids): each must be in
 *   scope, or the answer is as for a row that does not exist.
 * - `{}`: the route names no rows (a preview that only parses what it is sent).
 * - `lists: true`: the route also lists or counts rows; its service filters them by `scopeOf`.
 * - `self: true`: the route reads or writes only the signed-in account's own rows.
 */
export interface ScopeRule {
  params?: Record<string, ScopedEntity>;
  query?: Record<string, ScopedEntity>;
  body?: Record<string, ScopedEntity>;
  lists?: true;
  self?: true;
}

/** The account's round scope (the route required an account). */
export function scopeOf(request: FastifyRequest): RoundScope {
  if (!request.actor) throw new AppError(401, 'UNAUTHORIZED');
  return roundScope(request.actor);
}

/** How many of `ids` of `entity` the scope sees: one indexed query per entity. */
async function countVisible(db: Db, scope: RoundScope, entity: ScopedEntity, ids: number[]): Promise<number> {
  // AND, not a spread: the scope's own `id` condition (organisations) must not replace the ids asked for.
  const id = { id: { in: ids } };
  const inRound = inRoundScopeWhere(scope);
  const organization = organizationScopeWhere(scope);
  switch (entity) {
    case 'round':
      return db.inspectionRound.count({ where: { AND: [id, roundScopeWhere(scope)] } });
    case 'category':
      return db.category.count({ where: { AND: [id, inRound] } });
    case 'problem':
      return db.problem.count({ where: { AND: [id, inRound] } });
    case 'measure':
      return db.measure.count({ where: { AND: [id, inRound] } });
    case 'manifestation':
      return db.manifestation.count({ where: { AND: [id, { problem: inRound }] } });
    case 'closure':
      return db.closureRequest.count({ where: { AND: [id, { measure: inRound }] } });
    case 'postponement':
      return db.postponement.count({ where: { AND: [id, { measure: inRound }] } });
    case 'supervisionNotice':
      return db.supervisionNotice.count({ where: { AND: [id, inRound] } });
    case 'followUp':
      return db.followUp.count({ where: { AND: [id, inRound] } });
    case 'followUpItem':
      return db.followUpItem.count({ where: { AND: [id, { followUp: inRound }] } });
    case 'reportSubmission':
      return db.reportSubmission.count({ where: { AND: [id, inRound] } });
    case 'evidence':
      return db.evidence.count({ where: { AND: [id, { measure: inRound }] } });
    case 'regulation':
      return db.regulation.count({ where: { AND: [id, inRound] } });
    case 'meeting':
      return db.meeting.count({ where: { AND: [id, inRound] } });
    case 'leadingGroupMember':
      return db.leadingGroupMember.count({ where: { AND: [id, inRound] } });
    case 'shareLink':
      return db.shareLink.count({ where: { AND: [id, inRound] } });
    case 'publicOpinion':
      return db.publicOpinion.count({ where: { AND: [id, inRound] } });
    case 'organization':
      return db.organization.count({ where: { AND: [id, organization] } });
    case 'department':
      return db.department.count({ where: { AND: [id, { organization }] } });
    case 'person':
      return db.person.count({ where: { AND: [id, { organization }] } });
  }
}

/** Ids beyond the 32-bit range are not ids: validation refuses them (400), not the scope. */
const MAX_ID = 2_147_483_647;

/** The ids a field path names in a parsed object: `a`, `a.b`, an array at the end, `a[].b` through an array of objects. */
function idsAt(source: unknown, path: string): number[] {
  let values: unknown[] = [source];
  for (const segment of path.split('.')) {
    const key = segment.endsWith('[]') ? segment.slice(0, -2) : segment;
    values = values.flatMap((v) => {
      const next = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
      return Array.isArray(next) ? next : [next];
    });
  }
  return values
    .map((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v))
    .filter((v): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0 && v <= MAX_ID);
}

/** The entity's name in NOT_FOUND details, as the services name it. */
const ENTITY_NAMES: Record<ScopedEntity, string> = {
  round: 'round',
  category: 'category',
  problem: 'problem',
  manifestation: 'manifestation',
  measure: 'measure',
  closure: 'closure',
  postponement: 'postponement',
  supervisionNotice: 'supervision_notice',
  followUp: 'follow_up',
  followUpItem: 'follow_up_item',
  reportSubmission: 'report_submission',
  evidence: 'evidence',
  regulation: 'regulation',
  meeting: 'meeting',
  leadingGroupMember: 'leading_group_member',
  shareLink: 'share_link',
  publicOpinion: 'public_opinion',
  organization: 'organization',
  department: 'department',
  person: 'person',
};

/**
 * Checks the ids a request names against the account's scope, answering exactly as for a row that
 * does not exist (no probing another unit's ids): 404 NOT_FOUND for an id in the path or query,
 * 400 INVALID_REFERENCE for one in the body.
 */
export async function enforceScope(db: Db, request: FastifyRequest, rule: ScopeRule): Promise<void> {
  const scope = scopeOf(request);
  if (scope.kind === 'all') return;
  const parts: [unknown, Record<string, ScopedEntity> | undefined, boolean][] = [
    [request.params, rule.params, false],
    [request.query, rule.query, false],
    [request.body, rule.body, true],
  ];
  for (const [source, refs, inBody] of parts) {
    for (const [path, entity] of Object.entries(refs ?? {})) {
      const ids = [...new Set(idsAt(source, path))];
      if (!ids.length) continue;
      if ((await countVisible(db, scope, entity, ids)) === ids.length) continue;
      const missing = ids.length === 1 ? ids[0]! : await firstInvisible(db, scope, entity, ids);
      throw inBody ? invalidReference(path.replace(/\[\]/g, ''), missing) : notFound(ENTITY_NAMES[entity], missing);
    }
  }
}

async function firstInvisible(db: Db, scope: RoundScope, entity: ScopedEntity, ids: number[]): Promise<number> {
  for (const id of ids) if ((await countVisible(db, scope, entity, [id])) === 0) return id;
  return ids[0]!;
}
