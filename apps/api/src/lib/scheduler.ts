import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Notifier } from '../modules/notifications/service.js';
import type { SessionStore } from '../modules/auth/sessions.js';
import type { Clock } from './clock.js';
import type { JobLeases } from './job-lease.js';

export const DAY_MS = 24 * 3600 * 1000;
/** The lease name of the daily job in the JobLease table. */
export const DAILY_JOB = 'daily';

export interface DailyJobResult {
  notified: number;
  emailed: number;
  digests: number;
}

/** The daily job: deadline notices and three-colour warnings (idempotent), their e-mail copies, the digest, expired sessions. */
export async function runDailyJob(notifier: Notifier, sessions: SessionStore, day?: string): Promise<DailyJobResult> {
  const notified = (await notifier.scanDeadlines(day)) + (await notifier.scanWarnings(day));
  const emailed = await notifier.dispatchEmails();
  const digests = await notifier.sendDigests(day);
  await sessions.purgeExpired();
  return { notified, emailed, digests };
}

/** Names this process in the lease table: which host and process runs a job, unique per start. */
export const instanceName = () => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export interface DailySchedulerOptions {
  leases: JobLeases;
  clock: Clock;
  log: FastifyBaseLogger;
  /** The job itself, for one day (Asia/Shanghai). */
  job: (day: string) => Promise<DailyJobResult>;
  holder?: string;
  /** How often an instance asks whether today's run is due (default 10 minutes). */
  checkEveryMs?: number;
  /** The first check after start-up (default 30 s, or checkEveryMs when shorter): never on the start-up path. */
  firstCheckAfterMs?: number;
  /** How long a holder may run before another instance may take over (default 30 minutes). */
  leaseMs?: number;
}

export type DailyRun = { ran: true; day: string; result: DailyJobResult } | { ran: false; day: string };

/**
 * Runs the daily job once per day across every instance on the database: each instance checks
 * now and then; the first to take the day's lease runs the job and records the day as done; the
 * others (and a restart later that day) find it done. A run that fails frees the lease without
 * recording the day, so the next check anywhere retries it.
 */
export function createDailyScheduler(options: DailySchedulerOptions) {
  const { leases, clock, log, job } = options;
  const holder = options.holder ?? instanceName();
  const checkEveryMs = options.checkEveryMs ?? 10 * 60 * 1000;
  const firstCheckAfterMs = options.firstCheckAfterMs ?? Math.min(30_000, checkEveryMs);
  const leaseMs = options.leaseMs ?? 30 * 60 * 1000;
  let checking: Promise<DailyRun> | null = null;

  async function runIfDue(): Promise<DailyRun> {
    const day = clock.today();
    if (!(await leases.acquire(DAILY_JOB, holder, day, clock.now(), leaseMs))) return { ran: false, day };
    let result: DailyJobResult;
    try {
      result = await job(day);
    } catch (error) {
      await leases.release(DAILY_JOB, holder).catch(() => undefined);
      throw error;
    }
    await leases.complete(DAILY_JOB, holder, day, clock.now());
    log.info({ job: DAILY_JOB, day, holder, ...result }, 'daily job done');
    return { ran: true, day, result };
  }

  /** Runs the job when today's run is due and no other instance is running it; one check at a time per process. */
  function check(): Promise<DailyRun> {
    checking ??= runIfDue().finally(() => {
      checking = null;
    });
    return checking;
  }

  return {
    holder,
    check,
    /** Starts checking; returns how to stop (which waits for a run under way). The timers never keep the process alive. */
    start(): () => Promise<void> {
      const tick = () => void check().catch((error) => log.error({ err: error }, 'daily job failed'));
      let interval: NodeJS.Timeout | undefined;
      const first = setTimeout(() => {
        tick();
        interval = setInterval(tick, checkEveryMs);
        interval.unref();
      }, firstCheckAfterMs);
      first.unref();
      return async () => {
        clearTimeout(first);
        if (interval) clearInterval(interval);
        await checking?.catch(() => undefined);
      };
    },
  };
}

export type DailyScheduler = ReturnType<typeof createDailyScheduler>;
