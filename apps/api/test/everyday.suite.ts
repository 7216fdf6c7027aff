import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, Department, MeasureBulkResult, MeasureDetail, Person, PersonPage, RoundTree } from '@rectify/domain';
import type { PdfPrinter } from '../src/lib/pdf.js';
import { startApi, type TestApi, type TestDatabase } from './harness.js';
import { builders, files, json, multipart, world, type World } from './fixtures.js';

/** Records what it was asked to print instead of starting chromium. */
function recordingPrinter(): PdfPrinter & { printed: string[] } {
  const printed: string[] = [];
  return { printed, available: () => true, print: async (html) => (printed.push(html), Buffer.from('%PDF-1.4 test')) };
}

/**
 * Everyday use: staffing a unit (people, departments, heads, deactivation), 批量设置 on many
 * measures, the round's deadline as a new measure's default, evidence sent with a progress update
 * and shown in the page, a history in names, and the dashboard on paper.
 */
export function everydaySuite(label: string, makeDatabase: () => Promise<TestDatabase | null>) {
  describe(`everyday use on ${label}`, () => {
    let api: TestApi;
    let w: World;
    let b: ReturnType<typeof builders>;
    const printer = recordingPrinter();

    beforeAll(async () => {
      const db = await makeDatabase();
      if (!db) return;
      api = await startApi(db, { printer });
      w = await world(api);
      b = builders(api, w);
    });
    afterAll(async () => {
      await api?.close();
    });

    it('staffs a unit: a department with its head, people in it, deactivated ones kept but marked', async () => {
      const person = json<Person>(await api.request({ method: 'POST', url: '/api/people', payload: { organizationId: w.organizationId, name: '韦新', title: '股长' } }));
      expect(person).toMatchObject({ name: '韦新', active: true, department: null });
      const created = await api.request({ method: 'POST', url: '/api/departments', payload: { organizationId: w.organizationId, name: '新设股', headId: person.id } });
      expect(created.statusCode).toBe(201);
      const dept = json<Department>(created);
      expect(dept).toMatchObject({ name: '新设股', head: { id: person.id, name: '韦新' }, active: true, memberCount: 0 });

      const moved = json<Person>(await api.request({ method: 'PATCH', url: `/api/people/${person.id}`, payload: { version: person.version, departmentId: dept.id } }));
      expect(moved.department).toEqual({ id: dept.id, name: '新设股' });
      expect(json<Department>(await api.request({ method: 'GET', url: `/api/departments/${dept.id}` })).memberCount).toBe(1);

      // A head from another unit is refused, nothing changed.
      const otherUnit = await api.db.organization.create({ data: { name: `他单位${Date.now()}` } });
      const stranger = await api.db.person.create({ data: { organizationId: otherUnit.id, name: '外人' } });
      const refused = await api.request({ method: 'PATCH', url: `/api/departments/${dept.id}`, payload: { version: dept.version, headId: stranger.id } });
      expect(refused.statusCode).toBe(400);
      expect(json<{ error: { code: string } }>(refused).error.code).toBe('INVALID_REFERENCE');

      const off = json<Person>(await api.request({ method: 'PATCH', url: `/api/people/${person.id}`, payload: { version: moved.version, active: false } }));
      expect(off.active).toBe(false);
      const active = json<PersonPage>(await api.request({ method: 'GET', url: `/api/people?organizationId=${w.organizationId}&active=true&limit=200` })).items;
      expect(active.some((p) => p.id === person.id)).toBe(false);
      const all = json<PersonPage>(await api.request({ method: 'GET', url: `/api/people?organizationId=${w.organizationId}&limit=200` })).items;
      expect(all.find((p) => p.id === person.id)?.active).toBe(false);
      // A page at a time (keyset, id order): every person once, the total on each page; a cursor of another list is refused.
      const walked: number[] = [];
      let cursor: string | null = null;
      do {
        const page: PersonPage = json<PersonPage>(await api.request({ method: 'GET', url: `/api/people?organizationId=${w.organizationId}&limit=2${cursor ? `&cursor=${cursor}` : ''}` }));
        expect(page.items.length).toBeLessThanOrEqual(2);
        expect(page.total).toBe(all.length);
        walked.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked).toEqual(all.map((p) => p.id).sort((a, b) => a - b));
      const roundsCursor = json<{ nextCursor: string | null }>(await api.request({ method: 'GET', url: '/api/rounds?limit=1' })).nextCursor;
      for (const bad of ['not-a-cursor!', roundsCursor ?? 'x']) {
        const refused = await api.request({ method: 'GET', url: `/api/people?limit=2&cursor=${encodeURIComponent(bad)}` });
        expect(refused.statusCode, bad).toBe(400);
      }
      expect(json<Department>(await api.request({ method: 'GET', url: `/api/departments/${dept.id}` })).memberCount).toBe(0);

      const entries = await api.db.auditLog.findMany({ where: { entity: { in: ['person', 'department'] }, entityId: { in: [person.id, dept.id] } } });
      expect(entries.map((e) => `${e.entity}:${e.action}`).sort()).toEqual(['department:create', 'person:create', 'person:update', 'person:update']);

      const dup = await api.request({ method: 'POST', url: '/api/departments', payload: { organizationId: w.organizationId, name: '新设股' } });
      expect(dup.statusCode).toBe(409);
      expect(json<{ error: { code: string } }>(dup).error.code).toBe('DUPLICATE');
    });

    it('gives a new measure the round deadline unless one is said (null: none)', async () => {
      const round = json<{ rectificationDeadline: string | null }>(await api.request({ method: 'GET', url: `/api/rounds/${api.roundId}` }));
      expect(round.rectificationDeadline).not.toBeNull();
      const plain = json<MeasureDetail>(await api.request({ method: 'POST', url: '/api/measures', payload: { problemId: w.problemId, text: '默认时限的措施' } }));
      expect(plain.deadline).toBe(round.rectificationDeadline);
      const none = json<MeasureDetail>(await api.request({ method: 'POST', url: '/api/measures', payload: { problemId: w.problemId, text: '无时限的措施', deadline: null } }));
      expect(none.deadline).toBeNull();
      const own = json<MeasureDetail>(await api.request({ method: 'POST', url: '/api/measures', payload: { problemId: w.problemId, text: '自定时限的措施', deadline: '2023-10-01' } }));
      expect(own.deadline).toBe('2023-10-01');
    });

    it('sets leader, departments, deadline and kind on many measures: one audited change each, conflicts reported', async () => {
      const measures = await Promise.all(Array.from({ length: 4 }, () => b.measure({ leaderId: null, leadDepartmentId: null })));
      const stale = measures[3]!;
      // Someone else saves the fourth after it was read.
      await api.request({ method: 'PATCH', url: `/api/measures/${stale.id}`, payload: { version: stale.version, outcome: '他人修改' } });
      const closed = json<MeasureDetail>(await api.request({ method: 'GET', url: `/api/measures/${(await b.closed()).id}` }));
      const auditBefore = await api.db.auditLog.count({ where: { entity: 'measure', action: 'update' } });

      const set = { leaderId: w.leaderPersonId, leadDepartmentId: w.officerDepartmentId, coDepartmentIds: [w.otherDepartmentId], deadline: '2023-12-31', kind: 'long_term' };
      const res = await api.request({
        method: 'POST',
        url: '/api/measures/bulk',
        payload: { measures: [...measures, closed].map((m) => ({ id: m.id, version: m.version })), set },
      });
      expect(res.statusCode).toBe(200);
      const result = json<MeasureBulkResult>(res);
      expect(result.changed.map((c) => c.id).sort()).toEqual(measures.slice(0, 3).map((m) => m.id).sort());
      expect(result.changed[0]!.fields.sort()).toEqual(['coDepartmentIds', 'deadline', 'kind', 'leadDepartmentId', 'leaderId']);
      expect(result.failed).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: stale.id, code: 'VERSION_CONFLICT', currentVersion: stale.version + 1 }),
          expect.objectContaining({ id: closed.id, code: 'MEASURE_LOCKED' }),
        ]),
      );
      expect(result.failed.find((f) => f.id === stale.id)!.message).toMatch(/修改/);
      for (const m of measures.slice(0, 3)) {
        const now = json<MeasureDetail>(await api.request({ method: 'GET', url: `/api/measures/${m.id}` }));
        expect(now).toMatchObject({ deadline: '2023-12-31', kind: 'long_term', leader: { id: w.leaderPersonId }, leadDepartment: { id: w.officerDepartmentId }, version: m.version + 1 });
        expect(now.coDepartments.map((d) => d.id)).toEqual([w.otherDepartmentId]);
      }
      expect(await api.db.auditLog.count({ where: { entity: 'measure', action: 'update' } })).toBe(auditBefore + 3);

      // The same again: already so, nothing written.
      const again = json<MeasureBulkResult>(
        await api.request({
          method: 'POST',
          url: '/api/measures/bulk',
          payload: { measures: result.changed.map((c) => ({ id: c.id, version: c.version })), set },
        }),
      );
      expect(again.unchanged.sort()).toEqual(result.changed.map((c) => c.id).sort());
      expect(again.changed).toEqual([]);
    });

    it('refuses a bulk change an officer may never make, and a leader on measures they do not lead', async () => {
      const mine = await b.measure();
      const foreign = await b.measure({ leaderId: null, leadDepartmentId: w.otherDepartmentId });
      const officer = await api.as('officer', { method: 'POST', url: '/api/measures/bulk', payload: { measures: [{ id: mine.id, version: mine.version }], set: { deadline: '2024-01-01' } } });
      expect(officer.statusCode).toBe(403);
      expect(json<{ error: { details: { fields: string[] } } }>(officer).error.details.fields).toEqual(['deadline']);
      // A leader moves a deadline through 延期 only (the office approves), never by typing over it.
      const leaderDeadline = await api.as('leader', { method: 'POST', url: '/api/measures/bulk', payload: { measures: [{ id: mine.id, version: mine.version }], set: { deadline: '2024-01-01' } } });
      expect(leaderDeadline.statusCode).toBe(403);
      const leader = json<MeasureBulkResult>(
        await api.as('leader', {
          method: 'POST',
          url: '/api/measures/bulk',
          headers: { 'accept-language': 'en' },
          payload: { measures: [mine, foreign].map((m) => ({ id: m.id, version: m.version })), set: { kind: 'immediate' } },
        }),
      );
      expect(leader.changed.map((c) => c.id)).toEqual([mine.id]);
      expect(leader.failed).toEqual([expect.objectContaining({ id: foreign.id, code: 'FORBIDDEN' })]);
      // In the language asked for.
      expect(leader.failed[0]!.message).toMatch(/^[\x20-\x7e]+$/);
      const empty = await api.request({ method: 'POST', url: '/api/measures/bulk', payload: { measures: [{ id: mine.id, version: 1 }], set: {} } });
      expect(empty.statusCode).toBe(400);
    });

    it('links evidence to the progress update it came with, and shows photos and PDFs inline', async () => {
      const m = await b.measure();
      const update = json<{ id: number; evidence: unknown[] }>(
        await api.as('officer', { method: 'POST', url: `/api/measures/${m.id}/updates`, payload: { date: '2023-08-10', text: '现场整改完毕', percent: 80 } }),
      );
      expect(update.evidence).toEqual([]);
      const photo = await api.as('officer', { method: 'POST', url: `/api/measures/${m.id}/evidence?progressUpdateId=${update.id}`, ...multipart('现场.png', files.png()) });
      expect(photo.statusCode).toBe(201);
      expect(json<{ progressUpdateId: number }>(photo).progressUpdateId).toBe(update.id);

      // An update of another measure is refused, nothing stored.
      const other = await b.measure();
      const wrong = await api.as('officer', { method: 'POST', url: `/api/measures/${other.id}/evidence?progressUpdateId=${update.id}`, ...multipart('x.png', files.png()) });
      expect(wrong.statusCode).toBe(400);
      expect(await api.db.evidence.count({ where: { measureId: other.id } })).toBe(0);

      const detail = json<MeasureDetail>(await api.request({ method: 'GET', url: `/api/measures/${m.id}` }));
      expect(detail.updates.find((u) => u.id === update.id)!.evidence).toEqual([expect.objectContaining({ fileName: '现场.png', mimeType: 'image/png' })]);

      const id = json<{ id: number }>(photo).id;
      const inline = await api.request({ method: 'GET', url: `/api/evidence/${id}/download?inline=true` });
      expect(inline.headers['content-disposition']).toMatch(/^inline;/);
      expect(inline.headers['content-type']).toBe('image/png');
      const word = json<{ id: number }>(await api.as('officer', { method: 'POST', url: `/api/measures/${m.id}/evidence`, ...multipart('说明.docx', files.docx()) }));
      const docx = await api.request({ method: 'GET', url: `/api/evidence/${word.id}/download?inline=true` });
      // Only images and PDFs are shown in the page; anything else still downloads.
      expect(docx.headers['content-disposition']).toMatch(/^attachment;/);
    });

    it('tells the history in names, not ids', async () => {
      const m = await b.measure({ leaderId: null, leadDepartmentId: null });
      await api.request({ method: 'PATCH', url: `/api/measures/${m.id}`, payload: { version: m.version, leaderId: w.leaderPersonId, coDepartmentIds: [w.otherDepartmentId] } });
      const history = json<AuditEntry[]>(await api.request({ method: 'GET', url: `/api/measures/${m.id}/history` }));
      const change = history.find((e) => e.action === 'update')!;
      const leader = await api.db.person.findUniqueOrThrow({ where: { id: w.leaderPersonId } });
      const other = await api.db.department.findUniqueOrThrow({ where: { id: w.otherDepartmentId } });
      expect(change.names).toMatchObject({ [`person:${leader.id}`]: leader.name, [`department:${other.id}`]: other.name });
      const created = history.find((e) => e.action === 'create')!;
      const problem = await api.db.problem.findUniqueOrThrow({ where: { id: w.problemId } });
      expect(created.names?.[`problem:${problem.id}`]).toBe(`${problem.ordinal}. ${problem.title}`);
      expect(change.actor).toMatchObject({ username: 'office' });
    });

    it('prints the dashboard with every measure in full, to PDF through the printer', async () => {
      const tree = json<RoundTree>(await api.request({ method: 'GET', url: `/api/rounds/${api.roundId}/tree` }));
      const texts = tree.categories.flatMap((c) => c.problems.flatMap((p) => p.measures.map((m) => m.text)));
      const res = await api.as('inspector', { method: 'GET', url: `/api/rounds/${api.roundId}/dashboard.pdf` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/dashboard|%E6%95%B4%E6%94%B9/);
      const html = printer.printed.at(-1)!;
      const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      for (const text of texts) expect(html).toContain(escape(text));
      expect(html.match(/data-measure=/g)).toHaveLength(texts.length);
      expect(html).toContain('@page { size: A4');
      expect((await api.as(null, { method: 'GET', url: `/api/rounds/${api.roundId}/dashboard.pdf` })).statusCode).toBe(401);
    });
  });
}
