import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Locale } from '@rectify/domain';
import { createQueryClient, Providers } from '../app/Providers';

/** Renders one route inside the app's providers, at `url`. */
export function renderRoute(path: string, element: ReactNode, url: string, locale: Locale = 'zh-CN') {
  const router = createMemoryRouter([{ path, element }, { path: '*', element: <div>elsewhere</div> }], {
    initialEntries: [url],
  });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: 0 } });
  return {
    queryClient,
    ...render(
      <Providers queryClient={queryClient} locale={locale}>
        <RouterProvider router={router} />
      </Providers>,
    ),
  };
}

type Handler = (url: URL, init: RequestInit | undefined) => { status?: number; body: unknown } | undefined;

/** A fetch stub answering JSON from `handler`; records every call. */
export function mockFetch(handler: Handler) {
  const calls: { method: string; url: URL; init: RequestInit | undefined }[] = [];
  const fetchMock = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    calls.push({ method: init?.method ?? 'GET', url, init });
    const answer = handler(url, init) ?? { status: 404, body: { error: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } } };
    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { fetchMock, calls };
}
