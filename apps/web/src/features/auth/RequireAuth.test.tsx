import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { api } from '../../api/client';
import { createQueryClient, Providers } from '../../app/Providers';
import { mockFetch } from '../../test/render';
import { RequireAuth } from './RequireAuth';

const officer = {
  id: 4,
  username: 'officer',
  role: 'officer',
  person: { id: 7, name: '廖伟', title: null, department: { id: 3, name: '体育股' } },
  email: null,
  access: ['authenticated', 'read', 'measure.progress'],
};

function LoginProbe() {
  const location = useLocation();
  return <div data-testid="login">{location.pathname + location.search}</div>;
}

function Secret() {
  return (
    <div>
      <span data-testid="secret">secret</span>
      <button onClick={() => void api.get('/api/me/tasks').catch(() => {})}>load</button>
    </div>
  );
}

function renderAt(url: string) {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginProbe /> },
      { path: '*', element: <RequireAuth><Secret /></RequireAuth> },
    ],
    { initialEntries: [url] },
  );
  const client = createQueryClient();
  render(
    <Providers queryClient={client} locale="zh-CN">
      <RouterProvider router={router} />
    </Providers>,
  );
  return router;
}

const unauthorized = { status: 401, body: { error: { code: 'UNAUTHORIZED', message: '请先登录' } } };

describe('RequireAuth', () => {
  it('sends a signed-out visitor to /login?next=<where they were going>', async () => {
    const { fetchMock } = mockFetch((url) => (url.pathname === '/api/auth/me' ? unauthorized : undefined));
    vi.stubGlobal('fetch', fetchMock);
    renderAt('/measures/13?tab=evidence');
    expect((await screen.findByTestId('login')).textContent).toBe('/login?next=%2Fmeasures%2F13%3Ftab%3Devidence');
    expect(screen.queryByTestId('secret')).toBeNull();
  });

  it('renders the page for a signed-in account, and signs out when a later request gets 401', async () => {
    let signedIn = true;
    const { fetchMock } = mockFetch((url) => {
      if (url.pathname === '/api/auth/me') return signedIn ? { body: { user: officer } } : unauthorized;
      if (url.pathname === '/api/me/tasks') return unauthorized;
      return undefined;
    });
    vi.stubGlobal('fetch', fetchMock);
    renderAt('/tasks');
    expect(await screen.findByTestId('secret')).toBeTruthy();

    // The session ends elsewhere: the next request is refused and the guard redirects.
    signedIn = false;
    fireEvent.click(screen.getByText('load'));
    await waitFor(() => expect(screen.getByTestId('login').textContent).toBe('/login?next=%2Ftasks'));
  });

  it('shows an error rather than looping when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    renderAt('/tasks');
    expect(await screen.findByText('数据加载失败', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByTestId('login')).toBeNull();
  });
});
