import type { FastifyBaseLogger } from 'fastify';
import type { Notifier } from '../modules/notifications/service.js';
import type { SessionStore } from '../modules/auth/sessions.js';

export const DAY_MS = 24 * 3600 * 1000;

/** The daily job: deadline notices (idempotent), their e-mail copies, the digest, expired sessions. */
export async function runDailyJob(notifier: Notifier, sessions: SessionStore): Promise<{ notified: number; emailed: number; digests: number }> {
  const notified = await notifier.scanDeadlines();
  const emailed = await notifier.dispatchEmails();
  const digests = await notifier.sendDigests();
  await sessions.purgeExpired();
  return { notified, emailed, digests };
}

/** Runs the daily job now and then every `intervalMs`; the timer never keeps the process alive. */
export function startScheduler(job: () => Promise<unknown>, log: FastifyBaseLogger, intervalMs = DAY_MS): () => void {
  const run = () => void job().catch((error) => log.error({ err: error }, 'daily job failed'));
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
