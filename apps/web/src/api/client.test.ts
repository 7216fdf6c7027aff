import { describe, expect, it, vi } from 'vitest';
import { ApiError, buildQuery, parseError, request, setApiLocale } from './client';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('parseError', () => {
  it('reads the API error shape into code, message, status and details', async () => {
    const err = await parseError(
      json(409, { error: { code: 'VERSION_CONFLICT', message: '该记录已被他人修改，请刷新后重试', details: { current: 4 } } }),
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('VERSION_CONFLICT');
    expect(err.status).toBe(409);
    expect(err.message).toBe('该记录已被他人修改，请刷新后重试');
    expect(err.details).toEqual({ current: 4 });
    expect(err.isConflict).toBe(true);
  });

  it('falls back to the domain message of the code when the message is empty', async () => {
    const err = await parseError(json(409, { error: { code: 'HAS_CHILDREN', message: '' } }), 'en');
    expect(err.code).toBe('HAS_CHILDREN');
    expect(err.message).toBe('Delete what is under it first');
  });

  it('copes with a body that is not the error shape (proxy pages, empty bodies)', async () => {
    const html = await parseError(new Response('<html>Bad gateway</html>', { status: 502 }), 'zh-CN');
    expect(html.code).toBe('INTERNAL');
    expect(html.status).toBe(502);
    expect(html.message).toBe('服务器内部错误，请稍后重试');

    const empty = await parseError(new Response(null, { status: 404 }), 'en');
    expect(empty.code).toBe('NOT_FOUND');
    expect(empty.message).toBe('The requested record does not exist');

    const odd = await parseError(json(400, { error: 'nope' }), 'zh-CN');
    expect(odd.code).toBe('BAD_REQUEST');
  });
});

describe('request', () => {
  it('sends the UI language as Accept-Language and JSON bodies', async () => {
    const fetchMock = vi.fn(async () => json(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    setApiLocale('en');
    await request('PATCH', '/api/measures/1', { body: { version: 2 } });
    setApiLocale('zh-CN');
    await request('GET', '/api/rounds');

    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/measures/1');
    expect(new Headers(init.headers).get('Accept-Language')).toBe('en');
    expect(new Headers(init.headers).get('Content-Type')).toBe('application/json');
    expect(init.body).toBe('{"version":2}');
    const second = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect(new Headers(second[1].headers).get('Accept-Language')).toBe('zh-CN');
  });

  it('rejects with ApiError on an error response', async () => {
    vi.stubGlobal('fetch', async () => json(409, { error: { code: 'VERSION_CONFLICT', message: 'stale' } }));
    await expect(request('PATCH', '/api/measures/1', { body: {} })).rejects.toMatchObject({
      name: 'ApiError',
      code: 'VERSION_CONFLICT',
      status: 409,
      message: 'stale',
    });
  });

  it('turns a network failure into an ApiError in the UI language', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    setApiLocale('zh-CN');
    const err = await request('GET', '/api/rounds').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('NETWORK');
    expect((err as ApiError).status).toBe(0);
    expect((err as ApiError).message).toMatch(/无法连接服务器/);
  });
});

describe('buildQuery', () => {
  it('repeats array values and skips empty ones', () => {
    expect(buildQuery({ roundId: 1, status: ['in_progress', 'closed'], q: '', leaderId: undefined, overdue: true })).toBe(
      '?roundId=1&status=in_progress&status=closed&overdue=true',
    );
    expect(buildQuery({})).toBe('');
  });
});
