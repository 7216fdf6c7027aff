import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import MeasurePage from './MeasurePage';
import { mockFetch, renderRoute } from '../../test/render';
import { measure, round } from '../../test/fixtures';

describe('MeasurePage', () => {
  it('PATCHes with the version read, shows the conflict on 409 and reloads the latest data', async () => {
    let served = measure;
    const { fetchMock, calls } = mockFetch((url, init) => {
      if (url.pathname === '/api/measures/101' && (init?.method ?? 'GET') === 'GET') return { body: served };
      if (url.pathname === '/api/measures/101' && init?.method === 'PATCH')
        return { status: 409, body: { error: { code: 'VERSION_CONFLICT', message: '该记录已被他人修改，请刷新后重试' } } };
      if (url.pathname === '/api/rounds/1') return { body: round };
      if (url.pathname === '/api/people') return { body: { items: [], nextCursor: null, total: 0 } };
      if (url.pathname === '/api/departments') return { body: [] };
      return undefined;
    });
    vi.stubGlobal('fetch', fetchMock);
    renderRoute('/measures/:id', <MeasurePage />, '/measures/101');

    expect((await screen.findByTestId('measure-text')).textContent).toContain('室外健身器材配建管理办法');
    expect(screen.getByTestId('measure-overdue').textContent).toContain('超期 10 天');

    fireEvent.click(screen.getByTestId('edit-measure'));
    // Someone else saves meanwhile: the server now has version 4.
    served = { ...measure, version: 4, progress: 80 };
    fireEvent.click(await screen.findByTestId('measure-save'));

    const alert = await screen.findByTestId('conflict-alert');
    expect(alert.textContent).toContain('保存失败：该整改措施已被他人修改');
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(JSON.parse(String(patch?.init?.body))).toMatchObject({ version: 3, status: 'in_progress', deadline: '2023-12-31' });

    fireEvent.click(screen.getByTestId('reload-latest'));
    await waitFor(() => expect(screen.queryByTestId('conflict-alert')).toBeNull());
    // The form now holds the version just read: saving again sends it (and no page shows a version).
    fireEvent.click(screen.getByTestId('measure-save'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(2));
    expect(JSON.parse(String(calls.filter((c) => c.method === 'PATCH')[1]?.init?.body))).toMatchObject({ version: 4, progress: 80 });
    expect(screen.getByTestId('measure-page').textContent).not.toMatch(/版本/);
  });
});
