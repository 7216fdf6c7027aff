import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import DashboardPage from './DashboardPage';
import { mockFetch, renderRoute } from '../../test/render';
import { records, round, summary } from '../../test/fixtures';

function stubApi() {
  const { fetchMock, calls } = mockFetch((url) => {
    if (url.pathname === '/api/rounds/1') return { body: round };
    if (url.pathname === '/api/rounds/1/summary') return { body: summary };
    if (url.pathname === '/api/rounds/1/records') return { body: records };
    if (url.pathname === '/api/measures') return { body: { items: [], nextCursor: null, total: 0 } };
    return undefined;
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

describe('DashboardPage', () => {
  it('shows the totals, the categories with counts and the overdue measure in red', async () => {
    stubApi();
    renderRoute('/rounds/:id', <DashboardPage />, '/rounds/1');

    const counts = await screen.findByTestId('category-counts');
    const rows = within(counts).getAllByTestId('category-title').map((el) => el.textContent);
    expect(rows).toEqual([
      '（一）聚焦贯彻落实党的理论和路线方针政策以及上级重大决策部署情况方面',
      '（二）聚焦贯彻落实全面从严治党战略部署情况方面',
    ]);
    expect(within(counts).getAllByTestId('closed-count').map((el) => el.textContent)).toEqual(['2', '1']);

    expect(screen.getByTestId('completion-detail').textContent).toBe('已销号 3 / 共 4 项');
    const overdue = screen.getByTestId('overdue-list');
    expect(within(overdue).getByText(/室外健身器材配建管理办法/)).toBeTruthy();
    expect(within(overdue).getByTestId('overdue-flag').textContent).toContain('超期 10 天');
  });

  it('filters the measure list by a category and clears the filter', async () => {
    const calls = stubApi();
    renderRoute('/rounds/:id', <DashboardPage />, '/rounds/1');

    const row = await screen.findByTestId('category-row-12');
    fireEvent.click(row);
    await waitFor(() =>
      expect(calls.some((c) => c.url.pathname === '/api/measures' && c.url.searchParams.get('categoryId') === '12')).toBe(true),
    );
    expect(screen.getByTestId('measure-filter').textContent).toContain('方面：（二）');

    fireEvent.click(screen.getByTestId('clear-filter'));
    await waitFor(() => expect(screen.queryByTestId('measure-filter')).toBeNull());
  });
});
