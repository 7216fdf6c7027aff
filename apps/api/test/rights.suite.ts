import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { ACCESS_LEVELS, mayAttempt, ROLES, type Role } from '@rectify/domain';
import type { ScopedEntity } from '../src/lib/scope.js';
import database from '../src/plugins/database.js';
import auth from '../src/plugins/auth.js';
import errors from '../src/plugins/errors.js';
import { fixedClock } from '../src/lib/clock.js';
import { DEMO_PASSWORD } from '../src/modules/auth/demo-accounts.js';
import { startApi, sessionCookie, type TestApi, type TestDatabase } from './harness.js';
import { builders, files, fingerprint, json, multipart, otherUnit, publicToken, world, type OtherUnit, type World } from './fixtures.js';

type Actor = Role | null;
type Allow = 'public' | 'authenticated' | readonly Role[];

interface Request {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** The client's address (public forms count per address). */
  remoteAddress?: string;
}

interface Case {
  allow: Allow;
  /** Builds what the request needs; called once for the refused attempts and once per allowed one. */
  prepare(actor: Actor): Promise<Request>;
  /**
   * Routes of other modules whose bodies this matrix does not build (documents): an allowed
   * actor must get past the gate (not 401/403); what follows is their own suite's business.
   */
  gateOnly?: boolean;
}

const OFFICE: readonly Role[] = ['admin', 'office'];
/** The measures the matrix writes to are led by the leader account and belong to the officer's department. */
const OWNERS: readonly Role[] = ['admin', 'office', 'leader', 'officer'];
const DECIDERS: readonly Role[] = ['admin', 'office', 'leader'];
/** The 巡察办 decides the reports units submit. */
const REVIEWERS: readonly Role[] = ['admin', 'supervisor'];
const ACTORS: readonly Actor[] = [null, ...ROLES];

const allowed = (allow: Allow, actor: Actor) =>
  allow === 'public' ? true : actor === null ? false : allow === 'authenticated' ? true : allow.includes(actor);

/**
 * Rights, enforced on the server. Every write route of the API × every role and no account:
 * 401 without one, 403 for a role the policy refuses (and nothing changed), 2xx for one it allows.
 */
export function rightsSuite(label: string, makeDatabase: () => Promise<TestDatabase | null>) {
  describe(`rights on ${label}`, () => {
    let api: TestApi;
    let w: World;
    let b: ReturnType<typeof builders>;
    let other: OtherUnit;

    beforeAll(async () => {
      const db = await makeDatabase();
      if (!db) return;
      api = await startApi(db);
      w = await world(api);
      b = builders(api, w);
      other = await otherUnit(api);
    });
    afterAll(async () => {
      await api?.close();
    });

    /** A round of the own unit whose report waits for the 巡察办. */
    const submitted = async () => {
      const round = await b.round();
      const res = await api.as('admin', { method: 'POST', url: `/api/rounds/${round.id}/report-submissions`, payload: {} });
      return json<{ submissions: { id: number; version: number }[] }>(res).submissions[0]!;
    };
    /** The reviewer a 回头看 prepared for `actor` names: their own person when they are a leader or an officer. */
    const reviewerFor = (actor: Actor) => (actor === 'officer' ? w.officerPersonId : w.leaderPersonId);
    const cases = (): Record<string, Case> => ({
      'POST /api/auth/login': { allow: 'public', prepare: async () => ({ url: '/api/auth/login', payload: { username: 'inspector', password: DEMO_PASSWORD } }) },
      'POST /api/auth/logout': {
        allow: 'public',
        // A session of its own, so the matrix's cookies stay valid.
        prepare: async (actor) => ({
          url: '/api/auth/logout',
          headers: actor ? sessionCookie(await api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: actor, password: DEMO_PASSWORD } })) : {},
        }),
      },
      'POST /api/auth/password': { allow: 'authenticated', prepare: async () => ({ url: '/api/auth/password', payload: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD } }) },
      'POST /api/users': { allow: ['admin'], prepare: async () => ({ url: '/api/users', payload: { username: b.unique('u'), password: 'password-1234', role: 'officer' } }) },
      'PATCH /api/users/:id': { allow: ['admin'], prepare: async () => { const u = await b.user(); return { url: `/api/users/${u.id}`, payload: { version: u.version, email: 'someone@example.com' } }; } },
      'POST /api/users/:id/password': { allow: ['admin'], prepare: async () => ({ url: `/api/users/${(await b.user()).id}/password`, payload: { newPassword: 'another-password' } }) },

      'POST /api/organizations': { allow: ['admin'], prepare: async () => ({ url: '/api/organizations', payload: { name: b.unique('城中区测试局'), unitType: 'bureau' } }) },
      'PATCH /api/organizations/:id': {
        allow: ['admin'],
        prepare: async () => {
          const o = json<{ id: number; version: number }>(await api.as('admin', { method: 'POST', url: '/api/organizations', payload: { name: b.unique('城中区测试局') } }));
          return { url: `/api/organizations/${o.id}`, payload: { version: o.version, unitType: 'town' } };
        },
      },
      'POST /api/rounds/:id/report-submissions': { allow: OFFICE, prepare: async () => ({ url: `/api/rounds/${(await b.round()).id}/report-submissions`, payload: { note: '报送' } }) },
      'POST /api/report-submissions/:id/accept': { allow: REVIEWERS, prepare: async () => { const s = await submitted(); return { url: `/api/report-submissions/${s.id}/accept`, payload: { version: s.version } }; } },
      'POST /api/report-submissions/:id/return': { allow: REVIEWERS, prepare: async () => { const s = await submitted(); return { url: `/api/report-submissions/${s.id}/return`, payload: { version: s.version, comment: '请补充佐证' } }; } },
      'POST /api/rounds': { allow: OFFICE, prepare: async () => ({ url: '/api/rounds', payload: { committee: '委员会', roundName: '第五轮', groupName: '第二巡察组', inspectedUnitId: w.organizationId } }) },
      'PATCH /api/rounds/:id': { allow: OFFICE, prepare: async () => { const r = await b.round(); return { url: `/api/rounds/${r.id}`, payload: { version: r.version, groupName: '第三巡察组' } }; } },
      'POST /api/categories': { allow: OFFICE, prepare: async () => ({ url: '/api/categories', payload: { roundId: api.roundId, title: b.unique('方面') } }) },
      'PATCH /api/categories/:id': { allow: OFFICE, prepare: async () => { const c = await b.category(); return { url: `/api/categories/${c.id}`, payload: { version: c.version, title: '改名' } }; } },
      'DELETE /api/categories/:id': { allow: OFFICE, prepare: async () => ({ url: `/api/categories/${(await b.category()).id}` }) },
      'POST /api/problems': { allow: OFFICE, prepare: async () => ({ url: '/api/problems', payload: { categoryId: (await b.category()).id, title: '问题' } }) },
      'PATCH /api/problems/:id': { allow: OFFICE, prepare: async () => { const p = await b.problem(); return { url: `/api/problems/${p.id}`, payload: { version: p.version, title: '改名' } }; } },
      'DELETE /api/problems/:id': { allow: OFFICE, prepare: async () => ({ url: `/api/problems/${(await b.problem()).id}` }) },
      'POST /api/manifestations': { allow: OFFICE, prepare: async () => ({ url: '/api/manifestations', payload: { problemId: w.problemId, text: '表现' } }) },
      'PATCH /api/manifestations/:id': { allow: OFFICE, prepare: async () => { const m = await b.manifestation(); return { url: `/api/manifestations/${m.id}`, payload: { version: m.version, text: '改写' } }; } },
      'DELETE /api/manifestations/:id': { allow: OFFICE, prepare: async () => ({ url: `/api/manifestations/${(await b.manifestation()).id}` }) },
      'POST /api/departments': { allow: OFFICE, prepare: async () => ({ url: '/api/departments', payload: { organizationId: w.organizationId, name: b.unique('股') } }) },
      'PATCH /api/departments/:id': { allow: OFFICE, prepare: async () => { const d = await b.department(); return { url: `/api/departments/${d.id}`, payload: { version: d.version, name: b.unique('股') } }; } },
      'DELETE /api/departments/:id': { allow: OFFICE, prepare: async () => ({ url: `/api/departments/${(await b.department()).id}` }) },
      'POST /api/people': { allow: OFFICE, prepare: async () => ({ url: '/api/people', payload: { organizationId: w.organizationId, name: '新人' } }) },
      'PATCH /api/people/:id': { allow: OFFICE, prepare: async () => { const p = await b.person(); return { url: `/api/people/${p.id}`, payload: { version: p.version, title: '科员' } }; } },
      'DELETE /api/people/:id': { allow: OFFICE, prepare: async () => ({ url: `/api/people/${(await b.person()).id}` }) },

      'POST /api/measures': { allow: OFFICE, prepare: async () => ({ url: '/api/measures', payload: { problemId: w.problemId, text: '新措施' } }) },
      'PATCH /api/measures/:id': { allow: OWNERS, prepare: async () => { const m = await b.measure(); return { url: `/api/measures/${m.id}`, payload: { version: m.version, progress: 40, outcome: '已完成部分' } }; } },
      // Leaders may plan (leader, departments, kind) the measures they lead; officers may not plan at all; deadlines move by 延期.
      'POST /api/measures/bulk': { allow: DECIDERS, prepare: async () => { const m = await b.measure(); return { url: '/api/measures/bulk', payload: { measures: [{ id: m.id, version: m.version }], set: { kind: 'immediate' } } }; } },
      'DELETE /api/measures/:id': { allow: OFFICE, prepare: async () => ({ url: `/api/measures/${(await b.measure()).id}` }) },
      'POST /api/measures/:id/updates': { allow: OWNERS, prepare: async () => ({ url: `/api/measures/${(await b.measure()).id}/updates`, payload: { date: '2023-08-10', text: '已推进', percent: 30 } }) },
      'POST /api/measures/:id/evidence': { allow: OWNERS, prepare: async () => ({ url: `/api/measures/${(await b.measure()).id}/evidence`, ...multipart('照片.png', files.png()) }) },
      'POST /api/measures/:id/closure': { allow: OWNERS, prepare: async () => { const m = await b.measure(); await b.evidence(m.id); return { url: `/api/measures/${m.id}/closure`, payload: { summary: '已完成' } }; } },
      'POST /api/closures/:id/approve': { allow: DECIDERS, prepare: async () => ({ url: `/api/closures/${(await b.pending()).closure.id}/approve`, payload: {} }) },
      'POST /api/closures/:id/reject': { allow: DECIDERS, prepare: async () => ({ url: `/api/closures/${(await b.pending()).closure.id}/reject`, payload: { reason: '佐证不足' } }) },
      'POST /api/measures/:id/postponements': { allow: OWNERS, prepare: async () => ({ url: `/api/measures/${(await b.measure()).id}/postponements`, payload: { requestedDeadline: '2023-12-31', reason: '需协调第三方' } }) },
      'POST /api/postponements/:id/approve': { allow: OFFICE, prepare: async () => ({ url: `/api/postponements/${(await b.postponement()).postponement.id}/approve`, payload: {} }) },
      'POST /api/postponements/:id/refuse': { allow: OFFICE, prepare: async () => ({ url: `/api/postponements/${(await b.postponement()).postponement.id}/refuse`, payload: { reason: '理由不充分' } }) },
      'POST /api/rounds/:id/supervision-notices': { allow: OFFICE, prepare: async () => ({ url: `/api/rounds/${api.roundId}/supervision-notices`, payload: { measureIds: [(await b.measure()).id] } }) },
      'POST /api/rounds/:id/follow-ups': {
        allow: OFFICE,
        prepare: async () => ({ url: `/api/rounds/${api.roundId}/follow-ups`, payload: { scheduledOn: '2023-12-01', reviewerId: w.leaderPersonId, scope: 'measures', measureIds: [(await b.closed()).id] } }),
      },
      // A leader or an officer records a 回头看 they are the reviewer of (each is named on the one prepared for them).
      'POST /api/follow-up-items/:id/result': {
        allow: OWNERS,
        prepare: async (actor) => ({ url: `/api/follow-up-items/${(await b.followUp(reviewerFor(actor))).item.id}/result`, payload: { result: 'held', note: '整改成果巩固' } }),
      },
      'POST /api/follow-up-items/:id/evidence': {
        allow: OWNERS,
        prepare: async (actor) => ({ url: `/api/follow-up-items/${(await b.followUp(reviewerFor(actor))).item.id}/evidence`, ...multipart('回头看.pdf', files.pdf()) }),
      },
      // Editing, deleting a review and correcting a result: the unit's office (and admin) only; the reviewer records, never corrects.
      'PATCH /api/follow-ups/:id': {
        allow: OFFICE,
        prepare: async () => { const r = await b.followUp(); return { url: `/api/follow-ups/${r.review.id}`, payload: { version: r.review.version, scheduledOn: '2023-12-15', note: '改期' } }; },
      },
      'DELETE /api/follow-ups/:id': { allow: OFFICE, prepare: async () => { const r = await b.followUp(); return { url: `/api/follow-ups/${r.review.id}?version=${r.review.version}` }; } },
      'PATCH /api/follow-up-items/:id': {
        allow: OFFICE,
        prepare: async () => {
          const r = await b.followUp();
          const recorded = json<{ version: number }>(await api.request({ method: 'POST', url: `/api/follow-up-items/${r.item.id}/result`, payload: { result: 'held' } }));
          return { url: `/api/follow-up-items/${r.item.id}`, payload: { result: 'held', note: '更正：补充检查情况', version: recorded.version } };
        },
      },
      'POST /api/measures/:id/reopen': { allow: OFFICE, prepare: async () => ({ url: `/api/measures/${(await b.closed()).id}/reopen`, payload: { reason: '回头看发现反弹' } }) },

      'POST /api/rounds/:id/regulations': { allow: OFFICE, prepare: async () => ({ url: `/api/rounds/${api.roundId}/regulations`, payload: { title: b.unique('《制度》'), documentNumber: '文发〔2023〕3号', issuedDate: '2023-05-01', measureIds: [(await b.measure()).id] } }) },
      'PATCH /api/regulations/:id': { allow: OFFICE, prepare: async () => { const r = await b.regulation(); return { url: `/api/regulations/${r.id}`, payload: { version: r.version, issuingUnit: '局办公室', measureIds: [] } }; } },
      'DELETE /api/regulations/:id': { allow: OFFICE, prepare: async () => ({ url: `/api/regulations/${(await b.regulation()).id}` }) },
      'POST /api/regulations/:id/file': { allow: OFFICE, prepare: async () => { const r = await b.regulation(); return { url: `/api/regulations/${r.id}/file?version=${r.version}`, ...multipart('新制度.pdf', files.pdf()) }; } },
      'POST /api/rounds/:id/meetings': { allow: OFFICE, prepare: async () => ({ url: `/api/rounds/${api.roundId}/meetings`, payload: { type: 'democratic_life', date: '2023-06-01', topic: '巡察整改专题民主生活会', attendees: '班子成员' } }) },
      'PATCH /api/meetings/:id': { allow: OFFICE, prepare: async () => { const m = await b.meeting(); return { url: `/api/meetings/${m.id}`, payload: { version: m.version, type: 'party_group' } }; } },
      'DELETE /api/meetings/:id': { allow: OFFICE, prepare: async () => ({ url: `/api/meetings/${(await b.meeting()).id}` }) },
      'POST /api/meetings/:id/file': { allow: OFFICE, prepare: async () => { const m = await b.meeting(); return { url: `/api/meetings/${m.id}/file?version=${m.version}`, ...multipart('纪要.pdf', files.pdf()) }; } },
      // 群众监督: the office switches the page and handles opinions; anyone sends one (the token is the address).
      'PATCH /api/rounds/:id/public-page': { allow: OFFICE, prepare: async () => ({ url: `/api/rounds/${(await b.round()).id}/public-page`, payload: { enabled: true, version: 0 } }) },
      'PATCH /api/opinions/:id': { allow: OFFICE, prepare: async () => { const o = await b.opinion(); return { url: `/api/opinions/${o.id}`, payload: { version: o.version, status: 'handled', note: '已转交' } }; } },
      'POST /api/public/:token/opinions': {
        allow: 'public',
        prepare: async () => ({ url: `/api/public/${await publicToken(api, api.roundId)}/opinions`, payload: { content: b.unique('意见'), rating: 'satisfied' }, remoteAddress: `10.2.0.${ACTORS.length + Math.floor(Math.random() * 200)}` }),
      },

      'POST /api/rounds/:id/leading-group': { allow: OFFICE, prepare: async () => ({ url: `/api/rounds/${api.roundId}/leading-group`, payload: { personId: (await b.person()).id, role: 'deputy' } }) },
      'PATCH /api/leading-group/:id': { allow: OFFICE, prepare: async () => { const g = await b.leadingGroupMember(); return { url: `/api/leading-group/${g.id}`, payload: { version: g.version, role: 'office' } }; } },
      'DELETE /api/leading-group/:id': { allow: OFFICE, prepare: async () => ({ url: `/api/leading-group/${(await b.leadingGroupMember()).id}` }) },

      'POST /api/notifications/:id/read': {
        allow: 'authenticated',
        prepare: async (actor) => ({ url: `/api/notifications/${(await b.notification(w.userIds[actor ?? 'admin']!)).id}/read` }),
      },
      'POST /api/notifications/read-all': { allow: 'authenticated', prepare: async () => ({ url: '/api/notifications/read-all' }) },

      // Documents (ledger, report, import): their own suite tests the bodies.
      'POST /api/rounds/:id/ledger/import/preview': { allow: OFFICE, gateOnly: true, prepare: async () => ({ url: `/api/rounds/${api.roundId}/ledger/import/preview`, payload: files.xlsx(), headers: { 'content-type': 'application/octet-stream' } }) },
      'POST /api/rounds/:id/ledger/import': { allow: OFFICE, gateOnly: true, prepare: async () => ({ url: `/api/rounds/${api.roundId}/ledger/import`, payload: files.xlsx(), headers: { 'content-type': 'application/octet-stream' } }) },
      'PATCH /api/rounds/:id/report-texts': { allow: OFFICE, gateOnly: true, prepare: async () => ({ url: `/api/rounds/${(await b.round()).id}/report-texts`, payload: {} }) },
      'POST /api/import/text/preview': { allow: OFFICE, gateOnly: true, prepare: async () => ({ url: '/api/import/text/preview', payload: { text: '（一）测试方面' } }) },
      'POST /api/import/document/preview': { allow: OFFICE, gateOnly: true, prepare: async () => ({ url: '/api/import/document/preview?fileName=a.txt', payload: Buffer.from('（一）测试方面'), headers: { 'content-type': 'application/octet-stream' } }) },
      'POST /api/import/text': { allow: OFFICE, gateOnly: true, prepare: async () => ({ url: '/api/import/text', payload: {} }) },
      'POST /api/rounds/:id/share-links': { allow: OFFICE, prepare: async () => ({ url: `/api/rounds/${api.roundId}/share-links`, payload: { label: '巡察组', expiresOn: '2023-09-30' } }) },
      'POST /api/share-links/:id/revoke': {
        allow: OFFICE,
        prepare: async () => {
          const link = await api.request({ method: 'POST', url: `/api/rounds/${api.roundId}/share-links`, payload: { label: '巡察组', expiresOn: '2023-09-30' } });
          return { url: `/api/share-links/${json<{ id: number }>(link).id}/revoke` };
        },
      },
    });

    const apiRoutes = () => api.app.routeAccess.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD');

    it('has an access declaration on every /api route', () => {
      const routes = apiRoutes();
      expect(routes.length).toBeGreaterThan(50);
      const undeclared = routes.filter((r) => !r.access || !ACCESS_LEVELS.includes(r.access)).map((r) => `${r.method} ${r.url}`);
      expect(undeclared).toEqual([]);
      const open = routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`).sort();
      // Share links: the token in the path is the authorisation (modules/share-links).
      const shared = open.filter((r) => r.startsWith('GET /api/share/:token'));
      expect(shared.length).toBeGreaterThan(0);
      // 群众监督: the public page and its form (the token in the path finds the round; config.rateLimit on the form).
      expect(open.filter((r) => !shared.includes(r))).toEqual(['GET /api/health', 'GET /api/openapi.json', 'GET /api/public/:token', 'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/public/:token/opinions']);
      expect(apiRoutes().find((r) => r.method === 'POST' && r.url === '/api/public/:token/opinions')).toBeDefined();
    });

    it('has a scope declaration on every route that needs an account (lib/scope.ts)', () => {
      const unscoped = apiRoutes().filter((r) => r.access !== 'public' && !r.scope).map((r) => `${r.method} ${r.url}`);
      expect(unscoped).toEqual([]);
      // A path id is always checked against the scope.
      const unchecked = apiRoutes().filter((r) => r.access !== 'public' && r.access !== 'users.manage' && r.access !== 'units.manage' && r.url.includes(':id') && !r.scope?.params?.id && !r.scope?.self).map((r) => `${r.method} ${r.url}`);
      expect(unchecked).toEqual([]);
    });

    it('refuses a route without a declaration (fails closed)', async () => {
      const app = Fastify();
      await app.register(database, { db: api.db, dialect: api.dialect, clock: fixedClock('2023-08-18') });
      await app.register(auth, {});
      await app.register(errors, {});
      app.get('/api/forgotten', async () => ({ secret: true }));
      const cookie = await api.login('admin');
      expect((await app.inject({ method: 'GET', url: '/api/forgotten' })).statusCode).toBe(401);
      const res = await app.inject({ method: 'GET', url: '/api/forgotten', headers: cookie });
      expect(res.statusCode).toBe(403);
      expect(json<{ error: { code: string } }>(res).error.code).toBe('FORBIDDEN');
      await app.close();
    });

    it('asks for an account on every read route', async () => {
      for (const r of apiRoutes().filter((x) => x.method === 'GET' && x.access !== 'public')) {
        const res = await api.as(null, { method: 'GET', url: r.url.replace(/:id/g, String(api.roundId)) });
        expect({ route: r.url, status: res.statusCode }).toEqual({ route: r.url, status: 401 });
        expect(json<{ error: { code: string; message: string } }>(res).error).toMatchObject({ code: 'UNAUTHORIZED', message: '请先登录' });
      }
    });

    it('walks every write route × every role: 401 / 403 with nothing changed / 2xx', async () => {
      const table = cases();
      const writes = apiRoutes().filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method)).map((r) => `${r.method} ${r.url}`);
      // A new write route must be added to the matrix.
      expect(writes.filter((k) => !table[k])).toEqual([]);
      expect(Object.keys(table).filter((k) => !writes.includes(k))).toEqual([]);

      const failures: string[] = [];
      for (const key of writes) {
        const c = table[key]!;
        const method = key.split(' ')[0] as 'POST' | 'PATCH' | 'DELETE';
        const refused = ACTORS.filter((a) => !allowed(c.allow, a));
        if (refused.length) {
          // One target for all refused attempts: none of them may change anything.
          const req = await c.prepare(refused[0]!);
          const before = await fingerprint(api);
          for (const actor of refused) {
            const res = await api.as(actor, { method, url: req.url, payload: req.payload as object, headers: req.headers, remoteAddress: req.remoteAddress });
            const expected = actor === null ? 401 : 403;
            if (res.statusCode !== expected) failures.push(`${key} as ${actor ?? 'anonymous'}: ${res.statusCode} (expected ${expected}) ${res.body.slice(0, 200)}`);
          }
          const after = await fingerprint(api);
          if (JSON.stringify(after) !== JSON.stringify(before)) failures.push(`${key}: refused requests changed data: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
        }
        for (const actor of ACTORS.filter((a) => allowed(c.allow, a))) {
          const req = await c.prepare(actor);
          const res = await api.as(actor, { method, url: req.url, payload: req.payload as object, headers: req.headers, remoteAddress: req.remoteAddress });
          const ok = c.gateOnly ? ![401, 403].includes(res.statusCode) && res.statusCode < 500 : res.statusCode >= 200 && res.statusCode < 300;
          if (!ok) failures.push(`${key} as ${actor ?? 'anonymous'}: ${res.statusCode} (expected ${c.gateOnly ? 'past the gate' : '2xx'}) ${res.body.slice(0, 200)}`);
        }
      }
      expect(failures).toEqual([]);
    }, 120_000);

    it('walks every route naming an id × every role: another unit\'s rows answer 404 (not 403), nothing changes; the 巡察办 reads them', async () => {
      const table = cases();
      const failures: string[] = [];
      const unitRoles: Role[] = ['office', 'leader', 'officer', 'inspector'];
      const routes = apiRoutes().filter((r) => r.scope?.params?.id && r.access && r.access !== 'public');
      expect(routes.length).toBeGreaterThan(40);
      const before = await fingerprint(api);
      for (const r of routes) {
        const entity = r.scope!.params!.id as ScopedEntity;
        const id = other.ids[entity];
        if (id === undefined) {
          failures.push(`${r.method} ${r.url}: no other-unit ${entity} to try`);
          continue;
        }
        const url = r.url.replace(':id', String(id));
        const key = `${r.method} ${r.url}`;
        const write = r.method !== 'GET';
        for (const role of unitRoles) {
          const req = write ? await table[key]!.prepare(role) : { url, payload: undefined, headers: undefined };
          const res = await api.as(role, { method: r.method as 'GET', url, payload: req.payload as object, headers: req.headers });
          const expected = mayAttempt(role, r.access) ? 404 : 403;
          if (res.statusCode !== expected) failures.push(`${key} as ${role} on another unit's ${entity}: ${res.statusCode} (expected ${expected}) ${res.body.slice(0, 160)}`);
        }
        if (!write) {
          const res = await api.as('supervisor', { method: 'GET', url });
          const expected = mayAttempt('supervisor', r.access) ? 200 : 403;
          if (res.statusCode !== expected) failures.push(`${key} as supervisor: ${res.statusCode} (expected ${expected}) ${res.body.slice(0, 160)}`);
        }
      }
      expect(failures).toEqual([]);
      // The other unit's rows are untouched (the writes above prepared rows of the own unit only).
      const after = await fingerprint(api);
      expect(after.versions[0]).toBeGreaterThanOrEqual(before.versions[0] ?? 0);
      expect(await api.db.measure.findUniqueOrThrow({ where: { id: other.ids.measure! } })).toMatchObject({ version: other.measureVersion });
      expect(await api.db.inspectionRound.findUniqueOrThrow({ where: { id: other.ids.round! } })).toMatchObject({ version: 0 });
    }, 180_000);

    it('lets officers and leaders write only the measures they answer for', async () => {
      // Led by nobody of ours, in another department.
      const foreign = await b.measure({ leaderId: null, leadDepartmentId: w.otherDepartmentId });
      // The officer's department, led by someone else: the officer answers for it, the leader does not.
      const departmental = await b.measure({ leaderId: null });
      const before = await fingerprint(api);
      const tries: [Role, string, string, unknown][] = [
        ['officer', 'PATCH', `/api/measures/${foreign.id}`, { version: foreign.version, progress: 10 }],
        ['officer', 'POST', `/api/measures/${foreign.id}/updates`, { date: '2023-08-01', text: 'x', percent: 10 }],
        ['officer', 'POST', `/api/measures/${foreign.id}/closure`, { summary: 'x' }],
        ['leader', 'PATCH', `/api/measures/${departmental.id}`, { version: departmental.version, progress: 10 }],
        ['leader', 'POST', `/api/measures/${departmental.id}/updates`, { date: '2023-08-01', text: 'x', percent: 10 }],
        // Fields beyond their role: an officer may not move the deadline or close by PATCH; a leader may not set the status.
        ['officer', 'PATCH', `/api/measures/${departmental.id}`, { version: departmental.version, deadline: '2024-01-01' }],
        ['officer', 'POST', `/api/measures/${foreign.id}/postponements`, { requestedDeadline: '2024-01-01', reason: 'x' }],
        ['leader', 'POST', `/api/measures/${departmental.id}/postponements`, { requestedDeadline: '2024-01-01', reason: 'x' }],
        ['officer', 'PATCH', `/api/measures/${departmental.id}`, { version: departmental.version, status: 'closed' }],
      ];
      for (const [role, method, url, payload] of tries) {
        const res = await api.as(role, { method: method as 'POST', url, payload: payload as object });
        expect({ role, url, status: res.statusCode }).toEqual({ role, url, status: 403 });
      }
      const evidence = await api.as('officer', { method: 'POST', url: `/api/measures/${foreign.id}/evidence`, ...multipart('a.pdf', files.pdf()) });
      expect(evidence.statusCode).toBe(403);
      expect(await fingerprint(api)).toEqual(before);

      const fieldRefusal = await api.as('officer', { method: 'PATCH', url: `/api/measures/${departmental.id}`, payload: { version: departmental.version, deadline: '2024-01-01' } });
      expect(json<{ error: { details: { fields: string[] } } }>(fieldRefusal).error.details.fields).toEqual(['deadline']);
      expect((await api.as('officer', { method: 'PATCH', url: `/api/measures/${departmental.id}`, payload: { version: departmental.version, progress: 20 } })).statusCode).toBe(200);

      // A leader decides only the closures of the measures they lead.
      const m = await b.measure({ leaderId: null });
      await b.evidence(m.id);
      const closure = json<{ id: number }>(await api.as('officer', { method: 'POST', url: `/api/measures/${m.id}/closure`, payload: { summary: '完成' } }));
      expect((await api.as('leader', { method: 'POST', url: `/api/closures/${closure.id}/approve`, payload: {} })).statusCode).toBe(403);
      expect((await api.as('officer', { method: 'POST', url: `/api/closures/${closure.id}/approve`, payload: {} })).statusCode).toBe(403);
    });
  });
}
