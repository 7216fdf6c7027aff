import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { LedgerImportPlan, Meeting, Regulation, RoundRecords } from '@rectify/domain';
import { startApi, type TestApi, type TestDatabase } from './harness.js';
import { files, json, multipart, otherUnit, type OtherUnit } from './fixtures.js';

/** 建章立制 and 会议 (issue 8): edited per round by the office, with a file each, counted by the report from the rows. */
export function registersSuite(label: string, makeDatabase: () => Promise<TestDatabase | null>) {
  describe(`registers on ${label}`, () => {
    let api: TestApi;
    let other: OtherUnit;
    let measureId: number;

    beforeAll(async () => {
      const db = await makeDatabase();
      if (!db) return;
      api = await startApi(db);
      other = await otherUnit(api, '城中区登记测试单位');
      const m = await api.db.measure.findFirstOrThrow({ where: { roundId: api.roundId }, orderBy: { id: 'asc' } });
      measureId = m.id;
    });
    afterAll(async () => {
      await api?.close();
    });

    const office = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => api.as('office', { method, url, payload: payload as object });
    const error = (res: { body: string }) => json<{ error: { code: string; details: unknown } }>(res).error;

    it('adds, lists, edits and removes a regulation with its fields and linked measures, audited and versioned', async () => {
      const created = await office('POST', `/api/rounds/${api.roundId}/regulations`, {
        title: '《城中区文化体育广电和旅游局公务接待管理办法》',
        documentNumber: '城文体广旅发〔2023〕12号',
        issuedDate: '2023-05-06',
        issuingUnit: '  城中区文化体育广电和旅游局 ',
        measureIds: [measureId, measureId],
      });
      expect(created.statusCode).toBe(201);
      const r = json<Regulation>(created);
      expect(r).toMatchObject({ roundId: api.roundId, documentNumber: '城文体广旅发〔2023〕12号', issuedDate: '2023-05-06', issuingUnit: '城中区文化体育广电和旅游局', measureIds: [measureId], file: null, version: 0 });

      const list = json<Regulation[]>(await office('GET', `/api/rounds/${api.roundId}/regulations`));
      expect(list.map((x) => x.id)).toContain(r.id);
      // The measure page names it.
      const measure = json<{ regulations: { id: number }[] }>(await office('GET', `/api/measures/${measureId}`));
      expect(measure.regulations.map((x) => x.id)).toContain(r.id);

      const updated = json<Regulation>(await office('PATCH', `/api/regulations/${r.id}`, { version: 0, documentNumber: null, measureIds: [] }));
      expect(updated).toMatchObject({ documentNumber: null, measureIds: [], version: 1 });
      const stale = await office('PATCH', `/api/regulations/${r.id}`, { version: 0, title: '旧版本' });
      expect(stale.statusCode).toBe(409);
      expect(error(stale).code).toBe('VERSION_CONFLICT');

      const history = json<{ items: { action: string; changes: Record<string, { before: unknown; after: unknown }> }[] }>(await office('GET', `/api/audit?entity=regulation&id=${r.id}`));
      expect(history.items.map((i) => i.action)).toEqual(['update', 'create']);
      expect(history.items[0]!.changes).toMatchObject({ documentNumber: { before: '城文体广旅发〔2023〕12号', after: null }, measureIds: { before: [measureId], after: [] } });

      expect((await office('DELETE', `/api/regulations/${r.id}?version=0`)).statusCode).toBe(409);
      expect((await office('DELETE', `/api/regulations/${r.id}?version=1`)).statusCode).toBe(200);
      expect((await office('GET', `/api/regulations/${r.id}`)).statusCode).toBe(404);
      expect(await api.db.regulationMeasure.count({ where: { regulationId: r.id } })).toBe(0);
    });

    it('refuses bad input with a clear 4xx: an impossible date, another round’s or unit’s measure, an unknown meeting type, an empty title', async () => {
      const bad = await office('POST', `/api/rounds/${api.roundId}/regulations`, { title: '《制度》', issuedDate: '2023-02-30' });
      expect(bad.statusCode).toBe(400);
      expect(error(bad).code).toBe('VALIDATION_FAILED');
      const foreign = await office('POST', `/api/rounds/${api.roundId}/regulations`, { title: '《制度》', measureIds: [other.ids.measure] });
      expect(foreign.statusCode).toBe(400);
      expect(error(foreign)).toMatchObject({ code: 'INVALID_REFERENCE', details: { field: 'measureIds', id: other.ids.measure } });
      // admin sees every unit: the measure exists but is not this round's.
      const otherRound = await api.as('admin', { method: 'POST', url: `/api/rounds/${api.roundId}/regulations`, payload: { title: '《制度》', measureIds: [other.ids.measure!] } });
      expect(otherRound.statusCode).toBe(400);
      expect(error(otherRound).code).toBe('INVALID_REFERENCE');
      expect((await office('POST', `/api/rounds/${api.roundId}/meetings`, { type: 'tea_party', topic: '茶话会' })).statusCode).toBe(400);
      expect((await office('POST', `/api/rounds/${api.roundId}/meetings`, { type: 'special', topic: '' })).statusCode).toBe(400);
      expect((await office('POST', `/api/rounds/${other.ids.round}/meetings`, { type: 'special', topic: '越权' })).statusCode).toBe(404);
      expect((await office('GET', `/api/rounds/${other.ids.round}/regulations`)).statusCode).toBe(404);
      expect((await office('GET', `/api/meetings/${other.ids.meeting}/file`)).statusCode).toBe(404);
      expect((await api.as('supervisor', { method: 'GET', url: `/api/meetings/${other.ids.meeting}/file` })).statusCode).toBe(200);
    });

    it('keeps a meeting’s minutes and a rule’s document in the evidence store: checked by content, downloaded by name, removed on request', async () => {
      const m = json<Meeting>(await office('POST', `/api/rounds/${api.roundId}/meetings`, { type: 'democratic_life', date: '2023-06-20', topic: '巡察整改专题民主生活会', attendees: '局党组书记、班子成员' }));
      expect(m).toMatchObject({ type: 'democratic_life', attendees: '局党组书记、班子成员', file: null });
      const exe = await api.as('office', { method: 'POST', url: `/api/meetings/${m.id}/file?version=${m.version}`, ...multipart('纪要.pdf', files.exe()) });
      expect(exe.statusCode).toBe(415);
      const noVersion = await api.as('office', { method: 'POST', url: `/api/meetings/${m.id}/file`, ...multipart('纪要.pdf', files.pdf()) });
      expect(noVersion.statusCode).toBe(400);
      const up = await api.as('office', { method: 'POST', url: `/api/meetings/${m.id}/file?version=${m.version}`, ...multipart('民主生活会纪要.pdf', files.pdf()) });
      expect(up.statusCode).toBe(200);
      const withFile = json<Meeting>(up);
      expect(withFile.file).toEqual({ fileName: '民主生活会纪要.pdf', mimeType: 'application/pdf', size: files.pdf().length });
      expect(withFile.version).toBe(m.version + 1);
      const again = await api.as('office', { method: 'POST', url: `/api/meetings/${m.id}/file?version=${m.version}`, ...multipart('b.pdf', files.pdf()) });
      expect(again.statusCode).toBe(409);

      const download = await api.as('inspector', { method: 'GET', url: `/api/meetings/${m.id}/file` });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(files.pdf())).toBe(true);
      expect(download.headers['content-disposition']).toContain(encodeURIComponent('民主生活会纪要.pdf'));

      const removed = json<Meeting>(await office('PATCH', `/api/meetings/${m.id}`, { version: withFile.version, removeFile: true }));
      expect(removed.file).toBeNull();
      expect((await office('GET', `/api/meetings/${m.id}/file`)).statusCode).toBe(404);
    });

    it('fills the registers from an imported text: each rule it names, each meeting it counts (by type), audited', async () => {
      const text = ['一、巡察整改工作开展情况', '先后召开党组会2次、民主生活会1次，制定《公务用车管理办法》。', '二、整改落实情况', '（一）党的建设方面', '1.学习不深入', '一是修订学习计划。'].join('\n');
      const preview = json<{ declared: { meetings?: { type: string; count: number }[] }; regulations: string[] }>(await office('POST', '/api/import/text/preview', { text }));
      expect(preview.declared.meetings).toEqual([{ type: 'party_group', count: 2 }, { type: 'democratic_life', count: 1 }]);
      expect(preview.regulations).toEqual(['《公务用车管理办法》']);
      const created = await office('POST', '/api/import/text', {
        round: { committee: '中共城中区委员会', roundName: '第五轮', groupName: '第一巡察组', inspectedUnit: '城中区文化体育广电和旅游局' },
        categories: [{ title: '党的建设方面', problems: [{ title: '学习不深入', measures: ['修订学习计划'] }] }],
        regulations: preview.regulations,
        meetings: preview.declared.meetings,
      });
      expect(created.statusCode, created.body).toBe(201);
      const roundId = json<{ id: number }>(created).id;
      const records = json<RoundRecords>(await office('GET', `/api/rounds/${roundId}/records`));
      expect(records.regulations.map((r) => r.title)).toEqual(['《公务用车管理办法》']);
      expect(records.meetings.map((m) => [m.type, m.topic, m.date])).toEqual([
        ['party_group', '党组会', null],
        ['party_group', '党组会', null],
        ['democratic_life', '民主生活会', null],
      ]);
      const html = (await office('GET', `/api/rounds/${roundId}/report.html`)).body;
      expect(html).toContain('先后召开党组会2次，民主生活会1次');
      expect(await api.db.auditLog.count({ where: { entity: 'meeting', action: 'create', entityId: { in: records.meetings.map((m) => m.id) } } })).toBe(3);
      expect(await api.db.auditLog.count({ where: { entity: 'regulation', action: 'create', entityId: records.regulations[0]!.id } })).toBe(1);
      const tooMany = await office('POST', '/api/import/text', {
        round: { committee: '中共城中区委员会', roundName: '第六轮', groupName: '第一巡察组', inspectedUnit: '城中区文化体育广电和旅游局' },
        categories: [{ title: '方面', problems: [{ title: '问题', measures: ['措施'] }] }],
        meetings: [{ type: 'special', count: 1000 }],
      });
      expect(tooMany.statusCode).toBe(400);
    });

    it('keeps the leading group: people of the round’s unit only, once each, roles changed with the version read, and the report names its head', async () => {
      const round = json<{ id: number; inspectedUnit: { id: number } }>(await office('GET', `/api/rounds/${api.roundId}`));
      const person = json<{ id: number }>(await office('POST', '/api/people', { organizationId: round.inspectedUnit.id, name: '韦组长', title: '党组书记、局长' }));
      const roundId = json<{ id: number }>(await office('POST', '/api/rounds', { committee: '中共城中区委员会', roundName: '第七轮', groupName: '第一巡察组', inspectedUnitId: round.inspectedUnit.id })).id;
      const added = await office('POST', `/api/rounds/${roundId}/leading-group`, { personId: person.id, role: 'deputy' });
      expect(added.statusCode).toBe(201);
      const member = json<{ id: number; role: string; version: number; person: { name: string } }>(added);
      expect(member).toMatchObject({ role: 'deputy', version: 0, person: { name: '韦组长' } });
      const again = await office('POST', `/api/rounds/${roundId}/leading-group`, { personId: person.id, role: 'member' });
      expect(again.statusCode).toBe(409);
      expect(error(again).code).toBe('DUPLICATE');
      const foreign = await office('POST', `/api/rounds/${roundId}/leading-group`, { personId: 999_999, role: 'member' });
      expect(foreign.statusCode).toBe(400);
      const otherPerson = await api.db.person.findFirstOrThrow({ where: { organizationId: other.organizationId } });
      const admin = await api.as('admin', { method: 'POST', url: `/api/rounds/${roundId}/leading-group`, payload: { personId: otherPerson.id, role: 'member' } });
      expect(admin.statusCode).toBe(400);
      expect(error(admin)).toMatchObject({ code: 'INVALID_REFERENCE', details: { field: 'personId' } });

      const head = json<{ role: string; version: number }>(await office('PATCH', `/api/leading-group/${member.id}`, { version: 0, role: 'head' }));
      expect(head).toMatchObject({ role: 'head', version: 1 });
      expect((await office('PATCH', `/api/leading-group/${member.id}`, { version: 0, role: 'member' })).statusCode).toBe(409);
      const records = json<RoundRecords>(await office('GET', `/api/rounds/${roundId}/records`));
      expect(records.leadingGroup.map((g) => [g.person.name, g.role])).toEqual([['韦组长', 'head']]);
      const html = (await office('GET', `/api/rounds/${roundId}/report.html`)).body;
      expect(html).toContain('以党组书记、局长为组长');
      const history = json<{ items: { action: string }[] }>(await office('GET', `/api/audit?entity=leading_group_member&id=${member.id}`));
      expect(history.items.map((i) => i.action)).toEqual(['update', 'create']);
      expect((await office('DELETE', `/api/leading-group/${member.id}?version=1`)).statusCode).toBe(200);
      expect(json<RoundRecords>(await office('GET', `/api/rounds/${roundId}/records`)).leadingGroup).toEqual([]);
    });

    it('fills the registers from an imported ledger: each rule the progress text names, once, linked to its measures', async () => {
      const round = json<{ inspectedUnit: { id: number } }>(await office('GET', `/api/rounds/${api.roundId}`));
      const roundId = json<{ id: number }>(await office('POST', '/api/rounds', { committee: '中共城中区委员会', roundName: '第八轮', groupName: '第二巡察组', inspectedUnitId: round.inspectedUnit.id })).id;
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('整改台账');
      sheet.addRow(['序号', '方面', '具体问题', '整改措施', '完成时限', '整改状态', '整改进展及成效']);
      sheet.addRow([1, '作风建设方面', '公务接待不规范', '规范公务接待', '2023-06-30', '已完成', '已制定印发《公务接待管理办法》并组织学习。']);
      sheet.addRow([2, '作风建设方面', '公务接待不规范', '开展专项检查', '2023-07-31', '整改中', '对照《公务接待管理办法》开展检查，同时修订《财务报销制度》。']);
      sheet.addRow([3, '作风建设方面', '会风不实', '精简会议', '2023-07-31', '整改中', '已压缩会议数量。']);
      const bytes = Buffer.from(await book.xlsx.writeBuffer());
      // The preview says which rules each row names and which the import will register.
      const preview = async () =>
        json<LedgerImportPlan>(await api.as('office', { method: 'POST', url: `/api/rounds/${roundId}/ledger/import/preview`, payload: bytes, headers: { 'content-type': 'application/octet-stream' } }));
      const before = await preview();
      expect(before.counts.regulationsCreated).toEqual(['《公务接待管理办法》', '《财务报销制度》']);
      expect(before.categories[0]!.problems[0]!.measures[1]!.regulations).toEqual([{ name: '《公务接待管理办法》', exists: false }, { name: '《财务报销制度》', exists: false }]);
      expect(before.categories[0]!.problems[1]!.measures[0]!.regulations).toEqual([]);
      const res = await api.as('office', { method: 'POST', url: `/api/rounds/${roundId}/ledger/import`, payload: bytes, headers: { 'content-type': 'application/octet-stream' } });
      expect(res.statusCode, res.body).toBe(200);
      const records = json<RoundRecords>(await office('GET', `/api/rounds/${roundId}/records`));
      const measures = await api.db.measure.findMany({ where: { roundId }, orderBy: { id: 'asc' }, select: { id: true, text: true } });
      const idOf = (text: string) => measures.find((m) => m.text === text)!.id;
      expect(records.regulations.map((r) => [r.title, r.measureIds])).toEqual([
        ['《公务接待管理办法》', [idOf('规范公务接待'), idOf('开展专项检查')]],
        ['《财务报销制度》', [idOf('开展专项检查')]],
      ]);
      // Importing the same ledger again adds nothing, and its preview says so.
      const again = await preview();
      expect(again.counts.regulationsCreated).toEqual([]);
      expect(again.categories[0]!.problems[0]!.measures[0]!.regulations).toEqual([{ name: '《公务接待管理办法》', exists: true }]);
      expect((await api.as('office', { method: 'POST', url: `/api/rounds/${roundId}/ledger/import`, payload: bytes, headers: { 'content-type': 'application/octet-stream' } })).statusCode).toBe(200);
      expect(json<RoundRecords>(await office('GET', `/api/rounds/${roundId}/records`)).regulations).toHaveLength(2);
      expect(await api.db.auditLog.count({ where: { entity: 'regulation', action: 'create', entityId: { in: records.regulations.map((r) => r.id) } } })).toBe(2);
    });

    it('feeds the records, the dashboard and the report from the rows: a new type is counted under its own label', async () => {
      const before = json<RoundRecords>(await office('GET', `/api/rounds/${api.roundId}/records`));
      const m = json<Meeting>(await office('POST', `/api/rounds/${api.roundId}/meetings`, { type: 'party_group', date: '2023-04-02', topic: '党组会研究整改方案' }));
      const after = json<RoundRecords>(await office('GET', `/api/rounds/${api.roundId}/records`));
      expect(after.meetings).toHaveLength(before.meetings.length + 1);
      expect(after.meetings.find((x) => x.id === m.id)).toMatchObject({ type: 'party_group', topic: '党组会研究整改方案' });
      const partyGroups = after.meetings.filter((x) => x.type === 'party_group').length;
      const html = (await office('GET', `/api/rounds/${api.roundId}/report.html`)).body;
      expect(html).toContain(`党组会${partyGroups}次`);
      const regulations = after.regulations.length;
      expect(html).toContain(`${regulations}项制度（办法）`);

      // The leader and the inspection team read the registers but may not change them.
      expect((await api.as('leader', { method: 'GET', url: `/api/rounds/${api.roundId}/meetings` })).statusCode).toBe(200);
      expect((await api.as('inspector', { method: 'PATCH', url: `/api/meetings/${m.id}`, payload: { version: m.version, topic: 'x' } })).statusCode).toBe(403);
    });
  });
}
