import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '@rectify/domain';
import { guardDecision, hasAccess, hasTasks, loginPath, safeNext } from './session';

const user: CurrentUser = {
  id: 4,
  username: 'officer',
  role: 'officer',
  person: { id: 7, name: '廖伟', title: '体育股股长', department: { id: 3, name: '体育股' } },
  organization: { id: 2, name: '城中区文化体育广电和旅游局' },
  email: null,
  access: ['public', 'authenticated', 'read', 'export', 'measure.update', 'measure.progress'],
};

describe('safeNext', () => {
  it('keeps paths of this app, with their query and hash', () => {
    expect(safeNext('/measures/13?tab=evidence#x')).toBe('/measures/13?tab=evidence#x');
    expect(safeNext('/tasks')).toBe('/tasks');
  });
  it('refuses anything that leaves the site, and the sign-in page itself (no loop)', () => {
    for (const bad of [null, undefined, '', 'https://evil.example', '//evil.example/x', '/\\evil.example', 'tasks', '/login', '/login?next=%2Ftasks', '/login/x']) {
      expect(safeNext(bad)).toBe('/');
    }
  });
});

describe('loginPath', () => {
  it('remembers where the user was going, encoded', () => {
    expect(loginPath({ pathname: '/measures/1', search: '?tab=history', hash: '' })).toBe('/login?next=%2Fmeasures%2F1%3Ftab%3Dhistory');
  });
  it('says nothing for the start page or the sign-in page', () => {
    expect(loginPath({ pathname: '/' })).toBe('/login');
    expect(loginPath({ pathname: '/login', search: '?next=%2Ftasks' })).toBe('/login');
  });
});

describe('guardDecision', () => {
  const at = { pathname: '/closures', search: '?state=all' };
  it('waits while the account is being read', () => {
    expect(guardDecision({ isPending: true, isError: false, data: undefined }, at)).toEqual({ kind: 'wait' });
  });
  it('redirects to /login?next=… when signed out (401 → null)', () => {
    expect(guardDecision({ isPending: false, isError: false, data: null }, at)).toEqual({
      kind: 'redirect',
      to: '/login?next=%2Fclosures%3Fstate%3Dall',
    });
  });
  it('renders for a signed-in account, even while refetching after an error', () => {
    expect(guardDecision({ isPending: false, isError: false, data: user }, at)).toEqual({ kind: 'render' });
    expect(guardDecision({ isPending: false, isError: true, data: user }, at)).toEqual({ kind: 'render' });
  });
  it('shows the error when the server cannot be reached (no redirect loop)', () => {
    expect(guardDecision({ isPending: false, isError: true, data: undefined }, at)).toEqual({ kind: 'error' });
  });
});

describe('access', () => {
  it('reads the access levels the server computed', () => {
    expect(hasAccess(user, 'measure.progress')).toBe(true);
    expect(hasAccess(user, 'closure.decide')).toBe(false);
    expect(hasAccess(null, 'read')).toBe(false);
  });
  it('offers 我的任务 to accounts that report progress and stand for a person', () => {
    expect(hasTasks(user)).toBe(true);
    expect(hasTasks({ ...user, person: null })).toBe(false);
    expect(hasTasks({ ...user, access: ['authenticated', 'read'] })).toBe(false);
  });
});
