import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@rectify/db';
import { pgAdminUrl, postgresAvailable, postgresDatabase, sqliteDatabase, type TestDatabase } from './harness.js';

/**
 * Durability: the built server (apps/api/dist/server.js, a child process) is killed with SIGKILL
 * while four clients write, three times over. Every write it acknowledged (201) must be there after
 * a restart, and the SQLite file must pass PRAGMA integrity_check.
 */
const serverJs = resolve(import.meta.dirname, '../dist/server.js');
const CYCLES = 3;
const WRITERS = 4;
const children = new Set<ChildProcess>();

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [serverJs], {
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', RECTIFY_DEMO: '1', LOG_LEVEL: 'info', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  const base = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${out}`)), 180_000); // migrations + demo load, slow on a busy machine
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/listening at (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => fail(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
  return { child, base };
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'office', password: 'rectify-demo' }) });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.getSetCookie().find((c) => c.startsWith('rectify_session='))!.split(';')[0]!;
}

function crashSuite(label: string, makeDatabase: () => Promise<TestDatabase | null>) {
  it(`keeps every acknowledged write across ${CYCLES} SIGKILLs under ${WRITERS} concurrent writers (${label})`, async () => {
    expect(existsSync(serverJs), `build the API first (pnpm build): ${serverJs}`).toBe(true);
    const database = (await makeDatabase())!;
    const dataDir = mkdtempSync(join(tmpdir(), 'rectify-crash-'));
    const env = { DATABASE_URL: database.url, RECTIFY_DATA_DIR: dataDir };
    const acknowledged = new Map<number, string>();
    let roundId = 0;
    try {
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        const { child, base } = await startServer(env);
        const cookie = await signIn(base);
        if (!roundId) {
          // The round list is an array or a page of items ({items}), whichever the API answers now.
          const list = (await (await fetch(`${base}/api/rounds`, { headers: { cookie } })).json()) as { id: number }[] | { items: { id: number }[] };
          roundId = (Array.isArray(list) ? list : list.items)[0]!.id;
        }
        let stop = false;
        const writer = async (w: number) => {
          for (let n = 0; !stop; n++) {
            const title = `崩溃测试 ${cycle}-${w}-${n}`;
            try {
              const res = await fetch(`${base}/api/categories`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ roundId, title }) });
              if (res.status === 201) acknowledged.set(((await res.json()) as { id: number }).id, title);
            } catch {
              return; // the connection died with the server: this write was never acknowledged
            }
          }
        };
        const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
        const before = acknowledged.size;
        while (acknowledged.size < before + 15) await new Promise((r) => setTimeout(r, 20));
        child.kill('SIGKILL');
        stop = true;
        await Promise.all(writers);
        await new Promise<void>((r) => (child.exitCode !== null || child.signalCode ? r() : child.once('exit', () => r())));
      }

      const { db, target, close } = await createDb(database.url);
      try {
        const rows = await db.category.findMany({ where: { id: { in: [...acknowledged.keys()] } }, select: { id: true, title: true } });
        const found = new Map(rows.map((r) => [r.id, r.title]));
        const lost = [...acknowledged].filter(([id, title]) => found.get(id) !== title);
        expect(lost, `acknowledged writes lost after SIGKILL`).toEqual([]);
        expect(acknowledged.size).toBeGreaterThanOrEqual(CYCLES * 15);
        if (target.provider === 'sqlite') {
          const check = await db.$queryRawUnsafe<{ integrity_check: string }[]>('PRAGMA integrity_check');
          expect(check.map((r) => r.integrity_check)).toEqual(['ok']);
        } else {
          // No PRAGMA on PostgreSQL: every table must read through completely.
          const tables = await db.$queryRawUnsafe<{ tablename: string }[]>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
          for (const { tablename } of tables) await db.$queryRawUnsafe(`SELECT count(*) FROM "${tablename}"`);
        }
      } finally {
        await close();
      }
    } finally {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 900_000);
}

describe('durability under SIGKILL', () => {
  afterAll(() => {
    for (const child of children) child.kill('SIGKILL');
  });
  crashSuite('SQLite', async () => sqliteDatabase());
});

const pgUp = await postgresAvailable();
describe.skipIf(!pgUp)(`durability under SIGKILL on PostgreSQL${pgUp ? '' : ` — skipped: no server at ${pgAdminUrl.replace(/\/\/[^@]*@/, '//')}`}`, () => {
  crashSuite('PostgreSQL', () => postgresDatabase());
});
