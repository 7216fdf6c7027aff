import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDb, loadDemoRound, migrate, readMigrations, referenceRound, repoRoot, type DatabaseTarget } from '@rectify/db';
const migrationsDir = join(repoRoot, 'prisma/migrations');
import type { TestDatabase } from './harness.js';

/** The migration that added the denormalised roundId columns; everything before it is "the old schema". */
const ROUND_IDS = 'denormalised_round_ids';
const COUNTED = ['InspectionRound', 'Category', 'Problem', 'Manifestation', 'Measure', 'ProgressUpdate', 'OutcomeFigure', 'Evidence', 'MeasureCoDepartment'];

/** A migrations folder holding only the migrations before `ROUND_IDS`. */
function migrationsBefore(name: string): { dir: string; drop(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'rectify-migrations-'));
  for (const provider of ['sqlite', 'postgres'] as const) {
    for (const m of readMigrations(provider)) {
      if (m.name.endsWith(name)) break;
      cpSync(join(migrationsDir, provider, m.name), join(dir, provider, m.name), { recursive: true });
    }
  }
  return { dir, drop: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies every row of `from` (current schema) into `to` (older schema), column by column that `to` has. */
async function copyRows(from: DatabaseTarget, to: DatabaseTarget): Promise<void> {
  if (from.provider === 'sqlite') {
    const db = new Database(to.location);
    try {
      db.pragma('foreign_keys = OFF');
      db.prepare('ATTACH DATABASE ? AS src').run(from.location);
      const tables = db.prepare(`SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%'`).all() as { name: string }[];
      // A table dropped since (FollowUpReview, never written) has nothing to copy.
      const inSource = new Set((db.prepare(`SELECT name FROM src.sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name));
      for (const { name } of tables.filter((t) => inSource.has(t.name))) {
        const columns = (db.prepare(`PRAGMA main.table_info("${name}")`).all() as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
        db.exec(`INSERT INTO main."${name}" (${columns}) SELECT ${columns} FROM src."${name}"`);
      }
    } finally {
      db.close();
    }
    return;
  }
  const source = new pg.Client({ connectionString: from.location });
  const target = new pg.Client({ connectionString: to.location });
  await Promise.all([source.connect(), target.connect()]);
  try {
    // Rows arrive in any order; foreign keys are checked by the migration's own constraints later.
    await target.query(`SET session_replication_role = replica`);
    const { rows: tables } = await target.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE '\\_%'`,
    );
    const { rows: sourceTables } = await source.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    const inSource = new Set(sourceTables.map((t) => t.table_name));
    for (const { table_name: name } of tables.filter((t) => inSource.has(t.table_name))) {
      const { rows: cols } = await target.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [name],
      );
      const columns = cols.map((c) => `"${c.column_name}"`);
      const { rows } = await source.query(`SELECT ${columns.join(', ')} FROM "${name}"`);
      for (const row of rows) {
        const values = cols.map((c) => (row as Record<string, unknown>)[c.column_name]);
        await target.query(`INSERT INTO "${name}" (${columns.join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})`, values);
      }
    }
    // Sequences: the copied ids were explicit.
    await target.query(`SET session_replication_role = DEFAULT`);
  } finally {
    await Promise.all([source.end(), target.end()]);
  }
}

/** Migrating a database that already holds a round keeps every row and fills roundId from the parents. */
export function migrationSuite(label: string, makeDatabase: () => Promise<TestDatabase | null>) {
  describe(`migration ${ROUND_IDS} on ${label}`, () => {
    it('keeps every row of a database holding the demo round, and fills roundId', async () => {
      const [current, old] = await Promise.all([makeDatabase(), makeDatabase()]);
      if (!current || !old) return;
      const before = migrationsBefore(ROUND_IDS);
      const a = await createDb(current.url);
      try {
        await migrate(a.target);
        const { roundId } = await loadDemoRound(a.db, referenceRound);
        if (roundId === null) throw new Error('the demo round was not loaded');
        // The demo has no progress reports or evidence; give two measures some.
        const measures = await a.db.measure.findMany({ where: { problem: { category: { roundId } } }, select: { id: true }, take: 2 });
        for (const m of measures) {
          const update = await a.db.progressUpdate.create({ data: { measureId: m.id, date: '2023-06-01', text: '进展', percent: 50 } });
          await a.db.outcomeFigure.create({ data: { measureId: m.id, progressUpdateId: update.id, label: '整改', value: 3, unit: '项' } });
          await a.db.evidence.create({ data: { measureId: m.id, fileName: 'a.pdf', mimeType: 'application/pdf', size: 1, sha256: 'ab'.repeat(32) } });
        }
        const b = await createDb(old.url);
        try {
          expect(await migrate(b.target, before.dir)).not.toContain(expect.stringContaining(ROUND_IDS));
          await copyRows(a.target, b.target);
          const count = async (db: typeof a.db) =>
            Object.fromEntries(
              await Promise.all(
                COUNTED.map(async (t) => [t, Number((await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n FROM "${t}"`))[0]!.n)] as const),
              ),
            );
          const expected = await count(a.db);
          expect(expected.Measure).toBeGreaterThan(30);
          expect(expected.ProgressUpdate).toBe(2);
          const applied = await migrate(b.target);
          expect(applied.some((n) => n.endsWith(ROUND_IDS))).toBe(true);
          expect(await count(b.db)).toEqual(expected);
          // Every problem and measure carries its parent's round.
          const wrong = await b.db.$queryRawUnsafe<{ n: number | bigint }[]>(
            `SELECT COUNT(*) AS n FROM "Measure" m JOIN "Problem" p ON p."id" = m."problemId" JOIN "Category" c ON c."id" = p."categoryId"
             WHERE m."roundId" IS NULL OR p."roundId" IS NULL OR m."roundId" <> c."roundId" OR p."roundId" <> c."roundId"`,
          );
          expect(Number(wrong[0]!.n)).toBe(0);
          expect(await b.db.measure.count({ where: { roundId } })).toBe(expected.Measure);
        } finally {
          await b.close();
        }
      } finally {
        await a.close();
        before.drop();
        await Promise.all([current.drop(), old.drop()]);
      }
    });
  });
}
