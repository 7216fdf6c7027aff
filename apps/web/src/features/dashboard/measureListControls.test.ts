import { describe, expect, it } from 'vitest';
import { listControlsQuery, readListControls, writeListControls } from './measureListControls';

describe('the measure list controls in the URL', () => {
  it('reads search, statuses, overdue and sort, dropping junk', () => {
    const c = readListControls(new URLSearchParams('q=%20健身%20&status=closed&status=bogus&overdue=true&sort=deadline&dir=desc&category=3'));
    expect(c).toEqual({ filters: { q: '健身', status: ['closed'], overdue: true }, sort: 'deadline', direction: 'desc' });
    expect(readListControls(new URLSearchParams('sort=drop%20table&dir=up'))).toEqual({ filters: {}, sort: 'position', direction: 'asc' });
  });

  it('writes them back beside the other params, leaving defaults out, and asks the API the same', () => {
    const params = new URLSearchParams('category=3&q=old&page=2');
    const next = writeListControls(params, { filters: { status: ['in_progress', 'not_started'], overdue: true }, sort: 'updatedAt', direction: 'asc' });
    expect(next.toString()).toBe('category=3&page=2&status=in_progress&status=not_started&overdue=true&sort=updatedAt');
    expect(readListControls(next)).toEqual({ filters: { status: ['in_progress', 'not_started'], overdue: true }, sort: 'updatedAt', direction: 'asc' });
    expect(listControlsQuery(readListControls(next))).toEqual({ status: ['in_progress', 'not_started'], overdue: true, sort: 'updatedAt', direction: 'asc' });
  });
});
