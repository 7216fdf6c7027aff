import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteDatabase, startApi, type TestApi } from './harness.js';

// A built web app as the build leaves it: hashed assets with .br/.gz beside them, index.html too.
const script = `console.log(${JSON.stringify('整改'.repeat(2000))});\n`;
const page = `<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`;

describe('web delivery: precompressed assets and cache headers', () => {
  let api: TestApi;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'rectify-web-'));
    mkdirSync(join(webDir, 'assets'));
    for (const [path, body] of [['assets/index-AbC123.js', script], ['index.html', page]] as const) {
      writeFileSync(join(webDir, path), body);
      writeFileSync(join(webDir, `${path}.br`), brotliCompressSync(body));
      writeFileSync(join(webDir, `${path}.gz`), gzipSync(body));
    }
    api = await startApi(sqliteDatabase(), { demo: false, app: { webDir } });
  });

  afterAll(async () => {
    await api?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) =>
    api.app.inject({ method: 'GET', url, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });

  it('sends brotli to a browser that accepts it, gzip to one that accepts only gzip, plain otherwise', async () => {
    const br = await get('/assets/index-AbC123.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await get('/assets/index-AbC123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/index-AbC123.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.payload).toBe(script);
  });

  it('caches hashed assets for a year as immutable, and has index.html revalidated', async () => {
    const asset = await get('/assets/index-AbC123.js', 'br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    for (const url of ['/', '/index.html']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
    }
  });

  it('answers a client-side route with index.html, not cached as immutable', async () => {
    const res = await get('/rounds/1/tree', 'identity');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.payload).toBe(page);
  });

  it('does not serve an asset that does not exist as the page', async () => {
    const res = await get('/api/nothing-here', 'br');
    expect(res.statusCode).toBe(404);
  });
});

describe("web delivery: a route's own page", () => {
  const dashboardPage = page.replace('</head>', '<link rel="modulepreload" crossorigin href="/assets/DashboardPage-X1.js"></head>');

  async function serve(routePages: string | null) {
    const webDir = mkdtempSync(join(tmpdir(), 'rectify-web-'));
    mkdirSync(join(webDir, '.vite'));
    writeFileSync(join(webDir, 'index.html'), page);
    writeFileSync(join(webDir, 'dashboard.html'), dashboardPage);
    writeFileSync(join(webDir, 'dashboard.html.br'), brotliCompressSync(dashboardPage));
    if (routePages !== null) writeFileSync(join(webDir, '.vite', 'route-pages.json'), routePages);
    const api = await startApi(sqliteDatabase(), { demo: false, app: { webDir } });
    const get = (url: string, encoding = 'identity') => api.app.inject({ method: 'GET', url, headers: { 'accept-encoding': encoding } });
    return { get, close: async () => { await api.close(); rmSync(webDir, { recursive: true, force: true }); } };
  }

  it('answers the paths the build lists with their page (precompressed, revalidated), others with index.html', async () => {
    const web = await serve(JSON.stringify([{ path: '^/rounds/\\d+/?$', page: 'dashboard.html' }]));
    try {
      for (const url of ['/rounds/12', '/rounds/12/', '/rounds/12?category=3']) {
        const res = await web.get(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.payload, url).toBe(dashboardPage);
        expect(res.headers['cache-control'], url).toBe('no-cache');
      }
      const br = await web.get('/rounds/12', 'br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(dashboardPage);
      for (const url of ['/rounds/12/tree', '/rounds', '/measures/4', '/']) expect((await web.get(url)).payload, url).toBe(page);
    } finally {
      await web.close();
    }
  });

  it('serves index.html for every route when the list is unreadable or names what is not there', async () => {
    for (const listed of ['{not json', JSON.stringify({ path: 'x' }), JSON.stringify([{ path: '.*', page: '../secret.html' }]), JSON.stringify([{ path: '.*', page: 'gone.html' }])]) {
      const web = await serve(listed);
      try {
        expect((await web.get('/rounds/12')).payload, listed).toBe(page);
      } finally {
        await web.close();
      }
    }
    const none = await serve(null);
    try {
      expect((await none.get('/rounds/12')).payload).toBe(page);
    } finally {
      await none.close();
    }
  });
});
