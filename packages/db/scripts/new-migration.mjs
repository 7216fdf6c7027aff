// Developer command: `pnpm db:new-migration <name>`. Diffs the schema as of the last migration
// (prisma/migrations/schema.snapshot.prisma) against prisma/schema.prisma with Prisma's wasm
// schema engine — no native binary, no download — and writes one SQL file per provider.
// Review each file before committing: the engine does not warn about data loss.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const require = createRequire(import.meta.url);
const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]+/gi, '_').toLowerCase();
if (!name) {
  console.error('usage: pnpm db:new-migration <name>');
  process.exit(2);
}

async function loadSchemaEngine() {
  // The package imports its .wasm as an ES module, which Node 20 cannot; instantiate it by hand.
  const dir = dirname(require.resolve('@prisma/schema-engine-wasm'));
  const bindings = await import(join(dir, 'schema_engine_bg.js'));
  const bytes = readFileSync(join(dir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bindings.SchemaEngine;
}

async function adapterFor(provider) {
  const { bindMigrationAwareSqlAdapterFactory } = await import('@prisma/driver-adapter-utils');
  if (provider === 'sqlite') {
    const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
    return bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url: ':memory:' }));
  }
  // A schema-to-schema diff reads nothing from the database, but the engine wants a connection.
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const url = process.env.RECTIFY_TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
  return bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));
}

const withProvider = (schema, provider) => schema.replace(/provider\s*=\s*"sqlite"/, `provider = "${provider}"`);

const SchemaEngine = await loadSchemaEngine();
const current = readFileSync(join(root, 'prisma/schema.prisma'), 'utf8');
const snapshotPath = join(root, 'prisma/migrations/schema.snapshot.prisma');
const previous = existsSync(snapshotPath) ? readFileSync(snapshotPath, 'utf8') : null;
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
let wrote = 0;

for (const [provider, folder] of [['sqlite', 'sqlite'], ['postgresql', 'postgres']]) {
  const to = withProvider(current, provider);
  const engine = await SchemaEngine.new({ datamodels: [['schema.prisma', to]] }, () => {}, await adapterFor(provider));
  const file = (content) => ({ tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content }] });
  const result = await engine.diff({
    from: previous ? file(withProvider(previous, provider)) : { tag: 'empty' },
    to: file(to),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = (result.stdout ?? '').trim();
  if (!sql || sql === '-- This is an empty migration.') continue;
  const dir = join(root, 'prisma/migrations', folder, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'migration.sql'), sql + '\n');
  console.log(`wrote ${dir}/migration.sql`);
  wrote++;
}
if (wrote) writeFileSync(snapshotPath, current);
else console.log('schema unchanged: no migration written');
process.exit(0);
