import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  InvalidLedgerFileError,
  LEDGER_COLUMNS,
  ledgerColumnNumber,
  ledgerCsv,
  matchHeader,
  parseLedgerXlsx,
  readCheckInCadence,
  readStatus,
  splitNames,
  validateLedgerFile,
  writeLedgerXlsx,
  type LedgerRow,
} from '../src/ledger/index.js';

const TODAY = '2023-08-18';

function row(p: Partial<LedgerRow> & Pick<LedgerRow, 'categoryOrdinal' | 'problemOrdinal' | 'measureOrdinal' | 'measure'>): LedgerRow {
  return {
    category: `类别${p.categoryOrdinal}方面`,
    problem: `问题${p.categoryOrdinal}-${p.problemOrdinal}`,
    manifestations: [],
    leader: null,
    leadDepartment: null,
    coDepartments: [],
    deadline: null,
    status: 'closed',
    completedDate: null,
    progressText: null,
    evidence: [],
    overdue: false,
    ...p,
  };
}

const SAMPLE: LedgerRow[] = [
  row({
    categoryOrdinal: 1,
    category: '聚焦贯彻落实全面从严治党战略部署情况方面',
    problemOrdinal: 1,
    problem: '工作作风不够严实',
    manifestations: ['调研走访不深入', '会议精神传达不及时'],
    measureOrdinal: 1,
    measure: '一是加强理论学习，每月开展一次集中学习。',
    leader: '张三',
    leadDepartment: '办公室',
    coDepartments: ['人事股', '财务股'],
    deadline: '2023-06-30',
    status: 'closed',
    completedDate: '2023-06-20',
    progressText: '已开展集中学习6次',
    evidence: ['学习记录.pdf', '签到表.jpg'],
  }),
  row({
    categoryOrdinal: 1,
    category: '聚焦贯彻落实全面从严治党战略部署情况方面',
    problemOrdinal: 1,
    problem: '工作作风不够严实',
    manifestations: ['调研走访不深入', '会议精神传达不及时'],
    measureOrdinal: 2,
    measure: '二是建立调研制度，领导班子每季度走访企业。',
    leader: '李四',
    leadDepartment: '业务办',
    deadline: '2023-05-31',
    status: 'in_progress',
    progressText: '联系企业25家，走访14家',
    overdue: true,
    warningLevel: 'overdue',
  }),
  row({
    categoryOrdinal: 1,
    category: '聚焦贯彻落实全面从严治党战略部署情况方面',
    problemOrdinal: 2,
    problem: '全民健身及文化服务存在不足',
    manifestations: ['健身器材损坏未及时维修'],
    measureOrdinal: 1,
    measure: '开展健身器材排查维修。',
    leader: '王五',
    leadDepartment: '体育股',
    deadline: '2023-07-31',
    status: 'pending_closure',
    progressText: '已完成55件健身器材的维修',
    evidence: ['维修台账.xlsx'],
  }),
  row({
    categoryOrdinal: 2,
    category: '聚焦落实巡察整改情况方面',
    problemOrdinal: 1,
    problem: '制度建设不健全',
    manifestations: [],
    measureOrdinal: 1,
    measure: '制定《三方询价暂行规定》。',
    leader: '张三',
    leadDepartment: '财务股',
    deadline: '2023-04-30',
    status: 'closed',
    completedDate: '2023-04-28',
  }),
  row({
    categoryOrdinal: 2,
    category: '聚焦落实巡察整改情况方面',
    problemOrdinal: 1,
    problem: '制度建设不健全',
    measureOrdinal: 2,
    measure: '建立健全内控制度，长期坚持。',
    leader: '张三',
    leadDepartment: '财务股',
    deadline: null,
    kind: 'long_term',
    status: 'in_progress',
  }),
  row({
    categoryOrdinal: 2,
    category: '聚焦落实巡察整改情况方面',
    problemOrdinal: 1,
    problem: '制度建设不健全',
    measureOrdinal: 3,
    measure: '梳理现有制度，废止过时制度。',
    leader: null,
    leadDepartment: '办公室',
    deadline: '2023-12-31',
    status: 'not_started',
  }),
];

async function exportToBuffer(rows: Iterable<LedgerRow> | AsyncIterable<LedgerRow>, title = '城中区文化体育广电和旅游局'): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeLedgerXlsx(rows, out, { title, today: TODAY });
  return Buffer.concat(chunks);
}

async function open(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('ledger columns', () => {
  it('match headers through synonyms, spaces and notes', () => {
    expect(matchHeader('问题类别')).toBe('category');
    expect(matchHeader('问题描述')).toBe('problem');
    expect(matchHeader('分管领导')).toBe('leader');
    expect(matchHeader('责任 部门')).toBe('leadDepartment');
    expect(matchHeader('整改时限\n（年月日）')).toBe('deadline');
    expect(matchHeader('完成时间')).toBe('completedDate');
    expect(matchHeader('整改措施及要求')).toBe('measure');
    expect(matchHeader('备注')).toBeNull();
  });

  it('split names on punctuation, and on spaces only between full names', () => {
    expect(splitNames('办公室、财务股')).toEqual(['办公室', '财务股']);
    expect(splitNames('办公室 财务股；人事股')).toEqual(['办公室', '财务股', '人事股']);
    expect(splitNames('张  三')).toEqual(['张三']);
  });
});

describe('writeLedgerXlsx', () => {
  it('writes a formatted ledger sheet and a statistics sheet', async () => {
    const buffer = await exportToBuffer(SAMPLE);
    expect(validateLedgerFile(buffer)).toBe(true);
    const wb = await open(buffer);
    const ws = wb.getWorksheet('整改台账')!;
    expect(ws).toBeDefined();

    expect(String(ws.getCell('A1').value)).toContain('城中区文化体育广电和旅游局整改台账');
    const headers = LEDGER_COLUMNS.map((_, i) => ws.getRow(2).getCell(i + 1).value);
    expect(headers).toEqual([
      '序号', '方面', '具体问题', '具体表现', '整改措施', '责任领导', '牵头科室', '配合科室',
      '完成时限', '整改状态', '完成时间', '整改进展及成效', '佐证材料', '是否逾期', '预警等级', '原定时限', '调整后时限', '延期原因', '报送周期', '最近报送日期',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe('A2:T8');

    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:T1', 'B3:B5', 'C3:C4', 'D3:D4', 'B6:B8', 'C6:C8', 'D6:D8']));
    expect(merges).not.toContain('C5:C5');

    // Running 序号, status labels, evidence, dates as text.
    expect([3, 4, 5, 6, 7, 8].map((r) => ws.getCell(`A${r}`).value)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ws.getCell('B3').value).toBe('（一）聚焦贯彻落实全面从严治党战略部署情况方面');
    expect(ws.getCell('C5').value).toBe('2.全民健身及文化服务存在不足');
    expect(ws.getCell('D3').value).toBe('1.调研走访不深入\n2.会议精神传达不及时');
    expect(ws.getCell('J3').value).toBe('已销号');
    expect(ws.getCell('J5').value).toBe('待销号');
    expect(ws.getCell('M3').value).toBe('2 件：学习记录.pdf、签到表.jpg');
    expect(ws.getCell('I3').value).toBe('2023-06-30');
    expect(ws.getCell('I7').value).toBe('长期坚持');
    expect(ws.getCell('H3').value).toBe('人事股、财务股');
    expect(ws.getCell('E3').alignment?.wrapText).toBe(true);
    expect(ws.getCell('E3').border?.top?.style).toBe('thin');

    // The overdue row (row 4) is filled light red, its 是否逾期 says 是 in red.
    const fill = ws.getCell('E4').fill as ExcelJS.FillPattern;
    expect(fill.pattern).toBe('solid');
    expect(fill.fgColor?.argb).toBe('FFFDE2E2');
    expect(ws.getCell('N4').value).toBe('是');
    expect(ws.getCell('N4').font?.color?.argb).toBe('FFC00000');
    expect((ws.getCell('E3').fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').not.toBe('solid');
    expect(ws.getCell('N3').value).toBe('否');
    // 预警等级 in its colour: red for the overdue row, blank where the caller gave no level.
    expect(ws.getCell('O4').value).toBe('红色预警（已逾期）');
    expect((ws.getCell('O4').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFF8CBCB');
    expect(ws.getCell('O3').value ?? '').toBe('');

    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe('2:2');

    const stats = wb.getWorksheet('统计')!;
    const statRows = [3, 4, 5].map((r) => (stats.getRow(r).values as unknown[]).slice(1));
    expect(stats.getRow(2).values).toEqual([undefined, '方面', '措施总数', '已销号', '整改中', '待销号', '未开始', '逾期']);
    expect(statRows).toEqual([
      ['（一）聚焦贯彻落实全面从严治党战略部署情况方面', 3, 1, 1, 1, 0, 1],
      ['（二）聚焦落实巡察整改情况方面', 3, 1, 1, 0, 1, 0],
      ['合计', 6, 2, 2, 1, 1, 1],
    ]);
  });

  it('round-trips through parseLedgerXlsx', async () => {
    const parsed = await parseLedgerXlsx(await exportToBuffer(SAMPLE));
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.sheet).toBe('整改台账');
    expect(parsed.headerRow).toBe(2);
    expect(parsed.columns.deadline).toBe('完成时限');
    expect(parsed.columns.completedDate).toBe('完成时间');

    const expected = new Map<string, Map<string, LedgerRow[]>>();
    for (const r of SAMPLE) {
      const problems = expected.get(r.category) ?? new Map<string, LedgerRow[]>();
      expected.set(r.category, problems);
      problems.set(r.problem, [...(problems.get(r.problem) ?? []), r]);
    }
    expect(parsed.categories.map((c) => c.title)).toEqual([...expected.keys()]);
    for (const c of parsed.categories) {
      const problems = expected.get(c.title)!;
      expect(c.problems.map((p) => p.title)).toEqual([...problems.keys()]);
      for (const p of c.problems) {
        const rows = problems.get(p.title)!;
        expect(p.manifestations).toEqual(rows[0]!.manifestations);
        expect(
          p.measures.map(({ text, leader, leadDepartment, coDepartments, deadline, status, completedDate, progressText }) => ({
            text, leader, leadDepartment, coDepartments, deadline, status, completedDate, progressText,
          })),
        ).toEqual(
          rows.map((r) => ({
            text: r.measure,
            leader: r.leader,
            leadDepartment: r.leadDepartment,
            coDepartments: r.coDepartments,
            deadline: r.deadline,
            status: r.status,
            completedDate: r.completedDate,
            progressText: r.progressText,
          })),
        );
      }
    }
    const longTerm = parsed.categories[1]!.problems[0]!.measures[1]!;
    expect(longTerm.kind).toBe('long_term');
    expect(parsed.categories[0]!.problems[0]!.measures[0]!.rowNumber).toBe(3);
  });

  it('streams 10,000 rows from a generator', async () => {
    function* many(): Generator<LedgerRow> {
      for (let i = 0; i < 10_000; i++) {
        const c = Math.floor(i / 2000) + 1;
        const p = Math.floor((i % 2000) / 4) + 1;
        yield row({
          categoryOrdinal: c,
          problemOrdinal: p,
          measureOrdinal: (i % 4) + 1,
          measure: `第${i}条整改措施：加强管理，完善制度，落实责任，确保整改到位。`,
          manifestations: ['表现一', '表现二'],
          leader: '张三',
          leadDepartment: '办公室',
          deadline: '2023-06-30',
          status: i % 3 === 0 ? 'in_progress' : 'closed',
          overdue: i % 3 === 0,
          progressText: '进展顺利',
        });
      }
    }
    const started = Date.now();
    const buffer = await exportToBuffer(many());
    expect(Date.now() - started).toBeLessThan(20_000);
    const wb = await open(buffer);
    const ws = wb.getWorksheet('整改台账')!;
    expect(ws.rowCount).toBe(10_002);
    expect(ws.getCell('A10002').value).toBe(10_000);
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toContain('B3:B2002');
    expect(merges).toContain('C3:C6');
    expect(wb.getWorksheet('统计')!.getCell('B8').value).toBe(10_000);
  }, 60_000);

  it('writes an empty ledger', async () => {
    const wb = await open(await exportToBuffer([]));
    expect(wb.getWorksheet('统计')!.getCell('A3').value).toBe('合计');
  });
});

describe('ledgerCsv', () => {
  it('has a BOM, CRLF lines and RFC 4180 quoting', () => {
    const csv = ledgerCsv([
      row({
        categoryOrdinal: 1,
        problemOrdinal: 1,
        measureOrdinal: 1,
        measure: '措施含逗号,和"引号"\n以及换行',
        progressText: '=HYPERLINK("x")',
        overdue: true,
        status: 'in_progress',
      }),
    ]);
    expect(csv.startsWith('\ufeff序号,方面,具体问题,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(LEDGER_COLUMNS.map((c) => c.header).join(','));
    expect(csv).toContain('"措施含逗号,和""引号""\n以及换行"');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(',整改中,');
    expect(csv.endsWith(',是,,,,,,\r\n')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

/** A hand-made ledger: a title row, synonyms, columns out of order, merged categories, messy dates. */
async function handMade(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').getCell('A1').value = '填表说明：按要求填写';
  const ws = wb.addWorksheet('台账');
  ws.getCell('A1').value = '区委第三轮巡察反馈问题整改台账';
  ws.mergeCells('A1:J1');
  ws.getRow(2).values = ['序号', '问题类别', '问题描述', '整改措施', '整改时限', '分管领导', '责任部门', '配合部门', '状态', '整改进展'];
  const data: unknown[][] = [
    [1, '一、政治建设方面', '1.学习不深入', '一是开展集中学习', 45107, '张三', '办公室、人事股', '财务股', '已完成', '已学习6次'],
    [2, null, null, '二是撰写心得体会', '2023年6月30日', '李四', '办公室', null, '整改中', null],
    [null, null, null, null, null, null, null, null, null, null], // blank row
    [3, null, '2.作风不严实', '建立考勤制度', '2023.6.30', '王五 赵六', '人事股', null, '推进中', null],
    [4, null, null, '落实请假制度', '6月底', '王五', '人事股', null, '未开始', null],
    [5, '二、廉政建设方面', '3.采购不规范', '制定询价规定', '长期坚持', '张  三', '财务股', null, '待销号', null],
    [6, null, null, '开展采购自查', '下个月吧', '张三', '财务股', null, '差不多', null],
    [7, null, null, null, '2023-09-30', '张三', '财务股', null, null, '无措施的行'],
    [8, null, null, '清理合同', new Date(Date.UTC(2023, 8, 15)), '张三', '财务股', null, '已销号', null],
  ];
  data.forEach((values, i) => {
    ws.getRow(3 + i).values = values as ExcelJS.CellValue[];
  });
  ws.mergeCells('B3:B7'); // 一、政治建设方面 over rows 3..7
  ws.mergeCells('B8:B11');
  ws.getCell('B13').value = '填表人：张三';
  return toBuffer(wb);
}

describe('parseLedgerXlsx on hand-made ledgers', () => {
  it('finds the header under a title row, reads synonyms, merges, inherited cells and dates', async () => {
    const result = await parseLedgerXlsx(await handMade());
    expect(result.sheet).toBe('台账');
    expect(result.headerRow).toBe(2);
    expect(result.columns).toMatchObject({
      category: '问题类别',
      problem: '问题描述',
      measure: '整改措施',
      deadline: '整改时限',
      leader: '分管领导',
      leadDepartment: '责任部门',
      coDepartments: '配合部门',
      status: '状态',
      progressText: '整改进展',
    });

    expect(result.categories.map((c) => c.title)).toEqual(['政治建设方面', '廉政建设方面']);
    const [politics, integrity] = result.categories;
    expect(politics!.problems.map((p) => p.title)).toEqual(['学习不深入', '作风不严实']);
    const [m1, m2] = politics!.problems[0]!.measures;
    expect(m1).toMatchObject({
      rowNumber: 3,
      text: '一是开展集中学习',
      deadline: '2023-06-30', // serial 45107
      leader: '张三',
      leadDepartment: '办公室',
      coDepartments: ['人事股', '财务股'],
      status: 'closed',
      progressText: '已学习6次',
      kind: 'deadline',
    });
    expect(m2).toMatchObject({ rowNumber: 4, deadline: '2023-06-30', status: 'in_progress', leader: '李四' });

    const [m3, m4] = politics!.problems[1]!.measures;
    expect(m3).toMatchObject({ rowNumber: 6, deadline: '2023-06-30', status: 'in_progress', leader: '王五' });
    expect(m4).toMatchObject({ rowNumber: 7, deadline: '2023-06-30', status: 'not_started' });

    const measures = integrity!.problems[0]!.measures;
    expect(measures.map((m) => m.rowNumber)).toEqual([8, 9, 11]);
    expect(measures[0]).toMatchObject({ kind: 'long_term', deadline: null, leader: '张三', status: 'pending_closure' });
    expect(measures[1]).toMatchObject({ deadline: null, status: null });
    expect(measures[2]).toMatchObject({ deadline: '2023-09-15', status: 'closed' });

    // Row 7: 6月底 took its year from the neighbouring rows; row 6 named two leaders.
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 7, column: '整改时限' }),
        expect.objectContaining({ row: 6, column: '分管领导' }),
        expect.objectContaining({ row: 13 }),
      ]),
    );
    expect(result.errors).toEqual([
      expect.objectContaining({ row: 9, column: '整改时限', message: expect.stringContaining('下个月吧') }),
      expect.objectContaining({ row: 9, column: '状态', message: expect.stringContaining('差不多') }),
      expect.objectContaining({ row: 10, column: '整改措施', message: '第10行缺少整改措施', messageEn: expect.any(String) }),
    ]);
  });

  it('reads 完成时间 as the deadline only when there is no deadline column', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['具体问题', '具体表现', '措施', '责任人', '完成时间']);
    ws.addRow(['问题甲', '表现一\n表现二', '措施一', '张三', '2023年12月底']);
    ws.addRow(['', '', '措施二', '张三', '2023/6/30']);
    const result = await parseLedgerXlsx(await toBuffer(wb));
    expect(result.columns.deadline).toBe('完成时间');
    expect(result.columns.completedDate).toBeUndefined();
    expect(result.warnings).toEqual([expect.objectContaining({ row: 1, column: '' }), expect.objectContaining({ row: 1, column: '完成时间' })]);
    const problem = result.categories[0]!.problems[0]!;
    expect(result.categories[0]!.title).toBe('');
    expect(problem.manifestations).toEqual(['表现一', '表现二']);
    expect(problem.measures.map((m) => m.deadline)).toEqual(['2023-12-31', '2023-06-30']);
  });

  it('uses defaultYear for yearless dates, or reports them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['方面', '具体问题', '整改措施', '完成时限']);
    ws.addRow(['方面一', '问题一', '措施一', '6月30日']);
    const buffer = await toBuffer(wb);
    const withYear = await parseLedgerXlsx(buffer, { defaultYear: 2024 });
    expect(withYear.categories[0]!.problems[0]!.measures[0]!.deadline).toBe('2024-06-30');
    expect(withYear.warnings).toHaveLength(1);
    const without = await parseLedgerXlsx(buffer);
    expect(without.errors).toEqual([expect.objectContaining({ row: 2, column: '完成时限' })]);
  });

  it('rejects what is not a ledger with InvalidLedgerFileError', async () => {
    const garbage = Buffer.from('this is not a spreadsheet at all');
    expect(validateLedgerFile(garbage)).toBe(false);
    await expect(parseLedgerXlsx(garbage)).rejects.toBeInstanceOf(InvalidLedgerFileError);

    const full = await exportToBuffer(SAMPLE);
    const truncated = full.subarray(0, Math.floor(full.length / 2));
    const error = await parseLedgerXlsx(truncated).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidLedgerFileError);
    expect((error as InvalidLedgerFileError).messageZh).toMatch(/损坏|不是/);
    expect((error as InvalidLedgerFileError).messageEn).toBeTruthy();

    const pkGarbage = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 7)]);
    await expect(parseLedgerXlsx(pkGarbage)).rejects.toBeInstanceOf(InvalidLedgerFileError);

    // A well-formed zip that is no workbook, and one whose sheet XML is broken.
    const notWorkbook = new JSZip();
    notWorkbook.file('readme.txt', 'hello');
    const notWorkbookBuffer = await notWorkbook.generateAsync({ type: 'nodebuffer' });
    await expect(parseLedgerXlsx(notWorkbookBuffer)).rejects.toBeInstanceOf(InvalidLedgerFileError);
    const broken = await JSZip.loadAsync(full);
    broken.file('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>oops');
    const brokenBuffer = await broken.generateAsync({ type: 'nodebuffer' });
    await expect(parseLedgerXlsx(brokenBuffer)).rejects.toBeInstanceOf(InvalidLedgerFileError);

    const noHeader = new ExcelJS.Workbook();
    noHeader.addWorksheet('x').addRow(['姓名', '年龄']);
    await expect(parseLedgerXlsx(await toBuffer(noHeader))).rejects.toMatchObject({ code: 'NO_HEADER' });
  });
});

describe('status words in the status or progress column', () => {
  it('maps the common words, and reads a progress text that starts with one when there is no status', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getRow(1).values = ['具体问题', '整改措施', '责任领导', '完成时限', '整改进展'];
    const rows = [
      ['问题甲', '措施一', '张三', '2023-06-30', '已完成55件健身器材的维修'],
      ['问题甲', '措施二', '张三', '2023-06-30', '正在推进，已走访14家'],
      ['问题甲', '措施三', '张三', '2023-06-30', '未完成'],
      ['问题甲', '措施四', '张三', '长期坚持', '长期坚持，每月检查'],
      ['问题甲', '措施五', '张三', '2023-06-30', '召开会议2次'],
    ];
    rows.forEach((r, i) => {
      ws.getRow(2 + i).values = r;
    });
    const result = await parseLedgerXlsx(await toBuffer(wb));
    const read = result.categories[0]!.problems[0]!.measures.map((m) => [m.status, m.statusSource, m.statusWord, m.kind]);
    expect(read).toEqual([
      ['closed', 'progress', '已完成', 'deadline'],
      ['in_progress', 'progress', '正在推进', 'deadline'],
      ['not_started', 'progress', '未完成', 'deadline'],
      ['in_progress', 'progress', '长期坚持', 'long_term'],
      [null, null, null, 'deadline'],
    ]);
    expect(result.errors).toEqual([]);
  });

  it('reads the words of a status column exactly', () => {
    expect(readStatus('已整改')).toEqual({ status: 'closed', word: '已整改' });
    expect(readStatus('整改中')).toEqual({ status: 'in_progress', word: '整改中' });
    expect(readStatus('未启动')).toEqual({ status: 'not_started', word: '未启动' });
    expect(readStatus('差不多')).toBeNull();
  });
});

describe('延期 in the ledger', () => {
  it('exports 原定时限 / 调整后时限 / 延期原因 and reads them back', async () => {
    const bytes = await exportToBuffer(
      [
        row({ categoryOrdinal: 1, problemOrdinal: 1, measureOrdinal: 1, measure: '延期过的措施', deadline: '2023-09-30', originalDeadline: '2023-06-30', postponementReasons: ['需等待财政拨款', '施工延误'] }),
        row({ categoryOrdinal: 1, problemOrdinal: 1, measureOrdinal: 2, measure: '按期的措施', deadline: '2023-06-30' }),
      ],
      '测试',
    );
    const parsed = await parseLedgerXlsx(bytes);
    expect(parsed.errors).toEqual([]);
    const [postponed, onTime] = parsed.categories[0]!.problems[0]!.measures;
    expect(postponed).toMatchObject({ deadline: '2023-09-30', originalDeadline: '2023-06-30', adjustedDeadline: '2023-09-30', postponementReason: '需等待财政拨款；施工延误' });
    expect(onTime).toMatchObject({ deadline: '2023-06-30', originalDeadline: null, adjustedDeadline: null, postponementReason: null });
  });

  it('exports 报送周期 / 最近报送日期 of long-term measures and reads the cadence back', async () => {
    const bytes = await exportToBuffer(
      [
        row({ categoryOrdinal: 1, problemOrdinal: 1, measureOrdinal: 1, measure: '每月报送的措施', kind: 'long_term', deadline: null, checkInCadence: 'monthly', lastCheckInOn: '2023-08-01' }),
        row({ categoryOrdinal: 1, problemOrdinal: 1, measureOrdinal: 2, measure: '每季度报送的措施', kind: 'long_term', deadline: null, checkInCadence: 'quarterly', lastCheckInOn: null }),
        row({ categoryOrdinal: 1, problemOrdinal: 1, measureOrdinal: 3, measure: '限期措施', kind: 'deadline', deadline: '2023-06-30', checkInCadence: 'monthly', lastCheckInOn: '2023-05-01' }),
      ],
      '测试',
    );
    const ws = (await open(bytes)).getWorksheet('整改台账')!;
    const col = (key: 'checkInCadence' | 'lastCheckInOn') => ledgerColumnNumber(key);
    expect([3, 4, 5].map((r) => [ws.getRow(r).getCell(col('checkInCadence')).value ?? '', ws.getRow(r).getCell(col('lastCheckInOn')).value ?? ''])).toEqual([
      ['每月', '2023-08-01'],
      ['每季度', ''],
      // Only long-term measures report on a cadence.
      ['', ''],
    ]);
    const parsed = await parseLedgerXlsx(bytes);
    expect(parsed.errors).toEqual([]);
    expect(parsed.columns.checkInCadence).toBe('报送周期');
    expect(parsed.categories[0]!.problems[0]!.measures.map((m) => [m.kind, m.checkInCadence])).toEqual([
      ['long_term', 'monthly'],
      ['long_term', 'quarterly'],
      ['deadline', null],
    ]);
    expect(['每月', '按月', '月度', '每季度', '按季', '季度', 'Monthly', 'quarterly', '每年', '随时'].map(readCheckInCadence)).toEqual([
      'monthly', 'monthly', 'monthly', 'quarterly', 'quarterly', 'quarterly', 'monthly', 'quarterly', null, null,
    ]);
  });
});
