// Generates the two Prisma clients (SQLite and PostgreSQL) from the one schema, offline.
// The PostgreSQL schema is derived: only the provider and the output folder change.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const sqliteSchema = join(root, 'prisma/schema.prisma');
const postgresSchema = join(root, 'prisma/schema.postgres.prisma');

export function derivePostgresSchema(source) {
  const derived = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('generated/sqlite"', 'generated/postgres"');
  return (
    '// GENERATED from schema.prisma by packages/db/scripts/generate.mjs — edit schema.prisma instead.\n' + derived
  );
}

// `prisma generate` never runs the schema engine, but the CLI insists that a binary exists;
// on machines that cannot download it, any executable file satisfies the check.
function engineStub() {
  const dir = join(tmpdir(), 'rectify-prisma');
  mkdirSync(dir, { recursive: true });
  const stub = join(dir, 'schema-engine-stub');
  if (!existsSync(stub)) {
    writeFileSync(stub, '#!/bin/sh\necho "schema engine not available offline" >&2\nexit 1\n');
    chmodSync(stub, 0o755);
  }
  return stub;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(postgresSchema, derivePostgresSchema(readFileSync(sqliteSchema, 'utf8')));
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? engineStub(),
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  };
  const prisma = join(here, '../node_modules/.bin/prisma');
  for (const schema of [sqliteSchema, postgresSchema]) {
    execFileSync(prisma, ['generate', '--schema', schema], { stdio: ['ignore', 'ignore', 'inherit'], env });
  }
  console.log('prisma clients generated (sqlite, postgres)');
}
