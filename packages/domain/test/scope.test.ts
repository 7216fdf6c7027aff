import { describe, expect, it } from 'vitest';
import { ROLES, inRoundScopeWhere, organizationScopeWhere, roundScope, roundScopeSql, roundScopeWhere, scopeSees, type Role } from '../src/index.js';

const actor = (role: Role, organizationId: number | null = 5) => ({ role, userId: 42, organizationId });

describe('round scope', () => {
  it('gives admin and the 巡察办 every round, a unit account its unit, the inspection team its grants', () => {
    expect(roundScope(actor('admin'))).toEqual({ kind: 'all' });
    expect(roundScope(actor('supervisor'))).toEqual({ kind: 'all' });
    for (const role of ['office', 'leader', 'officer'] as const) expect(roundScope(actor(role))).toEqual({ kind: 'unit', organizationId: 5 });
    expect(roundScope(actor('inspector'))).toEqual({ kind: 'granted', userId: 42 });
    // Every role is decided (none falls through to "all").
    for (const role of ROLES) expect(roundScope(actor(role)).kind).toBeDefined();
  });

  it('fails closed: a unit account without a unit, an unknown role', () => {
    const none = roundScope(actor('office', null));
    expect(roundScopeWhere(none)).toEqual({ inspectedUnitId: -1 });
    expect(scopeSees(none, { inspectedUnitId: 5 })).toBe(false);
    expect(roundScope(actor('nobody' as Role))).toEqual({ kind: 'unit', organizationId: null });
  });

  it('has its Prisma and SQL forms say the same thing', () => {
    const unit = roundScope(actor('office'));
    expect(roundScopeWhere(unit)).toEqual({ inspectedUnitId: 5 });
    expect(inRoundScopeWhere(unit)).toEqual({ round: { inspectedUnitId: 5 } });
    expect(organizationScopeWhere(unit)).toEqual({ id: 5 });
    expect(roundScopeSql(unit, 'r')).toEqual({ strings: ['r."inspectedUnitId" = ', ''], values: [5] });
    const granted = roundScope(actor('inspector'));
    expect(roundScopeWhere(granted)).toEqual({ access: { some: { userId: 42 } } });
    expect(roundScopeSql(granted, 'x').strings.join('?')).toContain('ra."roundId" = x."id" AND ra."userId" = ?');
    expect(roundScopeSql({ kind: 'all' })).toEqual({ strings: ['1 = 1'], values: [] });
    expect(inRoundScopeWhere({ kind: 'all' })).toEqual({});
    expect(() => roundScopeSql(unit, 'r; DROP')).toThrow();
    expect(scopeSees(unit, { inspectedUnitId: 5 })).toBe(true);
    expect(scopeSees(unit, { inspectedUnitId: 6 })).toBe(false);
    expect(scopeSees(granted, { inspectedUnitId: 6, grantedUserIds: [42] })).toBe(true);
  });
});
