import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipBomb } from '../../../packages/documents/test/zip-bombs.js';
import { startApi, sqliteDatabase, type TestApi } from './harness.js';
import { builders, files, fingerprint, json, multipart, world } from './fixtures.js';
import { expectClientError } from './hardening.suite.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const MB = 1024 * 1024;

/** Every file under a directory, as paths relative to it. */
const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((p) => statSync(join(dir, p)).isFile())
    : [];

/** Runs `work` while sampling this process's resident memory; the highest growth seen, in MB. */
async function peakGrowthMb(work: () => Promise<unknown>): Promise<number> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return (Math.max(peak, process.memoryUsage().rss) - baseline) / MB;
}

/**
 * Uploads as an attacker sends them: empty, truncated, zip bombs, lying types, path-like names,
 * oversize. Each refused in the one error shape, nothing changed, memory bounded (measured, not
 * timed), nothing written outside the evidence directory.
 */
describe('hostile uploads (SQLite)', () => {
  let api: TestApi;
  let measureId: number;
  const routes = () => ({
    evidence: `/api/measures/${measureId}/evidence`,
    ledgerPreview: `/api/rounds/${api.roundId}/ledger/import/preview`,
    ledgerImport: `/api/rounds/${api.roundId}/ledger/import`,
    documentPreview: '/api/import/document/preview',
  });
  const post = (url: string, m: { payload: Buffer; headers: Record<string, string> }) => api.request({ method: 'POST', url, ...m });
  const raw = (url: string, bytes: Buffer, type: string) => api.request({ method: 'POST', url, payload: bytes, headers: { 'content-type': type } });

  beforeAll(async () => {
    api = await startApi(sqliteDatabase());
    measureId = (await builders(api, await world(api)).measure()).id;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('refuses empty files on all four upload routes', async () => {
    const before = await fingerprint(api);
    for (const url of Object.values(routes())) {
      expectClientError(await post(url, multipart('空.pdf', Buffer.alloc(0))), 400);
    }
    expectClientError(await raw(routes().ledgerPreview, Buffer.alloc(0), XLSX), 400);
    expect(await fingerprint(api)).toEqual(before);
  });

  it('refuses zip bombs with 413 before inflating them, memory bounded even for four at once', async () => {
    const before = await fingerprint(api);
    const honest = zipBomb(1200); // ~1.2 MB that inflates to 1.2 GB, and says so
    const liar = zipBomb(1200, { declare: 4096 }); // the same, claiming 4 KB
    const docBomb = zipBomb(1200, { sheet: 'word/document.xml', declare: 2048 });
    const { ledgerPreview, ledgerImport, documentPreview } = routes();
    let answers: { statusCode: number; body: string }[] = [];
    const growth = await peakGrowthMb(async () => {
      answers = await Promise.all([
        raw(ledgerPreview, honest, XLSX),
        post(ledgerImport, multipart('台账.xlsx', liar, XLSX)),
        post(documentPreview, multipart('报告.docx', docBomb, DOCX)),
        raw(documentPreview, liar, DOCX),
      ]);
    });
    for (const res of answers) expectClientError(res, 413, 'ARCHIVE_TOO_LARGE');
    expect(growth, `resident memory grew by ${growth.toFixed(0)} MB`).toBeLessThan(300);
    expect(await fingerprint(api)).toEqual(before);
  });

  it('refuses files whose content is not what their name or type says', async () => {
    const before = await fingerprint(api);
    const { evidence, ledgerPreview, documentPreview } = routes();
    expectClientError(await post(evidence, multipart('扫描件.pdf', files.png(), 'application/pdf')), 415, 'FILE_TYPE_MISMATCH');
    expectClientError(await post(evidence, multipart('setup.pdf', files.exe(), 'application/pdf')), 415);
    expectClientError(await raw(ledgerPreview, files.pdf(), XLSX), 400, 'INVALID_FILE');
    expectClientError(await post(documentPreview, multipart('报告.docx', files.pdf(), DOCX)), 400, 'INVALID_FILE');
    expect(await fingerprint(api)).toEqual(before);
  });

  it('keeps only the base name of path-like names and writes nothing outside the evidence directory', async () => {
    const { evidence } = routes();
    // The evidence directory's parent is shared (a temp dir other test runs write and clean up
    // in): what counts is that no upload landed there or where its name points.
    const outside = join(api.evidenceDir, '..');
    const names = ['../../../证据.pdf', '..\\..\\windows\\证据2.pdf', '/etc/证据3.pdf'];
    const uploadedHere = () => readdirSync(outside).filter((n) => n.includes('证据'));
    const before = uploadedHere();
    for (const name of names) {
      const res = await post(evidence, multipart(name, Buffer.concat([files.pdf(), Buffer.from(name)])));
      expect(res.statusCode, res.body).toBe(201);
      expect(json<{ fileName: string }>(res).fileName).toMatch(/^证据\d?\.pdf$/);
    }
    for (const name of ['..', '../', '/']) expectClientError(await post(evidence, multipart(name, files.pdf())), 400);
    expect(uploadedHere()).toEqual(before);
    for (const name of names) expect(existsSync(resolve(api.evidenceDir, name.replaceAll('\\', '/'))), name).toBe(false);
    for (const path of filesUnder(api.evidenceDir)) expect(relative(api.evidenceDir, join(api.evidenceDir, path))).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}$/);
  });

  it('refuses oversize uploads with 413 on all four routes', async () => {
    const before = await fingerprint(api);
    const big = Buffer.alloc(20 * MB + 1, 0x41);
    for (const url of Object.values(routes())) {
      const res = await post(url, multipart('大.pdf', Buffer.concat([files.pdf(), big])));
      expectClientError(res, 413);
    }
    expectClientError(await raw(routes().ledgerPreview, big, XLSX), 413);
    expect(await fingerprint(api)).toEqual(before);
  });
});
