import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { EvidenceItem, MeasurePage } from '@rectify/domain';
import { createFileEvidenceStore, createS3EvidenceStore, evidenceStoreFromEnv, parseS3Url, type EvidenceStore } from '../src/lib/evidence-store.js';
import { files, json, multipart } from './fixtures.js';
import { sqliteDatabase, startApi } from './harness.js';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
async function read(stream: Readable | null): Promise<Buffer | null> {
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

describe('evidence store URLs', () => {
  it('reads bucket, prefix, endpoint, region and path style from RECTIFY_EVIDENCE_URL', () => {
    expect(parseS3Url('s3://rectify/prod/evidence/?endpoint=http://10.0.0.5:9000&region=cn-south-1', {})).toEqual({
      bucket: 'rectify',
      prefix: 'prod/evidence',
      endpoint: 'http://10.0.0.5:9000',
      region: 'cn-south-1',
      forcePathStyle: true,
    });
    expect(parseS3Url('s3://rectify', { AWS_REGION: 'eu-west-1' })).toEqual({ bucket: 'rectify', prefix: '', endpoint: undefined, region: 'eu-west-1', forcePathStyle: false });
    expect(parseS3Url('s3://b/p?endpoint=https://oss.example.com&pathStyle=0', {}).forcePathStyle).toBe(false);
    expect(() => parseS3Url('http://rectify/x', {})).toThrow(/s3:\/\//);
  });
});

describe('evidence in a directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rectify-evidence-fs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores by sha256 once, reads it back, and says null for what it does not hold', async () => {
    const store = createFileEvidenceStore(dir);
    const bytes = files.pdf();
    expect(await store.put(bytes)).toBe(sha(bytes));
    expect(await store.put(Buffer.from(bytes))).toBe(sha(bytes));
    expect(await store.has(sha(bytes))).toBe(true);
    expect((await read(await store.open(sha(bytes))))!.equals(bytes)).toBe(true);
    expect(await store.open(sha(Buffer.from('absent')))).toBeNull();
    expect(await store.open('../../etc/passwd')).toBeNull();
    expect(await store.has(sha(Buffer.from('absent')))).toBe(false);
  });
});

/** A real S3-compatible server (s3rver) on 127.0.0.1, its buckets in a temporary folder. */
describe('evidence in an S3-compatible bucket', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rectify-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: folder, configureBuckets: [{ name: 'rectify-evidence' }] });
  const created: string[] = [];
  server.on('event', (event) => {
    for (const record of event.Records) if (record.eventName.startsWith('ObjectCreated')) created.push(record.s3.object.key);
  });
  let endpoint = '';
  const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };

  beforeAll(async () => {
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    // The SDK's standard chain takes these, as it would on a server.
    process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
    process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
  });
  afterAll(async () => {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
    for (const [name, value] of [['AWS_ACCESS_KEY_ID', saved.id], ['AWS_SECRET_ACCESS_KEY', saved.secret]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const envFor = (prefix: string) => ({ ...process.env, RECTIFY_EVIDENCE_URL: `s3://rectify-evidence/${prefix}?endpoint=${endpoint}&region=us-east-1` });

  it('uploads once per content, downloads the same bytes, and answers null for a missing object', async () => {
    const store = await evidenceStoreFromEnv(envFor('unit'), folder);
    expect(store.location).toBe('s3://rectify-evidence/unit');
    const bytes = files.png();
    const key = `unit/${sha(bytes).slice(0, 2)}/${sha(bytes)}`;
    expect(await store.put(bytes)).toBe(sha(bytes));
    expect(created).toEqual([key]);
    // The same content again: found by its sha256, not uploaded a second time.
    expect(await store.put(Buffer.from(bytes))).toBe(sha(bytes));
    expect(created).toEqual([key]);
    expect(await store.has(sha(bytes))).toBe(true);
    expect((await read(await store.open(sha(bytes))))!.equals(bytes)).toBe(true);

    const absent = sha(Buffer.from('never uploaded'));
    expect(await store.has(absent)).toBe(false);
    expect(await store.open(absent)).toBeNull();
  });

  it('serves uploads and downloads through the API, and 404 when the object is gone', async () => {
    const store: EvidenceStore = await createS3EvidenceStore(parseS3Url(envFor('api').RECTIFY_EVIDENCE_URL!, process.env));
    const api = await startApi(sqliteDatabase(), { app: { evidenceStore: store } });
    try {
      const measure = json<MeasurePage>(await api.request({ method: 'GET', url: '/api/measures?overdue=true' })).items[0]!;
      const bytes = files.pdf();
      const added = await api.request({ method: 'POST', url: `/api/measures/${measure.id}/evidence`, ...multipart('整改报告.pdf', bytes) });
      expect(added.statusCode).toBe(201);
      const item = json<EvidenceItem>(added);
      expect(created).toContain(`api/${item.sha256.slice(0, 2)}/${item.sha256}`);

      const download = await api.request({ method: 'GET', url: `/api/evidence/${item.id}/download` });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(bytes)).toBe(true);
      expect(download.headers['content-type']).toBe('application/pdf');

      // The bucket lost the object (someone deleted it): a clear 404, not a 500 or an empty file.
      const s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true });
      await s3.send(new DeleteObjectCommand({ Bucket: 'rectify-evidence', Key: `api/${item.sha256.slice(0, 2)}/${item.sha256}` }));
      s3.destroy();
      const gone = await api.request({ method: 'GET', url: `/api/evidence/${item.id}/download` });
      expect(gone.statusCode).toBe(404);
      expect(json<{ error: { code: string } }>(gone).error.code).toBe('NOT_FOUND');
    } finally {
      await api.close();
    }
  });

  it('picks a directory for file: URLs and <data dir>/evidence when unset', async () => {
    expect((await evidenceStoreFromEnv({}, folder)).location).toBe(join(folder, 'evidence'));
    expect((await evidenceStoreFromEnv({ RECTIFY_EVIDENCE_URL: `file:${folder}/shared` }, '/unused')).location).toBe(`${folder}/shared`);
  });
});
