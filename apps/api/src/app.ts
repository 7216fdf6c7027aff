import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { defaultDataDir, type Db } from '@rectify/db';
import { EVIDENCE_MAX_BYTES, type SqlDialect } from '@rectify/domain';
import { systemClock, type Clock } from './lib/clock.js';
import { requestSerializer } from './lib/log-redaction.js';
import { createFileEvidenceStore, type EvidenceStore } from './lib/evidence-store.js';
import { createJobLeases } from './lib/job-lease.js';
import type { RateLimiter } from './lib/rate-limit.js';
import type { Mailer } from './lib/mailer.js';
import { scryptHasher, type PasswordHasher } from './lib/passwords.js';
import { createDailyScheduler, runDailyJob, type DailyScheduler } from './lib/scheduler.js';
import database from './plugins/database.js';
import errors from './plugins/errors.js';
import auth from './plugins/auth.js';
import sameOrigin from './plugins/same-origin.js';
import securityHeaders from './plugins/security-headers.js';
import rateLimit from './plugins/rate-limit.js';
import openapi from './plugins/openapi.js';
import textInput from './plugins/text-input.js';
import { registerWebApp } from './plugins/web.js';
import responseCache from './plugins/response-cache.js';
import type { ResponseCacheOptions } from './lib/response-cache.js';
import { healthRoutes } from './modules/health/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { userRoutes } from './modules/users/routes.js';
import { roundRoutes } from './modules/rounds/routes.js';
import { hierarchyRoutes } from './modules/hierarchy/routes.js';
import { measureRoutes } from './modules/measures/routes.js';
import { peopleRoutes } from './modules/people/routes.js';
import { taskRoutes } from './modules/tasks/routes.js';
import { progressRoutes } from './modules/progress/routes.js';
import { evidenceRoutes } from './modules/evidence/routes.js';
import { registerRoutes } from './modules/registers/routes.js';
import { closureRoutes } from './modules/closures/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { createNotifier, type Notifier } from './modules/notifications/service.js';
import { ledgerRoutes } from './modules/ledger/routes.js';
import { reportRoutes } from './modules/report/routes.js';
import { dashboardPrintRoutes } from './modules/dashboard/routes.js';
import { importRoutes } from './modules/imports/routes.js';
import { shareLinkRoutes } from './modules/share-links/routes.js';
import { postponementRoutes } from './modules/postponements/routes.js';
import { timelineRoutes } from './modules/timeline/routes.js';
import { supervisionRoutes } from './modules/supervision/routes.js';
import { reportSubmissionRoutes } from './modules/report-submissions/routes.js';
import { programmeRoutes } from './modules/programme/routes.js';
import { followUpRoutes } from './modules/follow-ups/routes.js';
import { publicSupervisionRoutes } from './modules/public-supervision/routes.js';
import type { PdfPrinter } from './lib/pdf.js';
import { createWorkGate, type WorkGate } from './lib/work-gate.js';

declare module 'fastify' {
  interface FastifyInstance {
    notifier: Notifier;
    /** The daily job (deadline notices, e-mails, digest, expired sessions) run now, whatever the lease says (tests). */
    runDailyJob(): ReturnType<typeof runDailyJob>;
    /** The daily job once per day across instances (JobLease); the timers call its check(). */
    dailyScheduler: DailyScheduler;
    /** Parsing uploaded .xlsx / .docx: a few at a time, the rest queued or refused with 503. */
    importGate: WorkGate;
  }
}

export interface AppOptions {
  db: Db;
  /** The SQL dialect of `db` (createDb's `dialect`): the warning levels' date arithmetic differs. */
  dialect: SqlDialect;
  clock?: Clock;
  /** The built web app to serve at /; none in API tests. */
  webDir?: string;
  logger?: boolean;
  /** Password hashing (scrypt N=2^15 by default; tests pass a cheaper one). */
  hasher?: PasswordHasher;
  /** Sends notification e-mails; null (the default) sends nothing. */
  mailer?: Mailer | null;
  /** Where evidence files are stored (default: <repo>/data/evidence), unless evidenceStore is given. */
  evidenceDir?: string;
  /** Where evidence files are stored: a directory or an S3-compatible bucket (lib/evidence-store.ts). */
  evidenceStore?: EvidenceStore;
  /** Check for the daily job's run now and then (default true, every 10 minutes; tests turn it off). */
  scheduler?: boolean | { checkEveryMs?: number; firstCheckAfterMs?: number };
  secureCookies?: boolean | 'auto';
  /** Extra wait after a failed sign-in (default 300 ms). */
  loginFailureDelayMs?: number;
  /** Attempt counters (default: in the database, so they hold across instances). */
  rateLimiter?: RateLimiter;
  trustProxy?: boolean;
  /** Origins besides the server's own host from which browsers may write (RECTIFY_ORIGIN). */
  allowedOrigins?: string[];
  /** How many uploaded documents are parsed at once (default 2 running, 4 waiting). */
  importGate?: WorkGate;
  /** Prints the report's HTML to PDF (default: Debian's chromium, when installed). */
  printer?: PdfPrinter;
  /** The hot read routes' cache (lib/response-cache.ts): its bounds, or false for none (default: on, 1,000 answers, 32 MB, 5 s). */
  responseCache?: ResponseCacheOptions | false;
}

/**
 * Query strings and path parameters arrive as text, so their numbers and booleans are coerced
 * (`?page=2`); a JSON body says its types itself, so `{"text": 12}` where a string belongs is a
 * 400, not the string "12". Two validator pools, the same options otherwise.
 */
const ajvPool = AjvCompiler();
type ValidatorOptions = Parameters<typeof ajvPool>[1] & { customOptions?: Record<string, unknown> };
const bodiesUncoerced: typeof ajvPool = (externalSchemas, options) => {
  const coercing = ajvPool(externalSchemas, options);
  const given = (options ?? {}) as ValidatorOptions;
  const strict = ajvPool(externalSchemas, { ...given, customOptions: { ...given.customOptions, coerceTypes: false } } as ValidatorOptions);
  return (route) => (route.httpPart === 'body' ? strict(route) : coercing(route));
};

/** Builds the whole application; the server and the tests both call this. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: process.env.LOG_LEVEL ?? 'info', serializers: { req: requestSerializer } } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
    ajv: {
      customOptions: {
        // Unknown fields are refused, not silently dropped: a misspelt field must not look saved.
        removeAdditional: false,
        coerceTypes: 'array',
        allErrors: true,
      },
    },
    schemaController: { compilersFactory: { buildValidator: bodiesUncoerced } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Bodies are JSON or multipart only (part of the CSRF defence, see plugins/auth.ts): a
  // cross-site form can post text/plain without a preflight, so that parser goes.
  app.removeContentTypeParser('text/plain');
  await app.register(multipart, { limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 10, parts: 20 } });

  const clock = options.clock ?? systemClock;
  await app.register(database, { db: options.db, dialect: options.dialect, clock });
  await app.register(responseCache, { cache: options.responseCache ?? {} });
  await app.register(securityHeaders);
  await app.register(sameOrigin, { allowedOrigins: options.allowedOrigins });
  await app.register(auth, { secureCookies: options.secureCookies ?? 'auto' });
  await app.register(rateLimit, { limiter: options.rateLimiter });
  await app.register(openapi);
  await app.register(textInput);

  const webPage = await registerWebApp(app, options.webDir);
  await app.register(errors, {
    pageFallback: webPage ? (request, reply) => reply.type('text/html').sendFile(webPage(request.url.split('?')[0] ?? '/')) : undefined,
  });

  const notifier = createNotifier({ db: options.db, dialect: options.dialect, clock, mailer: options.mailer ?? null, log: app.log });
  app.decorate('notifier', notifier);
  app.decorate('importGate', options.importGate ?? createWorkGate({ concurrent: 2, queued: 4 }));
  /** The daily job, and pruning of attempt windows that have ended. */
  const dailyJob = async (day?: string) => {
    const result = await runDailyJob(notifier, app.sessions, day);
    await app.rateLimiter.prune();
    return result;
  };
  app.decorate('runDailyJob', () => dailyJob());
  const scheduling = typeof options.scheduler === 'object' ? options.scheduler : {};
  const dailyScheduler = createDailyScheduler({
    leases: createJobLeases(options.db),
    clock,
    log: app.log,
    job: (day) => dailyJob(day),
    ...scheduling,
  });
  app.decorate('dailyScheduler', dailyScheduler);

  const hasher = options.hasher ?? scryptHasher();
  const store = options.evidenceStore ?? createFileEvidenceStore(options.evidenceDir ?? join(defaultDataDir, 'evidence'));

  await app.register(healthRoutes);
  await app.register(authRoutes, {
    hasher,
    limiter: app.rateLimiter,
    failureDelayMs: options.loginFailureDelayMs ?? 300,
  });
  await app.register(userRoutes, { hasher });
  await app.register(roundRoutes);
  await app.register(hierarchyRoutes);
  await app.register(measureRoutes);
  await app.register(peopleRoutes);
  await app.register(taskRoutes);
  await app.register(progressRoutes);
  await app.register(evidenceRoutes, { store });
  await app.register(registerRoutes, { store });
  await app.register(closureRoutes);
  await app.register(postponementRoutes);
  await app.register(timelineRoutes);
  await app.register(supervisionRoutes);
  await app.register(reportSubmissionRoutes);
  await app.register(programmeRoutes);
  await app.register(followUpRoutes, { store });
  await app.register(auditRoutes);
  await app.register(notificationRoutes);
  await app.register(ledgerRoutes);
  await app.register(reportRoutes, { printer: options.printer });
  await app.register(dashboardPrintRoutes, { printer: options.printer });
  await app.register(importRoutes);
  await app.register(shareLinkRoutes, { printer: options.printer });
  await app.register(publicSupervisionRoutes, { printer: options.printer });

  if (options.scheduler ?? true) {
    let stop: (() => Promise<void>) | undefined;
    app.addHook('onReady', async () => {
      stop = dailyScheduler.start();
    });
    app.addHook('onClose', async () => {
      await stop?.();
    });
  }
  return app;
}
