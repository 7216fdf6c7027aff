import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { MyTasks, TaskItem } from '@rectify/domain';
import TasksPage from './TasksPage';
import { mockFetch, renderRoute } from '../../test/render';
import { measure } from '../../test/fixtures';
import { loadLocale } from '../../i18n';

const task = (id: number, text: string, extra: Partial<TaskItem> = {}) =>
  ({ ...measure, id, text, overdue: false, daysOverdue: 0, dueSoon: false, dueNext14: false, latestClosure: null, ...extra }) as unknown as TaskItem;

const counts = { total: 3, overdue: 1, dueSoon: 0, dueNext14: 1, pendingClosure: 0, rejected: 0 };
const page = (items: TaskItem[], total: number, nextCursor: string | null): MyTasks => ({ today: '2023-08-18', counts, items, total, nextCursor });

/** The API of three open tasks in pages of two; the 14-day filter and closed ones answered by it, not by the page. */
function stubApi() {
  const { fetchMock, calls } = mockFetch((url) => {
    if (url.pathname !== '/api/me/tasks') return undefined;
    const q = url.searchParams;
    if (q.get('dueNext14') === 'true') return { body: page([task(2, '两周内到期的措施', { dueNext14: true })], 1, null) };
    if (q.get('includeClosed') === 'true') return { body: page([task(1, '超期的措施', { overdue: true, daysOverdue: 18 }), task(2, '两周内到期的措施'), task(3, '年底到期的措施'), task(4, '已销号的措施', { status: 'closed' })], 4, null) };
    if (q.get('cursor') === 'page-2') return { body: page([task(3, '年底到期的措施')], 3, null) };
    return { body: page([task(1, '超期的措施', { overdue: true, daysOverdue: 18 }), task(2, '两周内到期的措施')], 3, 'page-2') };
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls.filter.bind(calls);
}

describe('TasksPage', () => {
  it('shows the first page with the badge’s figures and loads the next one after it', async () => {
    const calls = stubApi();
    renderRoute('/tasks', <TasksPage />, '/tasks');
    await screen.findByTestId('task-card-1');
    expect(screen.getByTestId('task-card-2')).toBeTruthy();
    expect(screen.queryByTestId('task-card-3')).toBeNull();
    expect(screen.getByTestId('tasks-count-overdue').textContent).toContain('1');
    expect(screen.getByTestId('task-list-more-count').textContent).toBe('已显示 2 / 共 3 项');

    fireEvent.click(screen.getByTestId('task-list-more'));
    await screen.findByTestId('task-card-3');
    expect(screen.getByTestId('task-list-more-count').textContent).toBe('已显示 3 / 共 3 项');
    expect(screen.queryByTestId('task-list-more')).toBeNull();
    const asked = calls((c) => c.url.pathname === '/api/me/tasks').map((c) => Object.fromEntries(c.url.searchParams));
    expect(asked).toEqual([{ limit: '50' }, { limit: '50', cursor: 'page-2' }]);
  });

  it('asks the API for what falls due in the next 14 days, and for closed ones too, instead of filtering the page', async () => {
    const calls = stubApi();
    renderRoute('/tasks', <TasksPage />, '/tasks');
    await screen.findByTestId('task-card-1');

    fireEvent.click(screen.getByTestId('tasks-count-dueNext14'));
    await waitFor(() => expect(screen.queryByTestId('task-card-1')).toBeNull());
    expect(screen.getByTestId('task-card-2')).toBeTruthy();
    expect(screen.getByTestId('tasks-count-dueNext14').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('task-list-more-count').textContent).toBe('已显示 1 / 共 1 项');
    expect(calls((c) => c.url.searchParams.get('dueNext14') === 'true')).toHaveLength(1);

    // Again: all of them, then with the closed ones after.
    fireEvent.click(screen.getByTestId('tasks-count-dueNext14'));
    await screen.findByTestId('task-card-1');
    fireEvent.click(screen.getByTestId('tasks-include-closed'));
    await screen.findByTestId('task-card-4');
    expect(screen.getByTestId('task-list-more-count').textContent).toBe('已显示 4 / 共 4 项');
    expect(calls((c) => c.url.searchParams.get('includeClosed') === 'true')).toHaveLength(1);
  });

  it('opens with the filters the address names (in English too)', async () => {
    await loadLocale('en');
    const calls = stubApi();
    renderRoute('/tasks', <TasksPage />, '/tasks?due=14', 'en');
    await screen.findByTestId('task-card-2');
    expect(screen.queryByTestId('task-card-1')).toBeNull();
    expect(screen.getByTestId('task-list-more-count').textContent).toBe('1 of 1 shown');
    expect(calls((c) => c.url.pathname === '/api/me/tasks' && c.url.searchParams.get('dueNext14') !== 'true')).toHaveLength(0);
  });
});
