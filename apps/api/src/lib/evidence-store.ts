import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Evidence files live outside the database, under <dataDir>/evidence/<first two hex>/<sha256>:
 * the same content is stored once however often it is uploaded, and a file is never overwritten.
 */
export interface EvidenceStore {
  dir: string;
  put(bytes: Buffer): Promise<string>;
  exists(sha256: string): boolean;
  open(sha256: string): ReadStream;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function createEvidenceStore(dir: string): EvidenceStore {
  const pathOf = (sha: string) => {
    if (!SHA256.test(sha)) throw new Error(`not a sha256: ${sha}`);
    return join(dir, sha.slice(0, 2), sha);
  };
  return {
    dir,
    async put(bytes) {
      const sha = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha);
      if (existsSync(target)) return sha;
      await mkdir(join(dir, sha.slice(0, 2)), { recursive: true });
      // Write aside, then rename: a reader never sees half a file.
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temp, bytes, { flag: 'wx' });
        await rename(temp, target);
      } finally {
        await rm(temp, { force: true });
      }
      return sha;
    },
    exists: (sha) => SHA256.test(sha) && existsSync(pathOf(sha)),
    open: (sha) => createReadStream(pathOf(sha)),
  };
}
