import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are hashed with scrypt (memory-hard), a random salt per password, and stored as
 * `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (base64) so the cost can rise later without breaking
 * old hashes. Comparison is constant-time.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
  /**
   * A stored-hash string with this hasher's cost whose key is random bytes: no password matches
   * it, and checking one against it costs what checking a real one does. Made without hashing, so
   * start-up does not pay a 32 MiB scrypt that the allocator then keeps.
   */
  decoy(): string;
}

const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

const optionsFor = (logN: number, r: number, p: number): ScryptOptions => ({
  N: 2 ** logN,
  r,
  p,
  // scrypt needs 128·N·r bytes; allow twice that.
  maxmem: 256 * 2 ** logN * r + 1024 * 1024,
});

/** N = 2^15, r = 8, p = 1 by default (32 MiB, ~0.1–0.3 s). Tests pass a lower `logN`. */
export function scryptHasher({ logN = 15, r = 8, p = 1 }: { logN?: number; r?: number; p?: number } = {}): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(16);
      const key = await derive(password, salt, optionsFor(logN, r, p));
      return ['scrypt', logN, r, p, salt.toString('base64'), key.toString('base64')].join('$');
    },
    decoy() {
      return ['scrypt', logN, r, p, randomBytes(16).toString('base64'), randomBytes(KEY_LENGTH).toString('base64')].join('$');
    },
    async verify(password, stored) {
      const parts = stored.split('$');
      if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
      const [, n, rr, pp, salt, hash] = parts as [string, string, string, string, string, string];
      const expected = Buffer.from(hash, 'base64');
      const [sLogN, sR, sP] = [Number(n), Number(rr), Number(pp)];
      if (![sLogN, sR, sP].every(Number.isInteger) || sLogN < 1 || sLogN > 20 || expected.length !== KEY_LENGTH) return false;
      const key = await derive(password, Buffer.from(salt, 'base64'), optionsFor(sLogN, sR, sP));
      return timingSafeEqual(key, expected);
    },
  };
}
