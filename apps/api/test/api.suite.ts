import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentRound, MeasureDetail, MeasurePage, RoundPage, RoundSummary, RoundTree } from '@rectify/domain';
import { roundIdMismatches, startApi, type TestApi, type TestDatabase } from './harness.js';

const CATEGORY_TITLES = [
  '聚焦贯彻落实党的理论和路线方针政策以及上级重大决策部署情况方面',
  '聚焦贯彻落实全面从严治党战略部署情况方面',
  '聚焦贯彻落实新时代党的组织路线情况方面',
  '对巡察整改工作不够重视',
  '紧盯“一把手”履行第一责任人职责和廉洁自律情况方面',
];

/**
 * The API's behaviour, run once per database. `makeDatabase` returns null when the database is
 * not available, and the whole suite is then skipped.
 */
export function apiSuite(label: string, makeDatabase: () => Promise<TestDatabase | null>) {
  describe(`API on ${label}`, () => {
    let api: TestApi;
    let roundId: number;
    const json = <T>(res: { body: string }) => JSON.parse(res.body) as T;
    // Everything here is the office's (整改办公室) work; the rights of the other roles are in rights.suite.ts.
    const get = (url: string, headers: Record<string, string> = {}) => api.as('office', { method: 'GET', url, headers });
    const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      api.as('office', { method, url, payload: payload as object, headers });

    async function overdueMeasure(): Promise<MeasureDetail> {
      const page = json<MeasurePage>(await get(`/api/measures?roundId=${roundId}&overdue=true`));
      return json<MeasureDetail>(await get(`/api/measures/${page.items[0]!.id}`));
    }
    async function summary() {
      return json<RoundSummary>(await get(`/api/rounds/${roundId}/summary`));
    }

    beforeAll(async () => {
      const database = await makeDatabase();
      if (!database) return;
      api = await startApi(database);
      roundId = api.roundId;
    });
    afterAll(async () => {
      await api?.close();
    });

    it('answers health', async () => {
      const res = await get('/api/health');
      expect(res.statusCode).toBe(200);
      expect(json(res)).toEqual({ status: 'ok' });
    });

    it('lists the demo round with the totals of the reference report', async () => {
      const page = json<RoundPage>(await get('/api/rounds'));
      expect(page).toMatchObject({ total: 1, nextCursor: null });
      const rounds = page.items;
      expect(rounds).toHaveLength(1);
      expect(json<CurrentRound>(await get('/api/rounds/current')).round?.id).toBe(rounds[0]!.id);
      expect(rounds[0]!.title).toBe('中共城中区十一届委员会第三轮巡察第一巡察组');
      expect(rounds[0]!.inspectedUnit.name).toBe('城中区文化体育广电和旅游局');
      expect(rounds[0]!.totals).toMatchObject({ categories: 5, problems: 14, manifestations: 39, measures: 47, closed: 46, inProgress: 1, overdue: 1 });
    });

    it('returns the tree in report order, every measure with its owner and version', async () => {
      const tree = json<RoundTree>(await get(`/api/rounds/${roundId}/tree`));
      expect(tree.categories.map((c) => c.title)).toEqual(CATEGORY_TITLES);
      expect(tree.categories.flatMap((c) => c.problems)).toHaveLength(14);
      // The problem the report forgot to number sits fifth in category 一.
      expect(tree.categories[0]!.problems[4]!.title).toBe('全民健身及文化服务存在不足');
      const measure = tree.categories[0]!.problems[0]!.measures[0]!;
      expect(Object.keys(measure)).toEqual(
        expect.arrayContaining(['id', 'ordinal', 'text', 'kind', 'status', 'deadline', 'overdue', 'progress', 'leader', 'leadDepartment', 'version']),
      );
      expect(measure.leader).toEqual({ id: expect.any(Number), name: expect.any(String) });
      const flagged = tree.categories.flatMap((c) => c.problems.flatMap((p) => p.measures)).filter((m) => m.overdue);
      expect(flagged).toHaveLength(1);
      expect(flagged[0]!.daysOverdue).toBe(18);
      expect(tree.categories[0]!.problems[4]!.rectified).toBe(false);
      expect(tree.categories[1]!.rectified).toBe(true);
    });

    it('summarises by category, leader and department, and lists what is overdue', async () => {
      const s = await summary();
      expect(s.totals).toEqual({ categories: 5, problems: 14, manifestations: 39, measures: 47, closed: 46, inProgress: 1, notStarted: 0, pendingClosure: 0, overdue: 1 });
      expect(s.byCategory.map((c) => c.title)).toEqual(CATEGORY_TITLES);
      expect(s.byCategory.reduce((n, c) => n + c.total, 0)).toBe(47);
      expect(s.byLeader.reduce((n, c) => n + c.total, 0)).toBe(47);
      expect(s.byDepartment.reduce((n, c) => n + c.total, 0)).toBe(47);
      expect(s.byCategory[0]).toMatchObject({ overdue: 1, inProgress: 1 });
      expect(s.overdue).toHaveLength(1);
      expect(s.overdue[0]).toMatchObject({ deadline: '2023-07-31', daysOverdue: 18, problem: { title: '全民健身及文化服务存在不足' } });
      expect(s.overdue[0]!.leader?.name).toBeTruthy();
    });

    it('filters and pages the measure list', async () => {
      const all = json<MeasurePage>(await get(`/api/measures?roundId=${roundId}&limit=10`));
      expect(all.total).toBe(47);
      expect(all.items).toHaveLength(10);
      // Walk the pages: 10 + 10 + 10 + 10 + 7, each after the last, nothing twice, in position order.
      const seen = [...all.items];
      let cursor = all.nextCursor;
      while (cursor) {
        const next = json<MeasurePage>(await get(`/api/measures?roundId=${roundId}&limit=10&cursor=${cursor}`));
        seen.push(...next.items);
        cursor = next.nextCursor;
      }
      expect(seen).toHaveLength(47);
      expect(new Set(seen.map((m) => m.id)).size).toBe(47);
      const tree = json<RoundTree>(await get(`/api/rounds/${roundId}/tree`));
      expect(seen.map((m) => m.id)).toEqual(tree.categories.flatMap((c) => c.problems.flatMap((p) => p.measures.map((m) => m.id))));
      const bad = await get(`/api/measures?roundId=${roundId}&cursor=bm90LWEtY3Vyc29y`);
      expect(bad.statusCode).toBe(400);
      expect(json<{ error: { code: string } }>(bad).error.code).toBe('INVALID_CURSOR');
      // A cursor of another order is refused, not misread.
      expect((await get(`/api/measures?roundId=${roundId}&limit=10&sort=deadline&cursor=${all.nextCursor}`)).statusCode).toBe(400);
      expect((await get(`/api/measures?limit=201`)).statusCode).toBe(400);
      expect(json<MeasurePage>(await get(`/api/measures?roundId=${roundId}&status=closed`)).total).toBe(46);
      expect(json<MeasurePage>(await get(`/api/measures?roundId=${roundId}&status=closed&status=in_progress`)).total).toBe(47);
      expect(json<MeasurePage>(await get(`/api/measures?roundId=${roundId}&overdue=false`)).total).toBe(46);
      const s = await summary();
      const leader = s.byLeader[0]!;
      expect(json<MeasurePage>(await get(`/api/measures?roundId=${roundId}&leaderId=${leader.leaderId}`)).total).toBe(leader.total);
      const dept = s.byDepartment.find((d) => d.departmentId !== null)!;
      const byDept = json<MeasurePage>(await get(`/api/measures?departmentId=${dept.departmentId}`));
      expect(byDept.total).toBeGreaterThanOrEqual(dept.total); // lead or co-department
      const category = s.byCategory[2]!;
      expect(json<MeasurePage>(await get(`/api/measures?categoryId=${category.categoryId}`)).total).toBe(category.total);
      const text = json<MeasurePage>(await get(`/api/measures?q=${encodeURIComponent('健身器材')}`));
      expect(text.items.some((m) => m.text.includes('健身器材'))).toBe(true);
      const late = json<MeasurePage>(await get(`/api/measures?roundId=${roundId}&overdue=true&sort=deadline&limit=3`));
      expect(late.items.map((m) => m.overdue)).toEqual([true]);
      expect(late.items[0]!.path.category.title).toBe(CATEGORY_TITLES[0]);
      const byDeadline = json<MeasurePage>(await get(`/api/measures?roundId=${roundId}&sort=deadline&direction=desc&limit=50`));
      const dates = byDeadline.items.map((m) => m.deadline);
      const dated = dates.filter((d): d is string => d !== null);
      expect(dated).toEqual([...dated].sort().reverse());
      expect(dates.slice(dated.length).every((d) => d === null)).toBe(true);
      const recent = json<MeasurePage>(await get(`/api/measures?roundId=${roundId}&sort=updatedAt&direction=desc&limit=5`));
      expect(recent.items).toHaveLength(5);
      expect(recent.nextCursor).not.toBeNull();
    });

    it('updates a measure with the version it read, and the roll-ups follow', async () => {
      const measure = await overdueMeasure();
      const res = await send('PATCH', `/api/measures/${measure.id}`, { version: measure.version, status: 'closed' });
      expect(res.statusCode).toBe(200);
      const closed = json<MeasureDetail>(res);
      expect(closed).toMatchObject({ status: 'closed', completedDate: '2023-08-18', progress: 100, overdue: false, version: measure.version + 1 });
      expect((await summary()).totals).toMatchObject({ closed: 47, overdue: 0 });

      // A closed measure is locked: editing it is refused until the office reopens it.
      const locked = await send('PATCH', `/api/measures/${measure.id}`, { version: closed.version, status: 'in_progress', progress: 80 });
      expect(locked.statusCode).toBe(409);
      expect(json<{ error: { code: string } }>(locked).error.code).toBe('MEASURE_LOCKED');
      expect(json<MeasureDetail>(await send('POST', `/api/measures/${measure.id}/reopen`, { reason: '复核发现仍有器材未修复' }))).toMatchObject({ status: 'in_progress', locked: false });
      const reopened = json<MeasureDetail>(await send('PATCH', `/api/measures/${measure.id}`, { version: closed.version + 1, progress: 80 }));
      expect(reopened).toMatchObject({ status: 'in_progress', completedDate: null, overdue: true, progress: 80 });
      expect((await summary()).totals).toMatchObject({ closed: 46, overdue: 1 });
    });

    it('refuses a stale version with 409 and writes nothing', async () => {
      const measure = await overdueMeasure();
      const first = await send('PATCH', `/api/measures/${measure.id}`, { version: measure.version, outcome: '第一次保存' });
      expect(first.statusCode).toBe(200);
      const stale = await send('PATCH', `/api/measures/${measure.id}`, { version: measure.version, outcome: '覆盖他人修改', coDepartmentIds: [] });
      expect(stale.statusCode).toBe(409);
      expect(json<{ error: { code: string; message: string } }>(stale).error).toMatchObject({ code: 'VERSION_CONFLICT', message: expect.stringContaining('已被他人修改') });
      const after = json<MeasureDetail>(await get(`/api/measures/${measure.id}`));
      expect(after.outcome).toBe('第一次保存');
      expect(after.coDepartments).toEqual(measure.coDepartments);
      expect(after.version).toBe(measure.version + 1);
    });

    it('answers bad input with one error shape, a 4xx, the field named, and no write', async () => {
      const measure = await overdueMeasure();
      const cases: { res: Awaited<ReturnType<typeof send>>; status: number; code: string; field?: string }[] = [
        { res: await api.as('office', { method: 'PATCH', url: `/api/measures/${measure.id}`, headers: { 'content-type': 'application/json' }, payload: '{"version": 1,' }), status: 400, code: 'BAD_REQUEST' },
        { res: await send('PATCH', `/api/measures/${measure.id}`, { version: measure.version, progress: 'lots' }), status: 400, code: 'VALIDATION_FAILED', field: 'progress' },
        { res: await send('PATCH', `/api/measures/${measure.id}`, { version: measure.version, progress: 101 }), status: 400, code: 'VALIDATION_FAILED', field: 'progress' },
        { res: await send('PATCH', `/api/measures/${measure.id}`, { version: measure.version, deadline: '2023-02-30' }), status: 400, code: 'VALIDATION_FAILED', field: 'deadline' },
        { res: await send('PATCH', `/api/measures/${measure.id}`, { version: measure.version, status: 'finished' }), status: 400, code: 'VALIDATION_FAILED', field: 'status' },
        { res: await send('PATCH', `/api/measures/${measure.id}`, { version: measure.version, dedline: '2023-09-30' }), status: 400, code: 'VALIDATION_FAILED', field: 'dedline' },
        { res: await send('PATCH', `/api/measures/${measure.id}`, { progress: 50 }), status: 400, code: 'VALIDATION_FAILED', field: 'version' },
        { res: await send('PATCH', `/api/measures/${measure.id}`, { version: measure.version, leaderId: 999_999 }), status: 400, code: 'INVALID_REFERENCE', field: 'leaderId' },
        { res: await send('PATCH', `/api/measures/${measure.id}`, { version: measure.version, coDepartmentIds: [999_999] }), status: 400, code: 'INVALID_REFERENCE', field: 'coDepartmentIds' },
        { res: await send('PATCH', '/api/measures/999999', { version: 0, progress: 1 }), status: 404, code: 'NOT_FOUND' },
        { res: await get('/api/measures/abc'), status: 400, code: 'VALIDATION_FAILED', field: 'id' },
        { res: await get('/api/measures/99999999999'), status: 400, code: 'VALIDATION_FAILED', field: 'id' },
        { res: await get('/api/rounds/424242/tree'), status: 404, code: 'NOT_FOUND' },
        { res: await get('/api/measures?overdue=maybe'), status: 400, code: 'VALIDATION_FAILED', field: 'overdue' },
        { res: await get('/api/nowhere'), status: 404, code: 'ROUTE_NOT_FOUND' },
        { res: await send('POST', '/api/measures', { problemId: 424242, text: '新措施' }), status: 400, code: 'INVALID_REFERENCE', field: 'problemId' },
        { res: await send('POST', '/api/measures', { problemId: measure.problemId, text: '' }), status: 400, code: 'VALIDATION_FAILED', field: 'text' },
        { res: await send('POST', '/api/categories', [1, 2, 3]), status: 400, code: 'VALIDATION_FAILED' },
        { res: await api.as('office', { method: 'POST', url: '/api/categories', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ roundId, title: 'x'.repeat(2 * 1024 * 1024) }) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
        { res: await api.as('office', { method: 'POST', url: '/api/categories', headers: { 'content-type': 'application/xml' }, payload: '<x/>' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
        { res: await api.as('office', { method: 'POST', url: '/api/categories', headers: { 'content-type': 'text/plain' }, payload: JSON.stringify({ roundId, title: '跨站表单' }) }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      ];
      for (const c of cases) {
        const body = json<{ error: { code: string; message: string; details?: unknown } }>(c.res);
        expect({ status: c.res.statusCode, code: body.error.code }, c.res.body).toEqual({ status: c.status, code: c.code });
        expect(body.error.message).toMatch(/[\u4e00-\u9fff]/); // Chinese by default
        if (c.field) expect(JSON.stringify(body.error.details)).toContain(c.field);
      }
      const after = json<MeasureDetail>(await get(`/api/measures/${measure.id}`));
      expect(after.version).toBe(measure.version);
      expect((await summary()).totals.measures).toBe(47);
    });

    it('speaks English when asked', async () => {
      const res = await get('/api/measures/999999', { 'accept-language': 'en-US,en;q=0.9' });
      expect(json<{ error: { message: string } }>(res).error.message).toBe('The requested record does not exist');
      const invalid = await send('PATCH', '/api/measures/1', { version: 0, progress: 'x' }, { 'accept-language': 'en' });
      expect(json<{ error: { message: string } }>(invalid).error.message).toBe('progress must be of type integer');
    });

    it('creates, edits and deletes the hierarchy, refusing to delete what still has content', async () => {
      const category = json<{ id: number; ordinal: number; version: number }>(await send('POST', '/api/categories', { roundId, title: '  其他方面  ' }));
      expect(category).toMatchObject({ ordinal: 6, title: '其他方面', version: 0 });
      const problem = json<{ id: number; ordinal: number; version: number }>(await send('POST', '/api/problems', { categoryId: category.id, title: '新发现的问题' }));
      expect(problem.ordinal).toBe(1);
      const manifestation = json<{ id: number; version: number }>(await send('POST', '/api/manifestations', { problemId: problem.id, text: '具体表现一' }));
      const people = json<{ items: { id: number; organizationId: number }[] }>(await get('/api/people')).items;
      const departments = json<{ id: number }[]>(await get(`/api/departments?organizationId=${people[0]!.organizationId}`));
      const created = await send('POST', '/api/measures', {
        problemId: problem.id,
        manifestationId: manifestation.id,
        text: '建立台账，逐项整改',
        kind: 'immediate',
        deadline: '2023-09-30',
        leaderId: people[0]!.id,
        leadDepartmentId: departments[0]!.id,
        coDepartmentIds: [departments[1]!.id],
      });
      expect(created.statusCode).toBe(201);
      const measure = json<MeasureDetail>(created);
      expect(measure).toMatchObject({ ordinal: 1, status: 'not_started', overdue: false, leader: { id: people[0]!.id }, coDepartments: [{ id: departments[1]!.id }] });
      expect(measure.path.category.id).toBe(category.id);

      expect((await send('DELETE', `/api/categories/${category.id}`)).statusCode).toBe(409);
      const hasChildren = json<{ error: { code: string; details: { measures: number } } }>(await send('DELETE', `/api/problems/${problem.id}`));
      expect(hasChildren.error).toMatchObject({ code: 'HAS_CHILDREN', details: { measures: 1, manifestations: 1 } });

      const renamed = await send('PATCH', `/api/problems/${problem.id}`, { version: problem.version, title: '改名后的问题' });
      expect(json<{ title: string; version: number }>(renamed)).toMatchObject({ title: '改名后的问题', version: 1 });
      expect((await send('PATCH', `/api/problems/${problem.id}`, { version: 0, title: '过期' })).statusCode).toBe(409);

      expect((await send('DELETE', `/api/measures/${measure.id}?version=99`)).statusCode).toBe(409);
      expect((await send('DELETE', `/api/measures/${measure.id}`)).statusCode).toBe(200);
      expect((await get(`/api/measures/${measure.id}`)).statusCode).toBe(404);
      expect((await send('DELETE', `/api/manifestations/${manifestation.id}`)).statusCode).toBe(200);
      expect((await send('DELETE', `/api/problems/${problem.id}`)).statusCode).toBe(200);
      expect((await send('DELETE', `/api/categories/${category.id}`)).statusCode).toBe(200);
      expect((await summary()).totals).toMatchObject({ categories: 5, measures: 47 });
    });

    it('manages people and departments, refusing to delete those who still own measures', async () => {
      const [org] = json<{ id: number }[]>(await get('/api/organizations')).filter((o) => o);
      const units = json<{ id: number; name: string }[]>(await get('/api/organizations'));
      const unit = units.find((u) => u.name === '城中区文化体育广电和旅游局')!;
      expect(org).toBeTruthy();
      const dept = json<{ id: number; version: number }>(await send('POST', '/api/departments', { organizationId: unit.id, name: '法规股' }));
      expect((await send('POST', '/api/departments', { organizationId: unit.id, name: '法规股' })).statusCode).toBe(409);
      const person = json<{ id: number; version: number; department: { id: number } }>(
        await send('POST', '/api/people', { organizationId: unit.id, name: '王五', title: '股长', departmentId: dept.id }),
      );
      expect(person.department.id).toBe(dept.id);
      const moved = json<{ title: string }>(await send('PATCH', `/api/people/${person.id}`, { version: person.version, title: '副股长' }));
      expect(moved.title).toBe('副股长');
      expect((await send('DELETE', `/api/departments/${dept.id}`)).statusCode).toBe(409); // 王五 works there
      expect((await send('DELETE', `/api/people/${person.id}`)).statusCode).toBe(200);
      expect((await send('DELETE', `/api/departments/${dept.id}`)).statusCode).toBe(200);

      const leader = (await summary()).byLeader[0]!;
      const refused = await send('DELETE', `/api/people/${leader.leaderId}`);
      expect(json<{ error: { code: string } }>(refused).error.code).toBe('IN_USE');
    });

    it('returns the regulations, meetings and leading group the report counts', async () => {
      const records = json<{ regulations: { title: string }[]; meetings: { type: string }[]; leadingGroup: { role: string }[] }>(
        await get(`/api/rounds/${roundId}/records`),
      );
      expect(records.regulations).toHaveLength(9);
      expect(records.regulations.map((r) => r.title)).toContain('《城中区文化体育广电和旅游局三方询价暂行规定》');
      const byType = (t: string) => records.meetings.filter((m) => m.type === t).length;
      expect([byType('leadership'), byType('special'), byType('org_life')]).toEqual([3, 3, 1]);
      expect(records.leadingGroup.filter((g) => g.role === 'head')).toHaveLength(1);
    });

    it('publishes an OpenAPI document of every route', async () => {
      const doc = json<{ openapi: string; paths: Record<string, unknown> }>(await get('/api/openapi.json'));
      expect(doc.openapi).toMatch(/^3\./);
      for (const path of ['/api/rounds', '/api/rounds/{id}/tree', '/api/rounds/{id}/summary', '/api/measures', '/api/measures/{id}', '/api/categories', '/api/people']) {
        expect(doc.paths).toHaveProperty([path]);
      }
      expect((await get('/api/docs')).statusCode).toBeLessThan(400);
    });

    it('kept the denormalised roundId of every problem and measure created above equal to its category\'s', async () => {
      expect(await api.db.measure.count()).toBeGreaterThan(30);
      expect(await roundIdMismatches(api.db)).toBe(0);
    });
  });
}
