import { describe, expect, it } from 'vitest';
import { AppError } from '../src/lib/errors.js';
import { createWorkGate } from '../src/lib/work-gate.js';

describe('heavy-import gate', () => {
  it('runs a few at once, queues a few more in order, refuses the rest with 503 and Retry-After', async () => {
    const gate = createWorkGate({ concurrent: 2, queued: 1, retryAfterSeconds: 7 });
    const releases: (() => void)[] = [];
    const started: number[] = [];
    const job = (n: number) => gate.run(() => new Promise<number>((resolve) => (started.push(n), releases.push(() => resolve(n)))));
    const a = job(1);
    const b = job(2);
    const c = job(3);
    const refused = await job(4).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(503);
    expect((refused as AppError).headers).toEqual({ 'retry-after': '7' });
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    expect([gate.active, gate.waiting]).toEqual([2, 1]);
    releases[0]!();
    expect(await a).toBe(1);
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([1, 2, 3]);
    releases[1]!();
    releases[2]!();
    expect(await Promise.all([b, c])).toEqual([2, 3]);
    expect([gate.active, gate.waiting]).toEqual([0, 0]);
  });

  it('frees the slot when the work fails', async () => {
    const gate = createWorkGate({ concurrent: 1, queued: 0 });
    await expect(gate.run(() => Promise.reject(new Error('broken file')))).rejects.toThrow('broken file');
    await expect(gate.run(async () => 'next')).resolves.toBe('next');
  });
});
