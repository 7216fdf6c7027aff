import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';

/**
 * Evidence files live outside the database, addressed by their sha256: the same content is stored
 * once however often it is uploaded, and a file is never overwritten. Two stores: a directory
 * (local, or shared between instances: NFS, a mounted volume) and an S3-compatible bucket.
 */
export interface EvidenceStore {
  /** Where the files are, for logs: a directory or s3://bucket/prefix. */
  location: string;
  /** Stores the bytes (once per content); returns their sha256. */
  put(bytes: Buffer): Promise<string>;
  has(sha256: string): Promise<boolean>;
  /** The file's bytes, or null when the store has no such file. */
  open(sha256: string): Promise<Readable | null>;
}

const SHA256 = /^[0-9a-f]{64}$/;
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** <first two hex>/<sha256>: no folder grows past a few thousand entries. */
const keyOf = (sha: string) => {
  if (!SHA256.test(sha)) throw new Error(`not a sha256: ${sha}`);
  return `${sha.slice(0, 2)}/${sha}`;
};
const isMissing = (error: unknown) => (error as { code?: string }).code === 'ENOENT';

/** Files under <dir>/<sha256[0:2]>/<sha256>. */
export function createFileEvidenceStore(dir: string): EvidenceStore {
  const pathOf = (sha: string) => join(dir, keyOf(sha));
  const has = async (sha: string) => {
    if (!SHA256.test(sha)) return false;
    try {
      return (await stat(pathOf(sha))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  };
  return {
    location: dir,
    async put(bytes) {
      const sha = sha256Of(bytes);
      if (await has(sha)) return sha;
      const target = pathOf(sha);
      await mkdir(join(dir, sha.slice(0, 2)), { recursive: true });
      // Write aside, then rename: a reader (on any instance sharing the directory) never sees half a file.
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temp, bytes, { flag: 'wx' });
        await rename(temp, target);
      } finally {
        await rm(temp, { force: true });
      }
      return sha;
    },
    has,
    async open(sha) {
      if (!SHA256.test(sha)) return null;
      try {
        const handle = await open(pathOf(sha), 'r');
        return handle.createReadStream();
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
  };
}

export interface S3Location {
  bucket: string;
  /** Key prefix without slashes at either end; '' for the bucket's root. */
  prefix: string;
  /** An S3-compatible server's URL (MinIO, Ceph, a cloud's S3 API); unset for AWS itself. */
  endpoint?: string;
  region: string;
  /** bucket in the path (http://host/bucket/key), as most S3-compatible servers want; default when an endpoint is set. */
  forcePathStyle: boolean;
}

/** s3://bucket/prefix?endpoint=http://host:9000&region=…&pathStyle=0|1 */
export function parseS3Url(url: string, env: NodeJS.ProcessEnv = process.env): S3Location {
  const parsed = new URL(url);
  if (parsed.protocol !== 's3:' || !parsed.hostname) throw new Error(`not an s3://bucket/prefix URL: ${url}`);
  const endpoint = parsed.searchParams.get('endpoint') ?? undefined;
  const pathStyle = parsed.searchParams.get('pathStyle');
  return {
    bucket: parsed.hostname,
    prefix: decodeURIComponent(parsed.pathname).replace(/^\/+|\/+$/g, ''),
    endpoint,
    region: parsed.searchParams.get('region') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
    forcePathStyle: pathStyle === null ? endpoint !== undefined : pathStyle === '1' || pathStyle === 'true',
  };
}

/**
 * Objects <prefix>/<sha256[0:2]>/<sha256> in an S3-compatible bucket. @aws-sdk/client-s3 is an
 * optional dependency, loaded only here; credentials come from the SDK's standard chain
 * (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, AWS_PROFILE, an instance role…).
 */
export async function createS3EvidenceStore(location: S3Location): Promise<EvidenceStore> {
  let s3: typeof import('@aws-sdk/client-s3');
  try {
    s3 = await import('@aws-sdk/client-s3');
  } catch (error) {
    throw new Error('RECTIFY_EVIDENCE_URL is an s3:// URL but @aws-sdk/client-s3 is not installed (pnpm install without --no-optional)', { cause: error });
  }
  const client = new s3.S3Client({
    region: location.region,
    endpoint: location.endpoint,
    forcePathStyle: location.forcePathStyle,
    // Checksums only where S3 requires them: many S3-compatible servers refuse the newer
    // streaming-checksum uploads the SDK sends by default.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = location.bucket;
  const objectKey = (sha: string) => (location.prefix ? `${location.prefix}/${keyOf(sha)}` : keyOf(sha));
  const notFound = (error: unknown) => {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
  };
  const has = async (sha: string) => {
    if (!SHA256.test(sha)) return false;
    try {
      await client.send(new s3.HeadObjectCommand({ Bucket, Key: objectKey(sha) }));
      return true;
    } catch (error) {
      if (notFound(error)) return false;
      throw error;
    }
  };
  return {
    location: `s3://${Bucket}/${location.prefix}`,
    async put(bytes) {
      const sha = sha256Of(bytes);
      if (await has(sha)) return sha;
      // One PUT is atomic: readers see the whole object or none; the same key always holds the same bytes.
      await client.send(
        new s3.PutObjectCommand({ Bucket, Key: objectKey(sha), Body: bytes, ContentLength: bytes.length, ContentType: 'application/octet-stream' }),
      );
      return sha;
    },
    has,
    async open(sha) {
      if (!SHA256.test(sha)) return null;
      try {
        const object = await client.send(new s3.GetObjectCommand({ Bucket, Key: objectKey(sha) }));
        return (object.Body as Readable | undefined) ?? null;
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
    },
  };
}

/**
 * RECTIFY_EVIDENCE_URL picks the store: unset → <dataDir>/evidence; s3://bucket/prefix?… → the
 * bucket; file:<path> or a path → that directory (e.g. one shared by every instance).
 */
export async function evidenceStoreFromEnv(env: NodeJS.ProcessEnv, dataDir: string): Promise<EvidenceStore> {
  const url = env.RECTIFY_EVIDENCE_URL?.trim();
  if (!url) return createFileEvidenceStore(resolve(dataDir, 'evidence'));
  if (url.startsWith('s3://')) return createS3EvidenceStore(parseS3Url(url, env));
  return createFileEvidenceStore(resolve(url.replace(/^file:(\/\/(?=\/))?/, '')));
}
