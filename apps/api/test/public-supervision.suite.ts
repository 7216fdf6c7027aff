import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpinionPage, Programme, PublicPageSettings, PublicView, RoundSummary, SatisfactionRating } from '@rectify/domain';
import { startApi, type TestApi, type TestDatabase } from './harness.js';
import { json, otherUnit, type OtherUnit } from './fixtures.js';

type ErrorBody = { error: { code: string; details?: unknown } };

/**
 * 群众监督 (issue 8): a round's public page is off until the unit's office switches it on; anyone
 * with its address reads the published report and sends an opinion within the form's limits; the
 * opinions reach only that unit's inbox (and the 巡察办's); ratings are counted by the database.
 */
export function publicSupervisionSuite(label: string, makeDatabase: () => Promise<TestDatabase | null>) {
  describe(`public supervision on ${label}`, () => {
    let api: TestApi;
    let other: OtherUnit;
    let token: string;
    let address = 0;
    /** A new client address per call unless one is given: the per-address limit has its own test. */
    const send = (payload: unknown, options: { to?: string; from?: string; headers?: Record<string, string> } = {}) =>
      api.as(null, {
        method: 'POST',
        url: `/api/public/${options.to ?? token}/opinions`,
        payload: payload as object,
        headers: options.headers,
        remoteAddress: options.from ?? `10.3.${Math.floor(++address / 250)}.${(address % 250) + 1}`,
      });
    const settings = async (who = 'office', roundId = api.roundId) => json<PublicPageSettings>(await api.as(who, { method: 'GET', url: `/api/rounds/${roundId}/public-page` }));
    const opinionsOf = async (roundId: number) => api.db.publicOpinion.count({ where: { roundId } });

    beforeAll(async () => {
      const db = await makeDatabase();
      if (!db) return;
      api = await startApi(db);
      other = await otherUnit(api);
    });
    afterAll(async () => {
      await api?.close();
    });

    it('is off by default; the office switches it on (audited, versioned), and off again', async () => {
      const initial = await settings();
      expect(initial).toMatchObject({ roundId: api.roundId, enabled: false, token: null, path: null, version: 0 });
      expect(initial.ratings).toEqual({ satisfied: 0, basicallySatisfied: 0, dissatisfied: 0, opinions: 0 });

      // Leaders and officers may not switch it; nothing is created.
      for (const who of ['leader', 'officer', 'inspector', 'supervisor']) {
        const res = await api.as(who, { method: 'PATCH', url: `/api/rounds/${api.roundId}/public-page`, payload: { enabled: true, version: 0 } });
        expect({ who, status: res.statusCode }).toEqual({ who, status: 403 });
      }
      expect(await api.db.publicPage.count({ where: { roundId: api.roundId } })).toBe(0);

      const on = await api.as('office', { method: 'PATCH', url: `/api/rounds/${api.roundId}/public-page`, payload: { enabled: true, version: 0 } });
      expect(on.statusCode).toBe(200);
      const page = json<PublicPageSettings>(on);
      expect(page.enabled).toBe(true);
      expect(page.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(page.path).toBe(`/p/${page.token}`);
      token = page.token!;

      // A stale version changes nothing.
      const stale = await api.as('office', { method: 'PATCH', url: `/api/rounds/${api.roundId}/public-page`, payload: { enabled: false, version: 0 } });
      expect(stale.statusCode).toBe(409);
      expect((await settings()).enabled).toBe(true);

      const view = await api.as(null, { method: 'GET', url: `/api/public/${token}` });
      expect(view.statusCode).toBe(200);
      const body = json<PublicView>(view);
      expect(body.unitName).toBe('城中区文化体育广电和旅游局');
      expect(body.report.title.join('')).toContain('整改');
      expect(body.report.paragraphs.length).toBeGreaterThan(3);

      const off = await api.as('office', { method: 'PATCH', url: `/api/rounds/${api.roundId}/public-page`, payload: { enabled: false, version: page.version } });
      expect(json<PublicPageSettings>(off)).toMatchObject({ enabled: false, token, version: page.version + 1 });
      // Switched off: the page and its form answer as an unknown page, nothing is stored.
      const closed = await api.as(null, { method: 'GET', url: `/api/public/${token}` });
      expect(closed.statusCode).toBe(404);
      expect(json<ErrorBody>(closed).error.code).toBe('PUBLIC_PAGE_NOT_FOUND');
      expect((await send({ content: '页面已关闭时的意见' })).statusCode).toBe(404);
      expect(await opinionsOf(api.roundId)).toBe(0);
      const unknown = await api.as(null, { method: 'GET', url: `/api/public/${'x'.repeat(24)}` });
      expect(unknown.statusCode).toBe(404);
      expect(json<ErrorBody>(unknown).error.code).toBe('PUBLIC_PAGE_NOT_FOUND');

      // On again: the same address (printed QR codes keep working).
      const again = json<PublicPageSettings>(await api.as('office', { method: 'PATCH', url: `/api/rounds/${api.roundId}/public-page`, payload: { enabled: true, version: page.version + 1 } }));
      expect(again).toMatchObject({ enabled: true, token });

      const row = await api.db.publicPage.findUniqueOrThrow({ where: { roundId: api.roundId } });
      const audit = await api.db.auditLog.findMany({ where: { entity: 'public_page', entityId: row.id }, orderBy: { id: 'asc' } });
      expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
      expect(audit.every((a) => a.actorName === 'office')).toBe(true);
    });

    it('keeps the public form to its limits: 4xx in the one error shape, never 500, nothing stored', async () => {
      const before = await opinionsOf(api.roundId);
      const cases: [string, unknown, number, string, Record<string, string>?][] = [
        ['content too long', { content: '意'.repeat(2001) }, 400, 'VALIDATION_FAILED'],
        ['content missing', { name: '张三' }, 400, 'VALIDATION_FAILED'],
        ['content blank', { content: '   \n ' }, 400, 'VALIDATION_FAILED'],
        ['name too long', { content: '意见', name: '名'.repeat(51) }, 400, 'VALIDATION_FAILED'],
        ['phone with letters', { content: '意见', phone: 'call me' }, 400, 'VALIDATION_FAILED'],
        ['unknown rating', { content: '意见', rating: 'great' }, 400, 'VALIDATION_FAILED'],
        ['unknown field', { content: '意见', roundId: other.ids.round }, 400, 'VALIDATION_FAILED'],
        ['content of the wrong type', { content: 12 }, 400, 'VALIDATION_FAILED'],
        ['not JSON', 'content=意见', 415, 'UNSUPPORTED_MEDIA_TYPE', { 'content-type': 'text/plain' }],
        ['broken JSON', '{"content": ', 400, 'BAD_REQUEST', { 'content-type': 'application/json' }],
        ['body over the limit', { content: '意见', website: '', padding: 'x'.repeat(20_000) }, 413, 'PAYLOAD_TOO_LARGE'],
      ];
      for (const [what, payload, status, code, headers] of cases) {
        const res = await send(payload, { headers });
        expect({ what, status: res.statusCode }).toEqual({ what, status });
        expect({ what, code: json<ErrorBody>(res).error.code }).toEqual({ what, code });
      }
      const badToken = await send({ content: '意见' }, { to: 'short' });
      expect(badToken.statusCode).toBe(400);
      expect(await opinionsOf(api.roundId)).toBe(before);

      // At the limits exactly: accepted.
      const full = await send({ content: '意'.repeat(2000), name: '名'.repeat(50), phone: '+86 (0772) 123-4567', rating: 'basically_satisfied' });
      expect(full.statusCode).toBe(201);
      expect(json(full)).toEqual({ received: true });
      expect(await opinionsOf(api.roundId)).toBe(before + 1);
    });

    it('answers a filled honeypot like a success and stores nothing, notifies nobody', async () => {
      const before = { opinions: await opinionsOf(api.roundId), notifications: await api.db.notification.count({ where: { kind: 'public_opinion' } }), audit: await api.db.auditLog.count() };
      const res = await send({ content: '广告：优惠大促销', website: 'http://spam.example' });
      expect(res.statusCode).toBe(201);
      expect(json(res)).toEqual({ received: true });
      expect({ opinions: await opinionsOf(api.roundId), notifications: await api.db.notification.count({ where: { kind: 'public_opinion' } }), audit: await api.db.auditLog.count() }).toEqual(before);
    });

    it('limits submissions per address (429 with Retry-After, counted in the database), other addresses unaffected', async () => {
      const from = '192.0.2.77';
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await send({ content: `同一地址第${i + 1}条` }, { from })).statusCode);
      expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
      expect(statuses[20]).toBe(429);
      const refused = await send({ content: '还是同一地址' }, { from });
      expect(refused.statusCode).toBe(429);
      expect(json<ErrorBody>(refused).error.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(await api.db.rateCounter.count({ where: { key: { contains: from } } })).toBe(1);
      expect((await send({ content: '另一个地址' }, { from: '192.0.2.78' })).statusCode).toBe(201);
      // Reading the page (which builds the report) has its own, larger ceiling.
      const reads: number[] = [];
      for (let i = 0; i < 121; i++) reads.push((await api.as(null, { method: 'GET', url: `/api/public/${token}`, remoteAddress: '192.0.2.90' })).statusCode);
      expect(reads.slice(0, 120).every((s) => s === 200)).toBe(true);
      expect(reads[120]).toBe(429);
      expect((await api.as(null, { method: 'GET', url: `/api/public/${token}`, remoteAddress: '192.0.2.91' })).statusCode).toBe(200);
      // 144 requests, 122 of them building the public report: over 30 s on PostgreSQL while the
      // machine's two cores run the other suites (CI at b667bd1); a hang still fails.
    }, 120_000);

    it('lands in the unit’s inbox only: notified, listed, handled by its office (audited, versioned); another unit cannot read or handle it', async () => {
      const notified = await api.db.notification.count({ where: { kind: 'public_opinion' } });
      expect((await send({ content: '村口道路整改后仍有积水', name: '李四', phone: '13800000000', rating: 'dissatisfied' })).statusCode).toBe(201);
      const office = await api.db.user.findUniqueOrThrow({ where: { username: 'office' } });
      const otherOffice = await api.db.user.findUniqueOrThrow({ where: { username: other.office } });
      expect(await api.db.notification.count({ where: { kind: 'public_opinion' } })).toBeGreaterThan(notified);
      expect(await api.db.notification.count({ where: { kind: 'public_opinion', userId: office.id } })).toBeGreaterThan(0);
      // The other unit's office heard only of its own unit's opinion (made by the fixture).
      expect(await api.db.notification.count({ where: { kind: 'public_opinion', userId: otherOffice.id, text: { contains: '村口道路' } } })).toBe(0);

      const inbox = json<OpinionPage>(await api.as('office', { method: 'GET', url: '/api/opinions?status=new' }));
      const mine = inbox.items.find((o) => o.content === '村口道路整改后仍有积水')!;
      expect(mine).toMatchObject({ roundId: api.roundId, name: '李四', phone: '13800000000', rating: 'dissatisfied', status: 'new', note: null, handledBy: null });
      expect(inbox.items.every((o) => o.roundId === api.roundId)).toBe(true);
      expect(inbox.items.some((o) => o.id === other.ids.publicOpinion)).toBe(false);

      // The other unit: its inbox leaves ours out, our ids do not exist for it.
      const theirs = json<OpinionPage>(await api.as(other.office, { method: 'GET', url: '/api/opinions' }));
      expect(theirs.items.map((o) => o.id)).toEqual([other.ids.publicOpinion]);
      expect(theirs.total).toBe(1);
      expect((await api.as(other.office, { method: 'GET', url: `/api/opinions?roundId=${api.roundId}` })).statusCode).toBe(404);
      expect((await api.as(other.office, { method: 'GET', url: `/api/rounds/${api.roundId}/public-page` })).statusCode).toBe(404);
      const foreign = await api.as(other.office, { method: 'PATCH', url: `/api/opinions/${mine.id}`, payload: { version: mine.version, status: 'handled' } });
      expect(foreign.statusCode).toBe(404);
      expect(json<ErrorBody>(foreign).error.code).toBe('NOT_FOUND');
      expect((await api.as('office', { method: 'PATCH', url: `/api/opinions/${other.ids.publicOpinion}`, payload: { version: 0, status: 'handled' } })).statusCode).toBe(404);
      // Leaders and officers do not read opinions (names and phone numbers); the 巡察办 reads all but handles none.
      for (const who of ['leader', 'officer', 'inspector']) expect((await api.as(who, { method: 'GET', url: '/api/opinions' })).statusCode).toBe(403);
      const all = json<OpinionPage>(await api.as('supervisor', { method: 'GET', url: '/api/opinions?limit=200' }));
      expect(all.items.map((o) => o.id)).toEqual(expect.arrayContaining([mine.id, other.ids.publicOpinion]));
      expect((await api.as('supervisor', { method: 'PATCH', url: `/api/opinions/${mine.id}`, payload: { version: mine.version, status: 'handled' } })).statusCode).toBe(403);

      const handled = await api.as('office', { method: 'PATCH', url: `/api/opinions/${mine.id}`, payload: { version: mine.version, status: 'replied', note: '已电话回复，排水改造已列入计划' } });
      expect(handled.statusCode).toBe(200);
      expect(json(handled)).toMatchObject({ status: 'replied', note: '已电话回复，排水改造已列入计划', version: mine.version + 1, handledBy: { username: 'office' } });
      expect((await api.as('office', { method: 'PATCH', url: `/api/opinions/${mine.id}`, payload: { version: mine.version, status: 'handled' } })).statusCode).toBe(409);
      const audit = await api.db.auditLog.findMany({ where: { entity: 'public_opinion', entityId: mine.id }, orderBy: { id: 'asc' } });
      expect(audit.map((a) => [a.action, a.actorName])).toEqual([['create', 'public'], ['update', 'office']]);
      // The sender's name and phone stay out of the audit log.
      expect(audit.some((a) => a.changes.includes('13800000000') || a.changes.includes('李四'))).toBe(false);
      // The office's audit view shows its unit's opinion rows; the other unit's do not reach it.
      const auditPage = json<{ items: { entity: string; entityId: number }[] }>(await api.as('office', { method: 'GET', url: '/api/audit?entity=public_opinion&limit=200' }));
      expect(auditPage.items.some((e) => e.entityId === mine.id)).toBe(true);
      expect(auditPage.items.some((e) => e.entityId === other.ids.publicOpinion)).toBe(false);
    });

    it('pages the inbox by keyset: every opinion once, a foreign cursor refused', async () => {
      const total = await opinionsOf(api.roundId);
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/opinions?roundId=${api.roundId}&limit=7${cursor ? `&cursor=${cursor}` : ''}`;
        const page: OpinionPage = json<OpinionPage>(await api.as('office', { method: 'GET', url }));
        expect(page.total).toBe(total);
        seen.push(...page.items.map((o) => o.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      expect([...seen].sort((a, b) => b - a)).toEqual(seen);
      const bad = await api.as('office', { method: 'GET', url: '/api/opinions?cursor=bm90LWEtY3Vyc29y' });
      expect(bad.statusCode).toBe(400);
      expect(json<ErrorBody>(bad).error.code).toBe('INVALID_CURSOR');
    });

    it('counts the ratings per round on the dashboard and in the programme view, as a hand count', async () => {
      const given: (SatisfactionRating | null)[] = ['satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', null, 'satisfied'];
      for (const rating of given) expect((await send({ content: `评价${rating ?? '无'}`, rating })).statusCode).toBe(201);
      const rows = await api.db.publicOpinion.findMany({ where: { roundId: api.roundId }, select: { rating: true } });
      const hand = {
        satisfied: rows.filter((r) => r.rating === 'satisfied').length,
        basicallySatisfied: rows.filter((r) => r.rating === 'basically_satisfied').length,
        dissatisfied: rows.filter((r) => r.rating === 'dissatisfied').length,
        opinions: rows.length,
      };
      expect(hand.satisfied).toBeGreaterThanOrEqual(3);
      const summary = json<RoundSummary>(await api.as('leader', { method: 'GET', url: `/api/rounds/${api.roundId}/summary` }));
      expect(summary.ratings).toEqual(hand);
      expect((await settings()).ratings).toEqual(hand);
      const programme = json<Programme>(await api.as('supervisor', { method: 'GET', url: '/api/programme' }));
      expect(programme.rows.find((r) => r.roundId === api.roundId)!.ratings).toEqual(hand);
      // The other unit's one rated opinion, counted on its own row only.
      expect(programme.rows.find((r) => r.roundId === other.ids.round)!.ratings).toEqual({ satisfied: 0, basicallySatisfied: 0, dissatisfied: 1, opinions: 1 });
      // A round without opinions: zeros, and measures still counted once (no join fan-out).
      const measures = await api.db.measure.count({ where: { roundId: api.roundId } });
      expect(programme.rows.find((r) => r.roundId === api.roundId)!.measures).toBe(measures);
      const xlsx = await api.as('supervisor', { method: 'GET', url: '/api/programme.xlsx' });
      expect(xlsx.statusCode).toBe(200);
      const { default: ExcelJS } = await import('exceljs');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      const header = (sheet.getRow(3).values as unknown[]).slice(1);
      const row = sheet.getRows(4, sheet.rowCount - 3)!.find((r) => r.getCell(3).value === programme.rows.find((x) => x.roundId === api.roundId)!.title)!;
      expect(row).toBeDefined();
      expect(row.getCell(header.indexOf('满意') + 1).value).toBe(hand.satisfied);
      expect(row.getCell(header.indexOf('不满意') + 1).value).toBe(hand.dissatisfied);
      expect(row.getCell(header.indexOf('群众意见') + 1).value).toBe(hand.opinions);
    });
  });
}
