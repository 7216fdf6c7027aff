import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReportText } from '@rectify/documents';
import type { LedgerImportPlan, MeasurePage, RoundSummary, RoundTree, RoundWithTotals, TextImportPreviewResult } from '@rectify/domain';
import { roundIdMismatches, startApi, type TestApi, type TestDatabase } from './harness.js';

const referencePath = resolve(import.meta.dirname, '../../../../shared/reference/000_3115509a2bee097f.txt');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The documents the inspection team receives, and the imports that read real documents back. */
export function documentsSuite(label: string, makeDatabase: () => Promise<TestDatabase | null>) {
  describe(`ledger, report and imports on ${label}`, () => {
    let api: TestApi;
    let roundId: number;
    const printed: string[] = [];
    const json = <T>(res: { body: string }) => JSON.parse(res.body) as T;
    const get = (url: string) => api.request({ method: 'GET', url });
    const upload = (url: string, bytes: Buffer, type = XLSX) => api.request({ method: 'POST', url, headers: { 'content-type': type }, payload: bytes });
    const treeOf = async (id: number) => json<RoundTree>(await get(`/api/rounds/${id}/tree`));
    const docxText = async (bytes: Buffer) => (await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    const shape = (tree: RoundTree) =>
      tree.categories.map((c) => ({
        title: c.title,
        problems: c.problems.map((p) => ({
          title: p.title,
          manifestations: p.manifestations.map((m) => m.text),
          measures: p.measures.map((m) => ({ text: m.text, status: m.status, deadline: m.deadline, leader: m.leader?.name ?? null, department: m.leadDepartment?.name ?? null })),
        })),
      }));

    beforeAll(async () => {
      const database = await makeDatabase();
      if (!database) return;
      api = await startApi(database, {
        printer: { available: () => true, print: async (html) => (printed.push(html), Buffer.from('%PDF-1.7 test')) },
      });
      roundId = api.roundId;
    });
    afterAll(async () => {
      await api?.close();
    });

    it('exports the ledger as xlsx: headers, merges, frozen header, filter, overdue highlight, statistics', async () => {
      const res = await get(`/api/rounds/${roundId}/ledger.xlsx`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.getWorksheet('整改台账')!;
      const header = (sheet.getRow(2).values as unknown[]).slice(1);
      expect(header).toEqual(['序号', '方面', '具体问题', '具体表现', '整改措施', '责任领导', '牵头科室', '配合科室', '完成时限', '整改状态', '完成时间', '整改进展及成效', '佐证材料', '是否逾期', '预警等级', '原定时限', '调整后时限', '延期原因', '报送周期', '最近报送日期']);
      expect(sheet.rowCount).toBe(2 + 47);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(sheet.autoFilter).toBeTruthy();
      const merges = (sheet.model as unknown as { merges: string[] }).merges;
      expect(merges.some((m) => /^B3:B\d+$/.test(m))).toBe(true); // category 一 over its measures
      const overdueRows = [];
      for (let r = 3; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(14).value === '是') overdueRows.push(r);
      expect(overdueRows).toHaveLength(1);
      const fill = sheet.getRow(overdueRows[0]!).getCell(5).fill as { fgColor?: { argb?: string } };
      expect(fill.fgColor?.argb).toBeTruthy();
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
      const stats = book.getWorksheet('统计')!;
      const total = stats.getRow(stats.rowCount).values as unknown[];
      expect(total).toEqual(expect.arrayContaining([47, 46]));
    });

    it('applies the measure list filters to the export, and gives CSV and JSON of the same rows', async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await get(`/api/rounds/${roundId}/ledger.xlsx?overdue=true`)).rawPayload as unknown as ArrayBuffer);
      expect(book.getWorksheet('整改台账')!.rowCount).toBe(3);
      const csv = (await get(`/api/rounds/${roundId}/ledger.csv?status=closed`)).body;
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv.trim().split('\n').length).toBeGreaterThan(46);
      const data = json<{ rows: { measure: string; overdue: boolean }[] }>(await get(`/api/rounds/${roundId}/ledger.json?overdue=true`));
      expect(data.rows).toHaveLength(1);
      expect(data.rows[0]!.measure).toContain('室外健身器材配建管理办法');
      expect((await get('/api/rounds/9999/ledger.xlsx')).statusCode).toBe(404);
    });

    it('writes the report as .docx with the computed counts, and they follow the data', async () => {
      const res = await get(`/api/rounds/${roundId}/report.docx`);
      expect(res.statusCode).toBe(200);
      const text = await docxText(res.rawPayload);
      expect(text).toContain('关于中共城中区十一届委员会第三轮巡察');
      expect(text).toContain('第一巡察组巡察反馈意见整改情况的通报');
      expect(text).toContain('14个具体问题39个具体表现');
      expect(text).toContain('列出47项具体整改措施');
      expect(text).toContain('已完成整改46项，剩余1项');
      expect(text).toContain('（五）紧盯“一把手”履行第一责任人职责和廉洁自律情况方面');
      expect(text).toContain('2023年8月18日');
      const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
      expect(xml).toContain('仿宋_GB2312');

      const page = json<MeasurePage>(await get(`/api/measures?roundId=${roundId}&status=closed&limit=1`));
      const m = page.items[0]!;
      // A closed measure is locked against edits: it goes back to in progress through the office's reopen.
      const reopened = await api.request({ method: 'POST', url: `/api/measures/${m.id}/reopen`, payload: { reason: '测试：重新打开' } });
      expect(reopened.statusCode).toBe(200);
      expect(await docxText((await get(`/api/rounds/${roundId}/report.docx`)).rawPayload)).toContain('已完成整改45项，剩余2项');
      const back = await api.request({ method: 'PATCH', url: `/api/measures/${m.id}`, payload: { version: m.version + 1, status: 'closed' } });
      expect(back.statusCode).toBe(200);
    });

    it('gives the same report as a printable page and as PDF', async () => {
      const html = (await get(`/api/rounds/${roundId}/report.html`)).body;
      expect(html).toContain('<!DOCTYPE html>');
      expect(html).toContain('已完成整改46项');
      const pdf = await get(`/api/rounds/${roundId}/report.pdf`);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(printed.at(-1)).toBe(html); // the PDF is printed from exactly the page
    });

    it('stores the editable parts per round, with the version read', async () => {
      const texts = json<{ version: number; contact: string | null }>(await get(`/api/rounds/${roundId}/report-texts`));
      const saved = await api.request({ method: 'PATCH', url: `/api/rounds/${roundId}/report-texts`, payload: { version: texts.version, contact: '联系方式：电话1234567。' } });
      expect(saved.statusCode).toBe(200);
      expect(await docxText((await get(`/api/rounds/${roundId}/report.docx`)).rawPayload)).toContain('联系方式：电话1234567。');
      const stale = await api.request({ method: 'PATCH', url: `/api/rounds/${roundId}/report-texts`, payload: { version: texts.version, contact: '覆盖' } });
      expect(stale.statusCode).toBe(409);
      expect(json<{ contact: string }>(await get(`/api/rounds/${roundId}/report-texts`)).contact).toBe('联系方式：电话1234567。');
      const history = json<{ items: { action: string; changes: Record<string, { after: unknown }> }[] }>(await get(`/api/audit?entity=round&id=${roundId}`));
      expect(history.items.some((e) => e.action === 'update' && e.changes.reportContact?.after === '联系方式：电话1234567。')).toBe(true);
    });

    it('round-trips the ledger: importing an export into an empty round reproduces it', async () => {
      const exported = (await get(`/api/rounds/${roundId}/ledger.xlsx`)).rawPayload;
      const preview = json<LedgerImportPlan>(await upload(`/api/rounds/${roundId}/ledger/import/preview`, exported));
      // Into its own round: the 46 closed measures are locked and stay as they are; the open one updates.
      expect(preview.counts).toMatchObject({ categories: 0, problems: 0, measuresCreated: 0, measuresUpdated: 1, measuresLocked: 46, closuresHeld: 0 });
      expect(preview.statusesVerified).toBe(false);
      expect(preview.errors).toEqual([]);
      const rows = preview.categories.flatMap((c) => c.problems.flatMap((p) => p.measures));
      const open = rows.find((m) => m.action === 'update')!;
      // Every value it would write, and what the sheet's words said about the status.
      expect(open.values).toMatchObject({ status: 'in_progress', deadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as string, kind: expect.any(String) as string });
      expect(open.values.leader).toEqual({ name: expect.any(String) as string, exists: true });
      expect(open.statusRead).toMatchObject({ status: 'in_progress', source: 'status' });
      expect(rows.filter((m) => m.action === 'locked').every((m) => m.held === 'locked')).toBe(true);
      // Its own export changes nothing, and the preview says so field by field.
      expect(open.changes).toEqual([]);
      const edited = new ExcelJS.Workbook();
      await edited.xlsx.load(exported as unknown as ArrayBuffer);
      const sheet = edited.worksheets[0]!;
      let deadlineColumn = 0; // the column the importer read the deadline from, found by its header
      sheet.eachRow((row, n) => row.eachCell((cell, col) => void (n < open.rowNumber && cell.text === preview.columns.deadline && (deadlineColumn = col))));
      expect(deadlineColumn).toBeGreaterThan(0);
      sheet.getRow(open.rowNumber).getCell(deadlineColumn).value = '2031-12-31';
      const changed = json<LedgerImportPlan>(await upload(`/api/rounds/${roundId}/ledger/import/preview`, Buffer.from(await edited.xlsx.writeBuffer())));
      const openChanged = changed.categories.flatMap((c) => c.problems.flatMap((p) => p.measures)).find((m) => m.rowNumber === open.rowNumber)!;
      expect(openChanged.changes).toEqual([{ field: 'deadline', from: open.values.deadline }]);
      expect(openChanged.values.deadline).toBe('2031-12-31');

      const source = await treeOf(roundId);
      const created = await api.request({ method: 'POST', url: '/api/rounds', payload: { committee: '中共测试委员会', roundName: '第一轮', groupName: '第二巡察组', inspectedUnitId: source.round.inspectedUnit.id } });
      const target = json<RoundWithTotals>(created).id;
      const fresh = json<LedgerImportPlan>(await upload(`/api/rounds/${target}/ledger/import/preview`, exported));
      expect(fresh.counts).toMatchObject({ categories: 5, problems: 14, manifestations: 39, measuresCreated: 47 });
      expect((await get(`/api/rounds/${target}/summary`)).body).toContain('"measures":0'); // preview wrote nothing
      // Unticked, the sheet's closures would wait for 对账销号: nothing would be written as closed.
      expect(fresh.counts).toMatchObject({ closuresHeld: 46 });
      const heldRow = fresh.categories[0]!.problems[0]!.measures[0]!;
      expect(heldRow).toMatchObject({ action: 'create', held: 'needs_verification', statusRead: { status: 'closed' }, values: { status: 'in_progress', completedDate: null } });
      // Ticked "import statuses as verified": the round is reproduced, closures included, and audited so.
      const verifiedPlan = json<LedgerImportPlan>(await upload(`/api/rounds/${target}/ledger/import/preview?statusesVerified=true`, exported));
      expect(verifiedPlan.counts).toMatchObject({ closuresHeld: 0, measuresCreated: 47 });
      expect(verifiedPlan.categories[0]!.problems[0]!.measures[0]!.values).toMatchObject({ status: 'closed', completedDate: expect.any(String) as string });
      const applied = await upload(`/api/rounds/${target}/ledger/import?statusesVerified=true`, exported);
      expect(applied.statusCode).toBe(200);
      expect(shape(await treeOf(target))).toEqual(shape(source));
      expect(json<RoundSummary>(await get(`/api/rounds/${target}/summary`)).totals).toMatchObject({ measures: 47, closed: 46, overdue: 1 });
      const history = json<{ items: { action: string; actor: { username: string } | null; changes: Record<string, { after: unknown }> }[] }>(await get(`/api/audit?entity=round&id=${target}`));
      const imported = history.items.find((e) => e.action === 'import');
      expect(imported?.actor?.username).toBe('office');
      expect(imported?.changes.ledger?.after).toMatchObject({ measuresCreated: 47, statusesVerified: true });
      // Each row it wrote has its own record too.
      const aMeasure = (await treeOf(target)).categories[0]!.problems[0]!.measures[0]!;
      const measureHistory = json<{ action: string; actor: { username: string } | null; changes: Record<string, unknown> }[]>(await get(`/api/measures/${aMeasure.id}/history`));
      expect(measureHistory).toContainEqual(expect.objectContaining({ action: 'create', actor: expect.objectContaining({ username: 'office' }) }));
      expect(await api.db.auditLog.count({ where: { entity: 'measure', action: 'create', actorName: 'office', measureId: { in: (await treeOf(target)).categories.flatMap((c) => c.problems.flatMap((p) => p.measures.map((m) => m.id))) } } })).toBe(47);
    });

    it('never closes a measure from a ledger unless the office ticks the statuses as verified', async () => {
      const exported = (await get(`/api/rounds/${roundId}/ledger.xlsx`)).rawPayload;
      const source = await treeOf(roundId);
      const created = await api.request({ method: 'POST', url: '/api/rounds', payload: { committee: '中共测试委员会', roundName: '第二轮', groupName: '第三巡察组', inspectedUnitId: source.round.inspectedUnit.id } });
      const target = json<RoundWithTotals>(created).id;
      expect((await upload(`/api/rounds/${target}/ledger/import`, exported)).statusCode).toBe(200);
      expect(json<RoundSummary>(await get(`/api/rounds/${target}/summary`)).totals).toMatchObject({ measures: 47, closed: 0 });
      const history = json<{ items: { action: string; changes: Record<string, { after: unknown }> }[] }>(await get(`/api/audit?entity=round&id=${target}`));
      expect(history.items.find((e) => e.action === 'import')?.changes.ledger?.after).toMatchObject({ statusesVerified: false, closuresHeld: 46 });
      // The progress text came along; the closure is for the office to verify (申请销号 → 对账销号).
      const measures = (await treeOf(target)).categories.flatMap((c) => c.problems.flatMap((p) => p.measures));
      expect(measures.every((m) => m.status !== 'closed')).toBe(true);
    });

    it('refuses a broken or erroneous ledger with a clear 400 and imports nothing', async () => {
      const before = json<RoundSummary>(await get(`/api/rounds/${roundId}/summary`)).totals;
      const garbage = await upload(`/api/rounds/${roundId}/ledger/import`, Buffer.from('PK\u0003\u0004 definitely not a workbook'));
      expect(garbage.statusCode).toBe(400);
      expect(json<{ error: { code: string; message: string } }>(garbage).error).toMatchObject({ code: 'INVALID_FILE', message: expect.stringMatching(/Excel/) });
      expect((await upload(`/api/rounds/${roundId}/ledger/import/preview`, Buffer.alloc(0))).statusCode).toBe(400);

      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet('台账');
      ws.addRow(['问题类别', '问题描述', '整改措施', '分管领导', '整改时限']);
      ws.addRow(['新方面', '新问题', '措施甲', '张三', '2023年6月31日']);
      ws.addRow(['新方面', '新问题', '措施乙', '李四', '2023.7.15']);
      const bad = Buffer.from(await book.xlsx.writeBuffer());
      const preview = json<LedgerImportPlan>(await upload(`/api/rounds/${roundId}/ledger/import/preview`, bad));
      expect(preview.errors).toEqual([expect.objectContaining({ row: 2, column: '整改时限' })]);
      const refused = await upload(`/api/rounds/${roundId}/ledger/import`, bad);
      expect(refused.statusCode).toBe(400);
      expect(json<RoundSummary>(await get(`/api/rounds/${roundId}/summary`)).totals).toEqual(before);
      const people = json<{ items: { name: string }[] }>(await get('/api/people?limit=200')).items;
      expect(people.some((p) => p.name === '张三')).toBe(false);
    });

    it.skipIf(!existsSync(referencePath))('imports the reference report from text, and its report parses back to the same hierarchy', async () => {
      const text = readFileSync(referencePath, 'utf8');
      const preview = json<TextImportPreviewResult>(await api.request({ method: 'POST', url: '/api/import/text/preview', payload: { text } }));
      expect(preview.categories).toHaveLength(5);
      expect(preview.categories.flatMap((c) => c.problems)).toHaveLength(14);
      expect(preview.declared).toMatchObject({ problems: 14, manifestations: 39, measures: 47, closed: 46 });
      const r = preview.round;
      const created = await api.request({
        method: 'POST',
        url: '/api/import/text',
        payload: {
          round: { committee: r.committee, roundName: r.roundName, groupName: r.groupName, inspectedUnit: '城中区文化体育广电和旅游局（导入）', feedbackDate: r.feedbackDate, reportDate: r.reportDate, opening: r.opening, nextSteps: r.nextSteps, contact: r.contact },
          categories: preview.categories.map((c) => ({ title: c.title, problems: c.problems.map((p) => ({ title: p.title, measures: p.measures.map((m) => m.text) })) })),
          regulations: preview.regulations,
        },
      });
      expect(created.statusCode).toBe(201);
      const round = json<RoundWithTotals>(created);
      expect(await api.db.auditLog.count({ where: { entity: 'category', action: 'create', actorName: 'office', changes: { contains: `"roundId":{"before":null,"after":${round.id}}` } } })).toBe(5);
      expect(round.totals).toMatchObject({ categories: 5, problems: 14, measures: preview.categories.flatMap((c) => c.problems.flatMap((p) => p.measures)).length });

      const html = (await get(`/api/rounds/${round.id}/report.html`)).body;
      const reparsed = parseReportText(html.replace(/<[^>]+>/g, '\n').replace(/&[a-z#0-9]+;/g, (e) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" })[e] ?? e));
      expect(reparsed.categories.map((c) => c.title)).toEqual(preview.categories.map((c) => c.title));
      expect(reparsed.categories.map((c) => c.problems.map((p) => p.title))).toEqual(preview.categories.map((c) => c.problems.map((p) => p.title)));
      expect(reparsed.categories.map((c) => c.problems.map((p) => p.measures.length))).toEqual(preview.categories.map((c) => c.problems.map((p) => p.measures.length)));
    });

    it('gives the inspection team a read-only link: dashboard, tree and downloads, nothing else, until revoked or expired', async () => {
      const created = await api.request({ method: 'POST', url: `/api/rounds/${roundId}/share-links`, payload: { label: '区委第一巡察组', expiresOn: '2023-09-30' } });
      expect(created.statusCode).toBe(201);
      const link = json<{ id: number; token: string; path: string; state: string; createdBy: { username: string } }>(created);
      expect(link).toMatchObject({ state: 'active', createdBy: { username: 'office' }, path: `/share/${link.token}` });
      const anonymous = (url: string) => api.app.inject({ method: 'GET', url });

      const round = json<{ label: string; round: RoundWithTotals }>(await anonymous(`/api/share/${link.token}`));
      expect(round).toMatchObject({ label: '区委第一巡察组', round: { id: roundId, totals: { measures: 47 } } });
      expect(json<RoundSummary>(await anonymous(`/api/share/${link.token}/summary`)).totals.overdue).toBe(1);
      expect(json<RoundTree>(await anonymous(`/api/share/${link.token}/tree`)).categories).toHaveLength(5);
      const xlsx = await anonymous(`/api/share/${link.token}/ledger.xlsx`);
      expect([xlsx.statusCode, xlsx.rawPayload.subarray(0, 2).toString()]).toEqual([200, 'PK']);
      const docx = await anonymous(`/api/share/${link.token}/report.docx`);
      expect([docx.statusCode, docx.rawPayload.subarray(0, 2).toString()]).toEqual([200, 'PK']);
      // The token opens nothing else.
      expect((await anonymous(`/api/measures?roundId=${roundId}`)).statusCode).toBe(401);
      expect((await anonymous(`/api/rounds/${roundId}/tree?token=${link.token}`)).statusCode).toBe(401);

      const listed = json<{ id: number; state: string; createdBy: { username: string } }[]>(await get(`/api/rounds/${roundId}/share-links`));
      expect(listed.find((l) => l.id === link.id)).toMatchObject({ state: 'active', createdBy: { username: 'office' } });
      expect(JSON.stringify(listed)).not.toContain(link.token); // only its hash is kept

      const revoked = await api.request({ method: 'POST', url: `/api/share-links/${link.id}/revoke` });
      expect(json<{ state: string }>(revoked).state).toBe('revoked');
      const gone = await anonymous(`/api/share/${link.token}/summary`);
      expect(gone.statusCode).toBe(404);
      expect(json<{ error: { code: string } }>(gone).error.code).toBe('SHARE_LINK_INVALID');

      const expiring = json<{ id: number; token: string }>(await api.request({ method: 'POST', url: `/api/rounds/${roundId}/share-links`, payload: { label: '临时', expiresOn: '2023-08-18' } }));
      expect((await anonymous(`/api/share/${expiring.token}`)).statusCode).toBe(200);
      await api.db.shareLink.update({ where: { id: expiring.id }, data: { expiresAt: new Date('2023-08-17T00:00:00Z') } });
      expect((await anonymous(`/api/share/${expiring.token}`)).statusCode).toBe(404);
      expect((await anonymous('/api/share/not-a-real-token-at-all')).statusCode).toBe(404);
      expect((await api.request({ method: 'POST', url: `/api/rounds/${roundId}/share-links`, payload: { label: '过去', expiresOn: '2023-01-01' } })).statusCode).toBe(400);
    });

    it('reads an uploaded document and refuses what it cannot read', async () => {
      const txt = await upload('/api/import/document/preview?fileName=feedback.txt', Buffer.from('二、反馈意见整改落实情况\n（一）测试方面\n1.关于“某问题”问题的整改。\n一是措施一。二是措施二。\n'), 'application/octet-stream');
      expect(txt.statusCode).toBe(200);
      expect(json<TextImportPreviewResult>(txt).categories[0]!.problems[0]!.measures).toHaveLength(2);
      const broken = await upload('/api/import/document/preview?fileName=report.docx', Buffer.from('PK\u0003\u0004 broken'), 'application/octet-stream');
      expect(broken.statusCode).toBe(400);
      // A published PDF (printed from corpus text 09): its paragraphs come back whole.
      const pdf = readFileSync(resolve(import.meta.dirname, '../../../packages/documents/test/fixtures/text-import/street-report.pdf'));
      const fromPdf = await upload('/api/import/document/preview?fileName=report.pdf', pdf, 'application/pdf');
      expect(fromPdf.statusCode).toBe(200);
      const parsed = json<TextImportPreviewResult>(fromPdf);
      expect(parsed.categories.map((c) => c.problems.length)).toEqual([3, 3, 2]);
      expect(parsed.declared).toMatchObject({ problems: 8, measures: 18, closed: 18, accountable: 7, fundsRecovered: 5.37 });
      expect(parsed.categories[0]!.problems[0]!.measures[0]).toMatchObject({ ordinal: 1, line: expect.any(Number) as number });
      const badPdf = await upload('/api/import/document/preview?fileName=report.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64, 0x41)]), 'application/pdf');
      expect(badPdf.statusCode).toBe(400);
      expect(json<{ error: { code: string; message: string } }>(badPdf).error).toMatchObject({ code: 'INVALID_FILE' });
      expect((await api.request({ method: 'POST', url: '/api/import/text/preview', payload: { text: '' } })).statusCode).toBe(400);
      expect((await api.request({ method: 'POST', url: '/api/import/text', payload: { round: { committee: 'x' }, categories: [] } })).statusCode).toBe(400);
    });

    it('kept the denormalised roundId of every imported problem and measure equal to its category\'s', async () => {
      expect(await api.db.inspectionRound.count()).toBeGreaterThan(1);
      expect(await roundIdMismatches(api.db)).toBe(0);
    });
  });
}
