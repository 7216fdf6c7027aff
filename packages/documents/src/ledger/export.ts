import ExcelJS from 'exceljs';
import {
  checkInCadenceLabels,
  emptyCounts,
  formatChineseDate,
  measureStatusLabels,
  subsectionNumber,
  warningLevelLabels,
  type CheckInCadence,
  type MeasureKind,
  type MeasureStatus,
  type ProgressCounts,
  type WarningLevel,
} from '@rectify/domain';
import { LEDGER_COLUMNS, LEDGER_COLUMN_COUNT, ledgerColumnNumber, type LedgerColumnKey } from './columns.js';

/** One measure of the ledger with its place in the hierarchy; rows come sorted by category, problem, measure. */
export interface LedgerRow {
  categoryOrdinal: number;
  category: string;
  problemOrdinal: number;
  problem: string;
  manifestations: string[];
  measureOrdinal: number;
  measure: string;
  leader: string | null;
  leadDepartment: string | null;
  coDepartments: string[];
  deadline: string | null;
  status: MeasureStatus;
  completedDate: string | null;
  progressText: string | null;
  evidence: string[];
  overdue: boolean;
  /** Optional: lets a long-term / immediate measure without a date say so in 完成时限. */
  kind?: MeasureKind;
  /** 原定时限: set when an approved postponement moved the deadline (then 调整后时限 is the deadline). */
  originalDeadline?: string | null;
  /** 延期原因: the reasons of the approved postponements, oldest first. */
  postponementReasons?: string[];
  /** 报送周期 of a long-term measure (长期坚持); ignored for other kinds. */
  checkInCadence?: CheckInCadence | null;
  /** 最近报送日期: the day of its latest progress update (its last check-in). */
  lastCheckInOn?: string | null;
  /** 预警等级 on the export's day (the caller applies the round's thresholds); absent or none: blank. */
  warningLevel?: WarningLevel;
}

export interface LedgerExportOptions {
  /** e.g. the round's title; the sheet title is "{title}整改台账". */
  title: string;
  /** YYYY-MM-DD (Asia/Shanghai), printed as the "as of" date. */
  today: string;
}

export const LEDGER_SHEET_NAME = '整改台账';
export const STATS_SHEET_NAME = '统计';
export const STATS_HEADERS = ['方面', '措施总数', '已销号', '整改中', '待销号', '未开始', '逾期'] as const;

/** The title occupies row 1, the header row 2; data starts at row 3. */
export const LEDGER_HEADER_ROW = 2;

// ---------------------------------------------------------------------------------------------
// Cell texts, shared by the xlsx and the CSV so both say the same thing.

export const categoryCellText = (r: Pick<LedgerRow, 'categoryOrdinal' | 'category'>) =>
  `${subsectionNumber(r.categoryOrdinal)}${r.category}`;
export const problemCellText = (r: Pick<LedgerRow, 'problemOrdinal' | 'problem'>) => `${r.problemOrdinal}.${r.problem}`;

/** Several manifestations are numbered one per line, so the import can split them again. */
export function manifestationsCellText(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return items.map((m, i) => `${i + 1}.${m}`).join('\n');
}

export function evidenceCellText(names: readonly string[]): string {
  return names.length ? `${names.length} 件：${names.join('、')}` : '';
}

function deadlineCellText(r: LedgerRow): string {
  if (r.deadline) return r.deadline;
  if (r.kind === 'long_term') return '长期坚持';
  if (r.kind === 'immediate') return '立行立改';
  return '';
}

function cellTexts(r: LedgerRow, ordinal: number): Record<LedgerColumnKey, string | number> {
  return {
    ordinal,
    category: categoryCellText(r),
    problem: problemCellText(r),
    manifestations: manifestationsCellText(r.manifestations),
    measure: r.measure,
    leader: r.leader ?? '',
    leadDepartment: r.leadDepartment ?? '',
    coDepartments: r.coDepartments.join('、'),
    deadline: deadlineCellText(r),
    status: measureStatusLabels[r.status]['zh-CN'],
    completedDate: r.completedDate ?? '',
    progressText: r.progressText ?? '',
    evidence: evidenceCellText(r.evidence),
    overdue: r.overdue ? '是' : '否',
    warning: r.warningLevel && r.warningLevel !== 'none' ? warningLevelLabels[r.warningLevel]['zh-CN'] : '',
    originalDeadline: r.originalDeadline ?? '',
    adjustedDeadline: r.originalDeadline ? (r.deadline ?? '') : '',
    postponementReason: (r.postponementReasons ?? []).join('；'),
    checkInCadence: r.kind === 'long_term' && r.checkInCadence ? checkInCadenceLabels[r.checkInCadence]['zh-CN'] : '',
    lastCheckInOn: r.kind === 'long_term' ? (r.lastCheckInOn ?? '') : '',
  };
}

// ---------------------------------------------------------------------------------------------
// Styles: shared objects, so exceljs registers each once (it caches style ids per object).

const FONT = '宋体';
const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const OVERDUE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E2' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const CENTERED = new Set<LedgerColumnKey>([
  'ordinal',
  'leader',
  'leadDepartment',
  'coDepartments',
  'deadline',
  'status',
  'completedDate',
  'overdue',
  'warning',
  'originalDeadline',
  'adjustedDeadline',
  'checkInCadence',
  'lastCheckInOn',
]);
// Hierarchy cells are merged over many measures: an overdue fill there would paint innocent rows.
const HIERARCHY = new Set<LedgerColumnKey>(['category', 'problem', 'manifestations']);

function bodyStyle(key: LedgerColumnKey, overdue: boolean): Partial<ExcelJS.Style> {
  const red = overdue && key === 'overdue';
  return {
    font: { name: FONT, size: 10, ...(red ? { bold: true, color: { argb: 'FFC00000' } } : {}) },
    alignment: { vertical: 'middle', horizontal: CENTERED.has(key) ? 'center' : 'left', wrapText: true },
    border: BORDER,
    ...(overdue && !HIERARCHY.has(key) ? { fill: OVERDUE_FILL } : {}),
  };
}

const BODY_STYLES = new Map<string, Partial<ExcelJS.Style>>();
for (const c of LEDGER_COLUMNS) {
  for (const overdue of [false, true]) BODY_STYLES.set(`${c.key}:${overdue}`, bodyStyle(c.key, overdue));
}
const styleOf = (key: LedgerColumnKey, overdue: boolean) => BODY_STYLES.get(`${key}:${overdue}`)!;

// The 预警等级 cell in its colour, as the dashboard shows it (light fills: the text stays legible in print).
const WARNING_FILLS: Record<Exclude<WarningLevel, 'none'>, string> = { due_soon: 'FFD9F2D0', urgent: 'FFFFF2CC', overdue: 'FFF8CBCB' };
const WARNING_STYLES = new Map<WarningLevel, Partial<ExcelJS.Style>>(
  Object.entries(WARNING_FILLS).map(([level, argb]) => [
    level as WarningLevel,
    { ...bodyStyle('warning', level === 'overdue'), fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } } },
  ]),
);
const cellStyleOf = (key: LedgerColumnKey, r: LedgerRow) =>
  (key === 'warning' && r.warningLevel && WARNING_STYLES.get(r.warningLevel)) || styleOf(key, r.overdue);

const TITLE_STYLE: Partial<ExcelJS.Style> = {
  font: { name: '黑体', size: 16, bold: true },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
};
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 10, bold: true },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
  border: BORDER,
  fill: HEADER_FILL,
};

// ---------------------------------------------------------------------------------------------
// Row heights: Excel does not re-measure wrapped text of a generated file, so estimate lines.

const LINE_HEIGHT = 13.5;
const MAX_ROW_HEIGHT = 409; // Excel's limit

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1.1;
  return w;
}

function linesNeeded(text: string, columnWidth: number): number {
  const usable = Math.max(1, columnWidth - 1.5);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

const heightFor = (lines: number) => Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 4);

// ---------------------------------------------------------------------------------------------
// Merges on a streamed sheet.
//
// WorksheetWriter.mergeCells touches every cell of the range and throws once a row is committed,
// and a category spans rows committed long ago. The writer only emits <mergeCell ref> from its
// `_merges` list when the sheet is committed, so the range is recorded there directly; the covered
// cells were written blank with the same style, which is what Excel itself stores. exceljs is
// pinned (4.4.0); the guard below fails loudly should that internal ever change.

interface MergeRecord {
  top: number;
  left: number;
  bottom: number;
  right: number;
  toString(): string;
  intersects(other: MergeRecord): boolean;
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function recordMerge(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): void {
  if (top === bottom && left === right) return;
  const merges = (ws as unknown as { _merges?: MergeRecord[] })._merges;
  if (!Array.isArray(merges)) throw new Error('exceljs WorksheetWriter internals changed: no _merges list');
  const ref = `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
  merges.push({
    top,
    left,
    bottom,
    right,
    toString: () => ref,
    intersects(o) {
      return !(o.bottom < top || o.top > bottom || o.right < left || o.left > right);
    },
  });
}

// ---------------------------------------------------------------------------------------------

interface CategoryStats {
  label: string;
  counts: ProgressCounts;
}

function count(counts: ProgressCounts, r: LedgerRow): void {
  counts.total += 1;
  if (r.status === 'closed') counts.closed += 1;
  else if (r.status === 'in_progress') counts.inProgress += 1;
  else if (r.status === 'pending_closure') counts.pendingClosure += 1;
  else counts.notStarted += 1;
  // The caller decided overdue (it knows today and the rules); the ledger shows that decision.
  if (r.overdue) counts.overdue += 1;
}

const YIELD_EVERY = 200;

/**
 * Streams the ledger workbook to `out`: sheet 整改台账 (one row per measure, hierarchy cells merged)
 * and sheet 统计 (counts by category and status). Only the current problem's rows are held in
 * memory; they are committed when the next problem starts.
 */
export async function writeLedgerXlsx(
  rows: AsyncIterable<LedgerRow> | Iterable<LedgerRow>,
  out: NodeJS.WritableStream,
  options: LedgerExportOptions,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as never, useStyles: true, useSharedStrings: false });
  wb.creator = 'Rectify';
  const lastCol = LEDGER_COLUMN_COUNT;
  const ws = wb.addWorksheet(LEDGER_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: LEDGER_HEADER_ROW, topLeftCell: 'A3', activeCell: 'A3' }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as it takes
      printTitlesRow: `${LEDGER_HEADER_ROW}:${LEDGER_HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ key: c.key, width: c.width }));

  const titleRow = ws.getRow(1);
  titleRow.getCell(1).value = `${options.title}整改台账（截至${formatChineseDate(options.today)}）`;
  for (let c = 1; c <= lastCol; c++) titleRow.getCell(c).style = TITLE_STYLE;
  titleRow.height = 36;
  recordMerge(ws, 1, 1, 1, lastCol);
  titleRow.commit();

  const headerRow = ws.getRow(LEDGER_HEADER_ROW);
  LEDGER_COLUMNS.forEach((c, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.value = c.header;
    cell.style = HEADER_STYLE;
  });
  headerRow.height = 30;
  headerRow.commit();

  const colNo = {
    category: ledgerColumnNumber('category'),
    problem: ledgerColumnNumber('problem'),
    manifestations: ledgerColumnNumber('manifestations'),
  };
  const widthOf = (key: LedgerColumnKey) => LEDGER_COLUMNS.find((c) => c.key === key)!.width;

  const stats = new Map<string, CategoryStats>();
  let rowNo = LEDGER_HEADER_ROW;
  let ordinal = 0;
  let catKey: string | null = null;
  let catStart = 0;
  let probKey: string | null = null;
  let probStart = 0;
  let probFirst: LedgerRow | null = null;
  const probHeights: number[] = [];

  /** Closes the current problem's run: merge, make the run tall enough for its text, commit. */
  const finishProblem = () => {
    if (probKey === null || !probFirst) return;
    const end = rowNo;
    recordMerge(ws, probStart, colNo.problem, end, colNo.problem);
    recordMerge(ws, probStart, colNo.manifestations, end, colNo.manifestations);
    const needed = heightFor(
      Math.max(
        linesNeeded(problemCellText(probFirst), widthOf('problem')),
        linesNeeded(manifestationsCellText(probFirst.manifestations), widthOf('manifestations')),
      ),
    );
    const have = probHeights.reduce((a, b) => a + b, 0);
    const extra = needed > have ? (needed - have) / probHeights.length : 0;
    probHeights.forEach((h, i) => {
      ws.getRow(probStart + i).height = Math.min(MAX_ROW_HEIGHT, h + extra);
    });
    ws.getRow(end).commit();
    probHeights.length = 0;
    probKey = null;
  };
  const finishCategory = () => {
    if (catKey === null) return;
    recordMerge(ws, catStart, colNo.category, rowNo, colNo.category);
    catKey = null;
  };

  for await (const r of rows) {
    const cKey = `${r.categoryOrdinal}\u0000${r.category}`;
    const pKey = `${cKey}\u0000${r.problemOrdinal}\u0000${r.problem}`;
    if (cKey !== catKey) {
      finishProblem();
      finishCategory();
      catKey = cKey;
      catStart = rowNo + 1;
    }
    if (pKey !== probKey) {
      finishProblem();
      probKey = pKey;
      probStart = rowNo + 1;
      probFirst = r;
    }

    rowNo += 1;
    ordinal += 1;
    const texts = cellTexts(r, ordinal);
    const row = ws.getRow(rowNo);
    let lines = 1;
    LEDGER_COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      // Covered cells of a merge stay blank but keep their borders.
      const covered = (c.key === 'category' && rowNo !== catStart) || ((c.key === 'problem' || c.key === 'manifestations') && rowNo !== probStart);
      const text = texts[c.key];
      if (!covered && text !== '') cell.value = text;
      cell.style = cellStyleOf(c.key, r);
      if (!HIERARCHY.has(c.key) && typeof text === 'string') lines = Math.max(lines, linesNeeded(text, c.width));
    });
    probHeights.push(heightFor(lines));

    const label = texts.category as string;
    let s = stats.get(label);
    if (!s) stats.set(label, (s = { label, counts: emptyCounts() }));
    count(s.counts, r);

    // Let the zip stream drain; a synchronous source would otherwise buffer the whole sheet.
    if (ordinal % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  finishProblem();
  finishCategory();

  ws.autoFilter = { from: { row: LEDGER_HEADER_ROW, column: 1 }, to: { row: Math.max(rowNo, LEDGER_HEADER_ROW), column: lastCol } };
  ws.commit();

  writeStatsSheet(wb, [...stats.values()], options);
  await wb.commit();
}

function writeStatsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, stats: CategoryStats[], options: LedgerExportOptions): void {
  const ws = wb.addWorksheet(STATS_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 2, topLeftCell: 'A3', activeCell: 'A3' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 44 }, ...STATS_HEADERS.slice(1).map(() => ({ width: 10 }))];
  const n = STATS_HEADERS.length;

  const title = ws.getRow(1);
  title.getCell(1).value = `${options.title}整改进度统计（截至${formatChineseDate(options.today)}）`;
  for (let c = 1; c <= n; c++) title.getCell(c).style = TITLE_STYLE;
  title.height = 30;
  recordMerge(ws, 1, 1, 1, n);

  const header = ws.getRow(2);
  STATS_HEADERS.forEach((h, i) => {
    header.getCell(i + 1).value = h;
    header.getCell(i + 1).style = HEADER_STYLE;
  });

  const total = emptyCounts();
  const line = (rowNo: number, label: string, c: ProgressCounts, bold: boolean) => {
    const row = ws.getRow(rowNo);
    const values = [label, c.total, c.closed, c.inProgress, c.pendingClosure, c.notStarted, c.overdue];
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.style = {
        font: { name: FONT, size: 10, bold, ...(i === 6 && c.overdue > 0 ? { color: { argb: 'FFC00000' } } : {}) },
        alignment: { vertical: 'middle', horizontal: i === 0 ? 'left' : 'center', wrapText: true },
        border: BORDER,
      };
    });
  };
  stats.forEach((s, i) => {
    line(3 + i, s.label, s.counts, false);
    for (const k of Object.keys(total) as (keyof ProgressCounts)[]) total[k] += s.counts[k];
  });
  line(3 + stats.length, '合计', total, true);
  ws.commit();
}

// ---------------------------------------------------------------------------------------------

// A cell starting with one of these would run as a formula when Excel opens the CSV.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The ledger as CSV (RFC 4180, CRLF), with a BOM so Excel reads the UTF-8 Chinese correctly. */
export function ledgerCsv(rows: Iterable<LedgerRow>): string {
  const lines = [LEDGER_COLUMNS.map((c) => csvField(c.header)).join(',')];
  let ordinal = 0;
  for (const r of rows) {
    const texts = cellTexts(r, ++ordinal);
    lines.push(LEDGER_COLUMNS.map((c) => csvField(texts[c.key])).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
