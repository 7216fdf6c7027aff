import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, defaultDataDir, loadDemoDistrict, loadDemoRound, migrate, referenceRound } from '@rectify/db';
import { buildApp } from './app.js';
import { evidenceStoreFromEnv } from './lib/evidence-store.js';
import { parseAllowedOrigins } from './plugins/same-origin.js';
import { createMailerFromEnv } from './lib/mailer.js';
import { scryptHasher } from './lib/passwords.js';
import { systemClock } from './lib/clock.js';
import { ensureDemoAccounts } from './modules/auth/demo-accounts.js';
import { ensureFirstAdmin } from './modules/auth/first-admin.js';

const here = dirname(fileURLToPath(import.meta.url));

function secondsFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of seconds, got "${raw}"`);
  return value;
}

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  const webDir = process.env.RECTIFY_WEB_DIR ?? resolve(here, '../../web/dist');

  const database = await createDb(process.env.DATABASE_URL);
  const applied = await migrate(database.target);
  if (applied.length) console.log(`migrations applied: ${applied.join(', ')}`);
  const hasher = scryptHasher();
  // One clock for the start-up steps, the jobs and the requests: every audit row is dated by it.
  const clock = systemClock;
  if (process.env.RECTIFY_DEMO === '1' || process.env.RECTIFY_DEMO === 'true') {
    const result = await loadDemoRound(database.db, referenceRound);
    console.log(result.loaded ? `demo round loaded (id ${result.roundId})` : `demo data not loaded: ${result.reason}`);
    if (result.loaded) {
      const district = await loadDemoDistrict(database.db);
      if (district.loaded) console.log(`demo district loaded: the 巡察办 and ${district.roundIds.length} more units' rounds`);
    }
    const accounts = await ensureDemoAccounts(database.db, hasher, clock);
    if (accounts.length) console.log(`demo accounts created: ${accounts.join(', ')} (password rectify-demo)`);
  }
  const firstAdmin = await ensureFirstAdmin(database.db, hasher, process.env, clock);
  if ('created' in firstAdmin) console.log(`administrator account created: ${firstAdmin.created}`);
  else if (firstAdmin.skipped === 'no-password') console.log('no account exists yet: set RECTIFY_ADMIN_PASSWORD (8+ characters) and restart to create the administrator');
  else if (firstAdmin.skipped === 'weak-password') console.log('RECTIFY_ADMIN_PASSWORD must have at least 8 characters: no administrator created');

  const dataDir = resolve(process.env.RECTIFY_DATA_DIR ?? defaultDataDir);
  const evidenceStore = await evidenceStoreFromEnv(process.env, dataDir);
  const mailer = createMailerFromEnv(process.env);
  const secure = process.env.RECTIFY_COOKIE_SECURE;
  const app = await buildApp({
    db: database.db,
    dialect: database.dialect,
    clock,
    webDir,
    logger: true,
    hasher,
    mailer,
    evidenceStore,
    scheduler: { checkEveryMs: secondsFromEnv('RECTIFY_DAILY_CHECK_SECONDS', 600) * 1000 },
    secureCookies: secure === '1' || secure === 'true' ? true : secure === '0' || secure === 'false' ? false : 'auto',
    trustProxy: process.env.RECTIFY_TRUST_PROXY === '1' || process.env.RECTIFY_TRUST_PROXY === 'true',
    allowedOrigins: parseAllowedOrigins(process.env.RECTIFY_ORIGIN),
  });
  app.log.info(`evidence files: ${evidenceStore.location}; daily job checks as ${app.dailyScheduler.holder}`);
  if (!mailer) app.log.info('SMTP_HOST not set: notifications stay in the app, no e-mail is sent');
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port, host });
  const where = database.target.provider === 'sqlite' ? database.target.location : 'PostgreSQL';
  app.log.info(`Rectify on http://${host === '0.0.0.0' ? 'localhost' : host}:${port} (database: ${where})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
