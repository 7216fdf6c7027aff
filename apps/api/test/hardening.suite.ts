import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { fixedClock } from '../src/lib/clock.js';
import { REPORT_DAY, sessionCookie, startApi, testHasher, type TestApi, type TestDatabase } from './harness.js';
import { builders, files, fingerprint, json, multipart, world, type World } from './fixtures.js';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** A 4xx in the one error shape; the code when one is expected. */
export function expectClientError(res: { statusCode: number; body: string }, status?: number, code?: string) {
  expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, res.body).toBeLessThan(500);
  if (status) expect(res.statusCode, res.body).toBe(status);
  const body = json<ErrorBody>(res);
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  if (code) expect(body.error.code).toBe(code);
  return body;
}

/**
 * What an attacker or a careless client sends: numbers beyond any column, broken multipart forms,
 * text that is not text, JSON of the wrong types. Each a 4xx in the one error shape, nothing changed.
 */
export function hardeningSuite(label: string, makeDatabase: () => Promise<TestDatabase | null>) {
  describe(`hostile input on ${label}`, () => {
    let api: TestApi;
    let w: World;
    let b: ReturnType<typeof builders>;
    let measure: { id: number; version: number };

    beforeAll(async () => {
      const database = await makeDatabase();
      if (!database) return;
      api = await startApi(database);
      w = await world(api);
      b = builders(api, w);
      measure = await b.measure();
    });
    afterAll(async () => {
      await api?.close();
    });

    it('refuses versions and ids beyond the integer range with 400, not 500', async () => {
      const before = await fingerprint(api);
      for (const version of [1e20, 2 ** 31, -1, 1.5]) {
        const res = await api.request({ method: 'PATCH', url: `/api/measures/${measure.id}`, payload: { version, text: '新的措施' } });
        expectClientError(res, 400, 'VALIDATION_FAILED');
      }
      expectClientError(await api.request({ method: 'DELETE', url: `/api/measures/${measure.id}?version=100000000000000000000` }), 400);
      expectClientError(await api.request({ method: 'GET', url: '/api/measures/99999999999999999999' }), 400);
      expectClientError(await api.request({ method: 'PATCH', url: '/api/measures/1e20', payload: { version: 0 } }), 400);
      expect(await fingerprint(api)).toEqual(before);
    });

    describe('cross-site writes', () => {
      const writeRoutes = () =>
        api.app.routeAccess.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && r.url.startsWith('/api/'));

      it('refuses every write route from a foreign Origin or Referer with 403, nothing changed', async () => {
        const routes = writeRoutes();
        expect(routes.length).toBeGreaterThan(30);
        const before = await fingerprint(api);
        for (const route of routes) {
          const url = route.url.replace(/:\w+/g, String(measure.id));
          for (const headers of [{ origin: 'https://evil.example' }, { referer: 'https://evil.example/page' }, { origin: 'null' }]) {
            const res = await api.request({ method: route.method as 'POST', url, headers, payload: {} });
            expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({ route: `${route.method} ${route.url}`, status: 403 });
            expectClientError(res, 403, 'CROSS_SITE_REQUEST');
          }
        }
        // A multipart upload from another site, with the cookie: the reproduction.
        const m = multipart('证明.pdf', files.pdf());
        expectClientError(await api.request({ method: 'POST', url: `/api/measures/${measure.id}/evidence`, payload: m.payload, headers: { ...m.headers, origin: 'https://evil.example' } }), 403);
        expect(await fingerprint(api)).toEqual(before);
      });

      it('lets the app’s own pages, RECTIFY_ORIGIN entries and header-less clients write', async () => {
        const ok = async (headers: Record<string, string>, app = api.app) => {
          const res = await app.inject({ method: 'POST', url: '/api/categories', headers: { ...(await api.login('office')), ...headers }, payload: { roundId: api.roundId, title: b.unique('同源') } });
          expect(res.statusCode, res.body).toBe(201);
        };
        await ok({ origin: 'http://localhost:80', host: 'localhost:80' });
        await ok({ referer: 'http://localhost:80/rounds/1', host: 'localhost:80' });
        await ok({});
        // The same clock as the harness's app, so its sessions are not idle-expired here.
        const proxied = await buildApp({ db: api.db, dialect: api.dialect, clock: fixedClock(REPORT_DAY), hasher: testHasher, scheduler: false, allowedOrigins: ['https://rectify.example.gov.cn'] });
        try {
          await ok({ origin: 'https://rectify.example.gov.cn', host: 'internal:3000' }, proxied);
          expectClientError(await proxied.inject({ method: 'POST', url: '/api/auth/logout', headers: { origin: 'https://other.example.gov.cn', host: 'internal:3000' } }), 403, 'CROSS_SITE_REQUEST');
        } finally {
          await proxied.close();
        }
      });
    });

    it('sends the security headers on API answers; HSTS only over https', async () => {
      const res = await api.request({ method: 'GET', url: '/api/health' });
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'.*script-src 'self';.*frame-ancestors 'none'/);
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      // The printable report is shown in the documents page's own frame: this origin may frame it, no other.
      const report = await api.app.inject({ method: 'GET', url: `/api/rounds/${api.roundId}/report.html`, headers: await api.login('office') });
      expect(report.statusCode).toBe(200);
      expect(report.headers['content-security-policy']).toMatch(/script-src 'self';.*frame-ancestors 'self'/);
      expect(report.headers['x-frame-options']).toBe('SAMEORIGIN');
      const behindProxy = await buildApp({ db: api.db, dialect: api.dialect, hasher: testHasher, scheduler: false, trustProxy: true });
      try {
        const https = await behindProxy.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
        expect(https.headers['strict-transport-security']).toMatch(/max-age=\d+/);
        const http = await behindProxy.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'http' } });
        expect(http.headers['strict-transport-security']).toBeUndefined();
      } finally {
        await behindProxy.close();
      }
    });

    describe('sign-in throttling', () => {
      const login = (app: TestApi['app'], username: string, password: string) =>
        app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

      it('checks at most five of 100 parallel wrong attempts, across two instances, and says when to retry', async () => {
        const user = await b.user();
        const { username } = await api.db.user.findUniqueOrThrow({ where: { id: user.id } });
        // A second server on the same database: the count must hold across instances.
        const other = await buildApp({ db: api.db, dialect: api.dialect, hasher: testHasher, scheduler: false, loginFailureDelayMs: 0 });
        try {
          const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => login(i % 2 ? other : api.app, username, `wrong-${i}`)));
          const statuses = answers.map((r) => r.statusCode);
          expect(statuses.filter((s) => s === 401)).toHaveLength(5);
          expect(statuses.filter((s) => s === 429)).toHaveLength(95);
          const refused = answers.find((r) => r.statusCode === 429)!;
          expectClientError(refused, 429, 'TOO_MANY_ATTEMPTS');
          expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
          // Even the right password is not checked now.
          expect((await login(other, username, 'password-1234')).statusCode).toBe(429);
        } finally {
          await other.close();
        }
      });

      it('limits changing one’s password the same way', async () => {
        const user = await b.user();
        const { username } = await api.db.user.findUniqueOrThrow({ where: { id: user.id } });
        const cookie = sessionCookie(await login(api.app, username, 'password-1234'));
        const change = (currentPassword: string) =>
          api.app.inject({ method: 'POST', url: '/api/auth/password', headers: cookie, payload: { currentPassword, newPassword: 'another-password-1' } });
        const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => change(`wrong-${i}`)));
        expect(answers.filter((r) => r.statusCode === 400)).toHaveLength(5);
        const refused = answers.filter((r) => r.statusCode === 429);
        expect(refused).toHaveLength(15);
        expect(refused[0]!.headers['retry-after']).toBeDefined();
        expect((await change('password-1234')).statusCode).toBe(429);
      });

      it('offers the same counter to any route by config.rateLimit', async () => {
        const hits = await Promise.all(Array.from({ length: 4 }, () => api.app.rateLimiter.hit(`test:${label}`, { max: 2, windowMs: 60_000 })));
        expect(hits.map((h) => h.count).sort()).toEqual([1, 2, 3, 4]);
        expect(hits.filter((h) => h.allowed)).toHaveLength(2);
        await api.app.rateLimiter.reset(`test:${label}`);
        expect((await api.app.rateLimiter.hit(`test:${label}`, { max: 2, windowMs: 60_000 })).count).toBe(1);
      });
    });

    describe('text that is not text', () => {
      it('refuses required text that is empty once spaces, zero-width characters, a BOM or NUL are removed', async () => {
        const before = await fingerprint(api);
        for (const text of ['   ', '\u200B\u200B', '\uFEFF', '\u0000', ' \u3000\u200D\n\t ']) {
          const res = await api.request({ method: 'POST', url: '/api/categories', payload: { roundId: api.roundId, title: text } });
          const body = expectClientError(res, 400, 'VALIDATION_FAILED');
          expect(JSON.stringify(body.error.details)).toContain('title');
        }
        expect(await fingerprint(api)).toEqual(before);
      });

      it('stores text normalised: trimmed, NFC, without invisible characters or NUL', async () => {
        const res = await api.request({ method: 'POST', url: '/api/categories', payload: { roundId: api.roundId, title: '\uFEFF  Cafe\u0301\u200B 方面\u0000\u3000 ' } });
        expect(res.statusCode, res.body).toBe(201);
        const id = json<{ id: number }>(res).id;
        const row = await api.db.category.findUniqueOrThrow({ where: { id } });
        expect(row.title).toBe('Caf\u00e9 方面');
      });

      it('refuses a lone surrogate with 400 INVALID_TEXT instead of storing U+FFFD', async () => {
        const before = await fingerprint(api);
        const payload = `{"roundId": ${api.roundId}, "title": "\\ud800 方面"}`;
        const res = await api.request({ method: 'POST', url: '/api/categories', headers: { 'content-type': 'application/json' }, payload });
        const body = expectClientError(res, 400, 'INVALID_TEXT');
        expect(JSON.stringify(body.error.details)).toContain('title');
        expect(await fingerprint(api)).toEqual(before);
      });

      it('does not coerce JSON bodies: a number where text belongs is a 400 (query strings still coerce)', async () => {
        const before = await fingerprint(api);
        expectClientError(await api.request({ method: 'POST', url: '/api/categories', payload: { roundId: api.roundId, title: 12 } }), 400, 'VALIDATION_FAILED');
        expectClientError(await api.request({ method: 'POST', url: '/api/categories', payload: { roundId: String(api.roundId), title: '方面' } }), 400, 'VALIDATION_FAILED');
        expectClientError(await api.request({ method: 'PATCH', url: `/api/measures/${measure.id}`, payload: { version: String(measure.version) } }), 400, 'VALIDATION_FAILED');
        expect(await fingerprint(api)).toEqual(before);
        const page = await api.request({ method: 'GET', url: `/api/measures?roundId=${api.roundId}&limit=2` });
        expect(page.statusCode, page.body).toBe(200);
      });
    });

    describe('broken multipart forms on the four upload routes', () => {
      const routes = () => [
        `/api/measures/${measure.id}/evidence`,
        `/api/rounds/${api.roundId}/ledger/import/preview`,
        `/api/rounds/${api.roundId}/ledger/import`,
        '/api/import/document/preview',
      ];

      it('answers 400 without a boundary', async () => {
        const before = await fingerprint(api);
        for (const url of routes()) {
          const m = multipart('a.pdf', files.pdf());
          const res = await api.request({ method: 'POST', url, payload: m.payload, headers: { 'content-type': 'multipart/form-data' } });
          expectClientError(res, 400);
        }
        expect(await fingerprint(api)).toEqual(before);
      });

      it('answers 400 when the form is cut off mid-part', async () => {
        const before = await fingerprint(api);
        for (const url of routes()) {
          const m = multipart('a.pdf', Buffer.alloc(4096, 7));
          const res = await api.request({ method: 'POST', url, payload: m.payload.subarray(0, 300), headers: m.headers });
          expectClientError(res, 400, 'MALFORMED_UPLOAD');
        }
        expect(await fingerprint(api)).toEqual(before);
      });

      it('answers 400 for a form whose part headers are garbage or that has no file', async () => {
        for (const url of routes()) {
          const garbage = Buffer.from('--xyz\r\nnot a header at all\r\n\r\nbody\r\n--xyz--\r\n');
          expectClientError(await api.request({ method: 'POST', url, payload: garbage, headers: { 'content-type': 'multipart/form-data; boundary=xyz' } }), 400);
          const empty = Buffer.from('--xyz--\r\n');
          expectClientError(await api.request({ method: 'POST', url, payload: empty, headers: { 'content-type': 'multipart/form-data; boundary=xyz' } }), 400);
        }
      });
    });
  });
}
