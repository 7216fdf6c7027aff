import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, MeasurePage, Organization, RoundPage } from '@rectify/domain';
import { startApi, type TestApi, type TestDatabase } from './harness.js';
import { json, otherUnit, type OtherUnit } from './fixtures.js';

/**
 * Units kept to their own (issue 8): a unit's accounts cannot read, list, count, search, export or
 * guess another unit's rows; the 巡察办 (supervisor) reads them all; an inspection team's account
 * sees the rounds it was given.
 */
export function unitsSuite(label: string, makeDatabase: () => Promise<TestDatabase | null>) {
  describe(`units and isolation on ${label}`, () => {
    let api: TestApi;
    let other: OtherUnit;

    beforeAll(async () => {
      const db = await makeDatabase();
      if (!db) return;
      api = await startApi(db);
      other = await otherUnit(api);
    });
    afterAll(async () => {
      await api?.close();
    });

    const get = async <T>(who: string, url: string) => {
      const res = await api.as(who, { method: 'GET', url });
      const isJson = String(res.headers['content-type'] ?? '').includes('json');
      return { status: res.statusCode, body: res.statusCode < 300 && isJson ? json<T>(res) : (undefined as T), raw: res };
    };

    it('lists each unit its own rounds; the 巡察办 and admin all of them', async () => {
      const own = (await get<RoundPage>('office', '/api/rounds')).body.items.map((r) => r.id);
      expect(own).toContain(api.roundId);
      expect(own).not.toContain(other.ids.round);
      const theirs = (await get<RoundPage>(other.office, '/api/rounds')).body.items.map((r) => r.id);
      expect(theirs).toEqual([other.ids.round]);
      for (const who of ['supervisor', 'admin']) {
        const all = (await get<RoundPage>(who, '/api/rounds?limit=200')).body.items.map((r) => r.id);
        expect(all).toEqual(expect.arrayContaining([api.roundId, other.ids.round]));
      }
      // The inspection team's account sees the round it was given, and no other.
      expect((await get<RoundPage>('inspector', '/api/rounds')).body.items.map((r) => r.id)).toEqual([api.roundId]);
      expect((await get<RoundPage>('inspector', '/api/rounds')).body.total).toBe(1);
      expect((await get<{ round: { id: number } | null }>(other.office, '/api/rounds/current')).body.round?.id).toBe(other.ids.round);
    });

    it('keeps searches and counts to the unit: measures, closures, audit, organisations, people, departments', async () => {
      const search = await get<MeasurePage>('office', `/api/measures?q=${encodeURIComponent('另一单位')}`);
      expect(search.status).toBe(200);
      expect(search.body.total).toBe(0);
      const everything = await get<MeasurePage>('office', '/api/measures?limit=200');
      const supervisorTotal = (await get<MeasurePage>('supervisor', '/api/measures?limit=1')).body.total;
      // The other unit's three: open, awaiting closure, closed under a 回头看.
      expect(supervisorTotal).toBe(everything.body.total + 3);
      expect((await get<MeasurePage>(other.office, '/api/measures')).body.total).toBe(3);
      expect((await get<MeasurePage>('supervisor', `/api/measures?q=${encodeURIComponent('另一单位')}`)).body.total).toBe(3);

      expect((await get<{ items: unknown[]; total: number }>('office', '/api/closures?state=all')).body.total).toBe(0);
      expect((await get<{ items: unknown[]; total: number }>(other.office, '/api/closures')).body.total).toBe(1);

      const audit = await get<AuditPage>('office', '/api/audit?limit=200');
      const mentions = audit.body.items.filter((e) => e.entity === 'round' && e.entityId === other.ids.round || e.measureId === other.ids.measure);
      expect(mentions).toEqual([]);
      const theirAudit = await get<AuditPage>(other.office, '/api/audit?limit=200');
      expect(theirAudit.body.items.some((e) => e.entity === 'round' && e.entityId === other.ids.round)).toBe(true);
      expect(theirAudit.body.items.some((e) => e.measureId === api.roundId && e.entity === 'round')).toBe(false);
      expect(theirAudit.body.total).toBe(theirAudit.body.items.length);

      const orgs = (await get<Organization[]>('office', '/api/organizations')).body.map((o) => o.id);
      expect(orgs).not.toContain(other.organizationId);
      expect(orgs).toHaveLength(1);
      expect((await get<Organization[]>('supervisor', '/api/organizations')).body.map((o) => o.id)).toContain(other.organizationId);
      const people = (await get<{ items: { id: number }[] }>('office', '/api/people?limit=200')).body.items.map((p) => p.id);
      expect(people).not.toContain(other.ids.person);
      const departments = (await get<{ id: number }[]>('officer', '/api/departments')).body.map((d) => d.id);
      expect(departments).not.toContain(other.ids.department);
    });

    it('answers another unit\'s ids as ones that do not exist: filters, exports, downloads, body references', async () => {
      const missing = await get('office', '/api/rounds/999999/tree');
      const probe = await get('office', `/api/rounds/${other.ids.round}/tree`);
      expect(probe.status).toBe(404);
      expect(json<{ error: { code: string } }>(probe.raw).error.code).toBe(json<{ error: { code: string } }>(missing.raw).error.code);
      for (const url of [
        `/api/measures?roundId=${other.ids.round}`,
        `/api/measures?departmentId=${other.ids.department}`,
        `/api/people?organizationId=${other.organizationId}`,
        `/api/rounds/${other.ids.round}/ledger.xlsx`,
        `/api/rounds/${other.ids.round}/ledger.csv`,
        `/api/rounds/${other.ids.round}/report.docx`,
        `/api/evidence/${other.ids.evidence}/download`,
        `/api/measures/${other.ids.measure}/history`,
      ]) {
        expect({ url, status: (await get('office', url)).status }).toEqual({ url, status: 404 });
        expect({ url, status: (await get('inspector', url)).status }).toEqual({ url, status: 404 });
      }
      expect((await get('supervisor', `/api/rounds/${other.ids.round}/ledger.xlsx`)).status).toBe(200);
      expect((await get(other.office, `/api/rounds/${other.ids.round}/ledger.xlsx`)).status).toBe(200);

      // Writes that name another unit's rows in their body: as an unknown reference, nothing created.
      const before = await api.db.category.count();
      for (const [url, payload, field] of [
        ['/api/categories', { roundId: other.ids.round, title: '越权' }, 'roundId'],
        ['/api/rounds', { committee: '委员会', roundName: '第五轮', groupName: '第一巡察组', inspectedUnitId: other.organizationId }, 'inspectedUnitId'],
        ['/api/people', { organizationId: other.organizationId, name: '越权' }, 'organizationId'],
      ] as const) {
        const res = await api.as('office', { method: 'POST', url, payload });
        expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
        expect(json<{ error: { code: string; details: { field: string } } }>(res).error).toMatchObject({ code: 'INVALID_REFERENCE', details: { field } });
      }
      expect(await api.db.category.count()).toBe(before);
      // Bulk: one foreign measure among own ones refuses the whole request.
      const own = (await get<MeasurePage>('office', '/api/measures?limit=1')).body.items[0]!;
      const bulk = await api.as('office', { method: 'POST', url: '/api/measures/bulk', payload: { measures: [{ id: own.id, version: own.version }, { id: other.ids.measure, version: 0 }], set: { deadline: '2024-01-01' } } });
      expect(bulk.statusCode).toBe(400);
      // Assigning another unit's person to one's own measure.
      const patch = await api.as('office', { method: 'PATCH', url: `/api/measures/${own.id}`, payload: { version: own.version, leaderId: other.ids.person } });
      expect(patch.statusCode).toBe(400);
    });

    it('notifies only the accounts that see the round', async () => {
      const m = await api.db.measure.findUniqueOrThrow({ where: { id: other.ids.measure! }, select: { leaderId: true } });
      // An account of our unit made to stand for the other unit's person would hear of it without the scope rule.
      const office = await api.db.user.findUniqueOrThrow({ where: { username: 'office' } });
      await api.db.user.update({ where: { id: office.id }, data: { personId: m.leaderId } });
      await api.app.notifier.scanDeadlines('2023-08-20');
      const leaked = await api.db.notification.count({ where: { userId: office.id, measureId: other.ids.measure } });
      expect(leaked).toBe(0);
      const theirs = await api.db.user.findUniqueOrThrow({ where: { username: other.office } });
      await api.db.user.update({ where: { id: theirs.id }, data: { personId: m.leaderId } });
      await api.app.notifier.scanDeadlines('2023-08-21');
      expect(await api.db.notification.count({ where: { userId: theirs.id, measureId: other.ids.measure } })).toBeGreaterThan(0);
      await api.db.user.update({ where: { id: office.id }, data: { personId: null } });
    });

    it('gives an inspection team the rounds the admin grants, and takes them back', async () => {
      const inspector = await api.db.user.findUniqueOrThrow({ where: { username: 'inspector' } });
      expect((await get('inspector', `/api/rounds/${other.ids.round}`)).status).toBe(404);
      const granted = await api.as('admin', { method: 'PATCH', url: `/api/users/${inspector.id}`, payload: { version: inspector.version, roundIds: [api.roundId, other.ids.round!] } });
      expect(granted.statusCode).toBe(200);
      expect(json<{ roundIds: number[] }>(granted).roundIds).toEqual([api.roundId, other.ids.round!].sort((a, b) => a - b));
      expect((await get('inspector', `/api/rounds/${other.ids.round}`)).status).toBe(200);
      expect((await get<RoundPage>('inspector', '/api/rounds')).body.total).toBe(2);
      const again = await api.db.user.findUniqueOrThrow({ where: { id: inspector.id } });
      await api.as('admin', { method: 'PATCH', url: `/api/users/${inspector.id}`, payload: { version: again.version, roundIds: [api.roundId] } });
      expect((await get('inspector', `/api/rounds/${other.ids.round}`)).status).toBe(404);
      // A unit account whose person is of another unit is refused.
      const officer = await api.db.user.findUniqueOrThrow({ where: { username: 'officer' } });
      const wrong = await api.as('admin', { method: 'PATCH', url: `/api/users/${officer.id}`, payload: { version: officer.version, personId: other.ids.person } });
      expect(wrong.statusCode).toBe(400);
    });

    it('takes a unit\'s report to the 巡察办 and back: submit, send back with comments, submit again, accept; audited and notified', async () => {
      type Status = { state: string; submissions: { id: number; state: string; version: number; measures: number; comment: string | null }[] };
      const url = `/api/rounds/${api.roundId}/report-submissions`;
      const first = await api.as('office', { method: 'POST', url, payload: { note: '请审核' } });
      expect(first.statusCode).toBe(201);
      const s1 = json<Status>(first);
      expect(s1.state).toBe('submitted');
      expect(s1.submissions[0]!.measures).toBe(await api.db.measure.count({ where: { roundId: api.roundId } }));
      expect((await api.as('office', { method: 'POST', url, payload: {} })).statusCode).toBe(409);
      // Another unit's office cannot submit or see it; the 巡察办 is told.
      expect((await api.as(other.office, { method: 'POST', url, payload: {} })).statusCode).toBe(404);
      const supervisor = await api.db.user.findUniqueOrThrow({ where: { username: 'supervisor' } });
      expect(await api.db.notification.count({ where: { userId: supervisor.id, kind: 'report_submitted' } })).toBeGreaterThan(0);
      const sub = s1.submissions[0]!;
      expect((await api.as('office', { method: 'POST', url: `/api/report-submissions/${sub.id}/accept`, payload: { version: sub.version } })).statusCode).toBe(403);
      expect((await api.as('supervisor', { method: 'POST', url: `/api/report-submissions/${sub.id}/return`, payload: { version: sub.version, comment: '' } })).statusCode).toBe(400);
      const back = json<Status>(await api.as('supervisor', { method: 'POST', url: `/api/report-submissions/${sub.id}/return`, payload: { version: sub.version, comment: '请补充第三部分' } }));
      expect(back).toMatchObject({ state: 'returned', submissions: [{ state: 'returned', comment: '请补充第三部分' }] });
      const office = await api.db.user.findUniqueOrThrow({ where: { username: 'office' } });
      expect(await api.db.notification.count({ where: { userId: office.id, kind: 'report_returned' } })).toBe(1);
      const again = json<Status>(await api.as('office', { method: 'POST', url, payload: {} }));
      const latest = again.submissions[0]!;
      const accepted = json<Status>(await api.as('supervisor', { method: 'POST', url: `/api/report-submissions/${latest.id}/accept`, payload: { version: latest.version } }));
      expect(accepted.state).toBe('accepted');
      expect(accepted.submissions.map((x) => x.state)).toEqual(['accepted', 'returned']);
      expect(await api.db.auditLog.count({ where: { entity: 'report_submission' } })).toBeGreaterThanOrEqual(4);
      expect(json<{ reportState: string }>(await api.as('office', { method: 'GET', url: `/api/rounds/${api.roundId}` })).reportState).toBe('accepted');
    });

    it('shows the 巡察办 every round and unit with figures that match a hand count; units cannot open it', async () => {
      expect((await api.as('office', { method: 'GET', url: '/api/programme' })).statusCode).toBe(403);
      const view = json<{ rows: { roundId: number; measures: number; closed: number; overdue: number; completionRate: number | null; unit: { id: number } }[]; totals: { rounds: number } }>(
        await api.as('supervisor', { method: 'GET', url: '/api/programme' }),
      );
      const today = '2023-08-18';
      for (const row of view.rows) {
        const ms = await api.db.measure.findMany({ where: { roundId: row.roundId }, select: { status: true, deadline: true } });
        const closed = ms.filter((m) => m.status === 'closed').length;
        const overdue = ms.filter((m) => m.status !== 'closed' && m.deadline !== null && m.deadline < today).length;
        expect({ round: row.roundId, measures: row.measures, closed: row.closed, overdue: row.overdue }).toEqual({ round: row.roundId, measures: ms.length, closed, overdue });
        expect(row.completionRate).toBe(ms.length ? Math.round((closed / ms.length) * 1000) / 10 : null);
      }
      expect(view.rows.map((r) => r.roundId)).toEqual(expect.arrayContaining([api.roundId, other.ids.round]));
      const towns = json<{ rows: { unit: { id: number } }[] }>(await api.as('supervisor', { method: 'GET', url: '/api/programme?unitType=town' }));
      expect(towns.rows.map((r) => r.unit.id)).toEqual([other.organizationId]);
      const xlsx = await api.as('supervisor', { method: 'GET', url: '/api/programme.xlsx' });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    });

    it('lets the 巡察办 read every unit but write none of their rows', async () => {
      expect((await get('supervisor', `/api/rounds/${other.ids.round}/summary`)).status).toBe(200);
      expect((await get('supervisor', `/api/measures/${other.ids.measure}`)).status).toBe(200);
      const res = await api.as('supervisor', { method: 'PATCH', url: `/api/rounds/${other.ids.round}`, payload: { version: 0, groupName: '改' } });
      expect(res.statusCode).toBe(403);
    });
  });
}
