import { describe, expect, it } from 'vitest';
import { scryptHasher } from '../src/lib/passwords.js';

describe('scrypt password hasher', () => {
  const hasher = scryptHasher({ logN: 10 });

  it('verifies the password it hashed and no other', async () => {
    const stored = await hasher.hash('correct horse');
    expect(await hasher.verify('correct horse', stored)).toBe(true);
    expect(await hasher.verify('correct horsf', stored)).toBe(false);
    expect(await hasher.verify('correct horse', 'not-a-hash')).toBe(false);
  });

  it('makes decoys with its own cost that no password matches', async () => {
    const decoy = hasher.decoy();
    const real = await hasher.hash('x');
    // Same parameters, so checking a decoy takes the time a real check does.
    expect(decoy.split('$').slice(0, 4)).toEqual(real.split('$').slice(0, 4));
    expect(hasher.decoy()).not.toBe(decoy);
    for (const guess of ['', 'x', 'decoy', 'password']) expect(await hasher.verify(guess, decoy)).toBe(false);
  });
});
