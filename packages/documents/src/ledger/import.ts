import ExcelJS from 'exceljs';
import { assertSafeZip, UnsafeArchiveError } from '../archive-guard.js';
import type { CheckInCadence, MeasureKind, MeasureStatus } from '@rectify/domain';
import { LEDGER_COLUMNS, matchHeader, normalizeHeader, type LedgerColumnKey } from './columns.js';
import { compactToIso, excelSerialToIso, jsDateToIso, parseDateText, tokenToIso, type DateToken } from './dates.js';

export interface LedgerImportMeasure {
  /** The row as Excel numbers it (1-based). */
  rowNumber: number;
  text: string;
  kind: MeasureKind;
  leader: string | null;
  leadDepartment: string | null;
  coDepartments: string[];
  deadline: string | null;
  status: MeasureStatus | null;
  /** Where the status was read: its own column, or words at the start of the progress text. */
  statusSource: 'status' | 'progress' | null;
  /** The words it was read from (已完成, 推进中 …), shown as the suggestion in the preview. */
  statusWord: string | null;
  completedDate: string | null;
  progressText: string | null;
  /** 原定时限, when the sheet has it and it differs from the deadline (the measure was postponed). */
  originalDeadline?: string | null;
  /** 调整后时限, read into `deadline` when present. */
  adjustedDeadline?: string | null;
  /** 延期原因 */
  postponementReason?: string | null;
  /**
   * 报送周期 of a long-term measure: null when its cell is empty (or the measure is not long-term);
   * absent when the sheet has no such column (the import then leaves the cadence as it is).
   */
  checkInCadence?: CheckInCadence | null;
}

export interface LedgerImportProblem {
  title: string;
  manifestations: string[];
  measures: LedgerImportMeasure[];
}

export interface LedgerImportCategory {
  title: string;
  problems: LedgerImportProblem[];
}

export interface LedgerImportIssue {
  /** 1-based, as Excel shows it. */
  row: number;
  /** The sheet's own header text of the column ('' when not about one column). */
  column: string;
  message: string;
  messageEn: string;
}

export interface LedgerImport {
  sheet: string;
  headerRow: number;
  /** Our column key → the header text the sheet uses for it. */
  columns: Partial<Record<LedgerColumnKey, string>>;
  categories: LedgerImportCategory[];
  errors: LedgerImportIssue[];
  warnings: LedgerImportIssue[];
}

export interface LedgerImportOptions {
  /** The year of dates written without one (6月底) when no full date in the sheet gives it. */
  defaultYear?: number;
}

export type InvalidLedgerFileCode = 'NOT_XLSX' | 'CORRUPT' | 'NO_HEADER' | 'NO_MEASURE_COLUMN' | 'TOO_LARGE';

const FILE_MESSAGES: Record<InvalidLedgerFileCode, { zh: string; en: string }> = {
  NOT_XLSX: { zh: '文件不是 Excel（.xlsx）格式', en: 'The file is not an Excel (.xlsx) workbook' },
  CORRUPT: { zh: 'Excel 文件已损坏或不完整，无法读取', en: 'The Excel file is damaged or incomplete and cannot be read' },
  NO_HEADER: {
    zh: '未找到台账表头：前10行中没有一行包含至少3个可识别的列名（如“具体问题”“整改措施”“责任领导”）',
    en: 'No ledger header found: none of the first 10 rows has at least 3 known column names (e.g. 具体问题, 整改措施, 责任领导)',
  },
  NO_MEASURE_COLUMN: {
    zh: '台账缺少“整改措施”列或“具体问题”列',
    en: 'The ledger has no 整改措施 (measure) or 具体问题 (problem) column',
  },
  TOO_LARGE: { zh: '台账行数过多（超过 100000 行）', en: 'The ledger has too many rows (over 100,000)' },
};

/** The upload cannot be read as a ledger at all; nothing of it should be imported. */
export class InvalidLedgerFileError extends Error {
  readonly code: InvalidLedgerFileCode;
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(code: InvalidLedgerFileCode, options?: { cause?: unknown }) {
    const { zh, en } = FILE_MESSAGES[code];
    super(`${zh} (${en})`, options);
    this.name = 'InvalidLedgerFileError';
    this.code = code;
    this.messageZh = zh;
    this.messageEn = en;
  }
}

/** Quick check before any parsing: an .xlsx is a zip, which starts with PK\x03\x04. */
export function validateLedgerFile(buffer: Uint8Array): boolean {
  return buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
}

const MAX_ROWS = 100_000;
const HEADER_SCAN_ROWS = 10;
const MIN_HEADER_MATCHES = 3;

// ---------------------------------------------------------------------------------------------
// Cell values

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return jsDateToIso(value) ?? '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

/** Formula cells count as what they show. */
function rawValue(value: ExcelJS.CellValue): ExcelJS.CellValue {
  if (value && typeof value === 'object' && !(value instanceof Date) && ('formula' in value || 'sharedFormula' in value)) {
    return ((value as ExcelJS.CellFormulaValue).result ?? null) as ExcelJS.CellValue;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Texts

const CN_NUM = '[一二三四五六七八九十百零〇两]+';
// (一) 一、 1. 1、 (1) ①: numbering the ledger adds; our own order replaces it.
const ORDINAL_PREFIX = new RegExp(
  String.raw`^(?:[（(]\s*(?:${CN_NUM}|\d{1,3})\s*[)）]|${CN_NUM}\s*[、.．]|\d{1,3}\s*[、.．](?!\d)|[①-⑳])\s*`,
);

function stripOrdinal(text: string): string {
  return text.replace(ORDINAL_PREFIX, '').trim();
}

function splitManifestations(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length > 1 ? lines.map(stripOrdinal).filter(Boolean) : lines;
}

/**
 * Names in one cell: 、，,;； and line breaks always separate; spaces only when every part is a
 * name of two or more characters — "张  三" is one name padded the way official tables do it.
 */
export function splitNames(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.split(/[、，,;；\r\n/]+/)) {
    const p = piece.trim();
    if (!p) continue;
    const parts = p.split(/[\s\u3000]+/);
    if (parts.length > 1 && parts.every((x) => [...x].length >= 2)) out.push(...parts);
    else out.push(p.replace(/[\s\u3000]+/g, ''));
  }
  return out;
}

const STATUS_WORDS: [MeasureStatus, readonly string[]][] = [
  ['closed', ['已销号', '已完成', '完成', '已整改', '已整改到位', '整改到位', '整改完成', '已完成整改', '办结', '已办结']],
  ['pending_closure', ['待销号', '申请销号', '销号中', '待验收']],
  ['in_progress', ['整改中', '推进中', '正在整改', '进行中', '正在推进', '持续整改', '持续推进', '长期坚持', '部分完成', '基本完成']],
  ['not_started', ['未开始', '未启动', '未整改', '尚未开始', '未完成', '尚未完成']],
];
const STATUS_EXACT = new Map<string, MeasureStatus>();
for (const [status, words] of STATUS_WORDS) for (const w of words) STATUS_EXACT.set(w, status);

/** The status a cell names, and the words it names it with; null when it names none this import knows. */
export function readStatus(text: string): { status: MeasureStatus; word: string } | null {
  const s = text.replace(/[\s\u3000。.，,；;！!]+/g, '');
  const exact = STATUS_EXACT.get(s);
  if (exact) return { status: exact, word: s };
  // A narrative 完成情况 cell ("已完成整改，…") starts with its status; 2-char words only match whole.
  let best: { status: MeasureStatus; word: string } | null = null;
  for (const [word, status] of STATUS_EXACT) {
    if (word.length >= 3 && s.startsWith(word) && (!best || word.length > best.word.length)) best = { status, word };
  }
  return best;
}

/** null when the text names no status this import knows. */
export function parseStatus(text: string): MeasureStatus | null {
  return readStatus(text)?.status ?? null;
}

// ---------------------------------------------------------------------------------------------
// Sheet layout

interface ColumnRef {
  col: number;
  header: string;
}

interface Layout {
  ws: ExcelJS.Worksheet;
  headerRow: number;
  dataStart: number;
  cols: Partial<Record<LedgerColumnKey, ColumnRef>>;
  duplicates: ColumnRef[];
  completedAsDeadline: boolean;
}

function matchRow(ws: ExcelJS.Worksheet, r: number) {
  const found = new Map<LedgerColumnKey, ColumnRef>();
  const duplicates: ColumnRef[] = [];
  const row = ws.findRow(r);
  row?.eachCell({ includeEmpty: false }, (cell, col) => {
    // A header merged across columns repeats in each covered cell: count it once.
    if (cell.isMerged && cell.master.address !== cell.address && cell.master.row === cell.row) return;
    const header = cellText(cell.value);
    const key = matchHeader(header);
    if (!key) return;
    if (found.has(key)) duplicates.push({ col, header });
    else found.set(key, { col, header });
  });
  return { found, duplicates };
}

function findLayout(wb: ExcelJS.Workbook): Layout | null {
  for (const ws of wb.worksheets) {
    const last = Math.min(ws.rowCount, HEADER_SCAN_ROWS);
    for (let r = 1; r <= last; r++) {
      const { found, duplicates } = matchRow(ws, r);
      if (found.size < MIN_HEADER_MATCHES) continue;
      let dataStart = r + 1;
      // A two-row header ("整改责任" over 责任领导 | 责任部门) names more columns on the next row.
      const next = matchRow(ws, r + 1);
      const added = [...next.found].filter(([k]) => !found.has(k));
      if (added.length >= 2) {
        for (const [k, ref] of added) found.set(k, ref);
        dataStart = r + 2;
      }
      const cols = Object.fromEntries(found) as Partial<Record<LedgerColumnKey, ColumnRef>>;
      // 完成时间 is our export's completion date, but hand-made ledgers use it for the deadline.
      let completedAsDeadline = false;
      if (!cols.deadline && cols.completedDate && normalizeHeader(cols.completedDate.header) === '完成时间') {
        cols.deadline = cols.completedDate;
        delete cols.completedDate;
        completedAsDeadline = true;
      }
      return { ws, headerRow: r, dataStart, cols, duplicates, completedAsDeadline };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

interface PendingDate {
  target: LedgerImportMeasure;
  field: 'deadline' | 'completedDate' | 'originalDeadline' | 'adjustedDeadline';
  token: DateToken;
  text: string;
  row: number;
  column: string;
}

/** Reads an uploaded ledger (.xlsx) into the hierarchy, with row-level errors and warnings. */
export async function parseLedgerXlsx(buffer: Buffer, options: LedgerImportOptions = {}): Promise<LedgerImport> {
  if (!validateLedgerFile(buffer)) throw new InvalidLedgerFileError('NOT_XLSX');
  // Before exceljs inflates anything: zip bombs stop here; a merely broken zip is a corrupt file.
  await assertSafeZip(buffer).catch((error: unknown) => {
    throw error instanceof UnsafeArchiveError && !error.tooLarge ? new InvalidLedgerFileError('CORRUPT', { cause: error }) : error;
  });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new InvalidLedgerFileError('CORRUPT', { cause });
  }
  // A zip that is some other document (.docx) loads as a workbook without sheets.
  if (wb.worksheets.length === 0) throw new InvalidLedgerFileError('NOT_XLSX');

  const layout = findLayout(wb);
  if (!layout) throw new InvalidLedgerFileError('NO_HEADER');
  const { ws, cols } = layout;
  if (!cols.measure || !cols.problem) throw new InvalidLedgerFileError('NO_MEASURE_COLUMN');
  if (ws.rowCount > MAX_ROWS) throw new InvalidLedgerFileError('TOO_LARGE');

  const errors: LedgerImportIssue[] = [];
  const warnings: LedgerImportIssue[] = [];
  const issue = (list: LedgerImportIssue[], row: number, column: string, message: string, messageEn: string) =>
    list.push({ row, column, message, messageEn });

  for (const d of layout.duplicates) {
    issue(warnings, layout.headerRow, d.header, `重复的列“${d.header}”已忽略，只读取第一列`, `Duplicate column "${d.header}" ignored; only the first is read`);
  }
  if (layout.completedAsDeadline) {
    const h = cols.deadline!.header;
    issue(warnings, layout.headerRow, h, `表中没有“完成时限”列，“${h}”列按完成时限读取`, `No deadline column; "${h}" is read as the deadline`);
  }
  if (!cols.category) {
    issue(warnings, layout.headerRow, '', '未找到“方面”列，所有问题归入同一方面', 'No category (方面) column; all problems go under one category');
  }

  const categories = new Map<string, { title: string; problems: Map<string, LedgerImportProblem> }>();
  const pendingDates: PendingDate[] = [];
  const fullDateYears = new Map<number, number>(); // row → year of a full date on it, for yearless neighbours
  let prevCategory = '';
  let prevProblem = '';
  let prevCategoryOfProblem = '';

  const keys = Object.keys(cols) as LedgerColumnKey[];
  const header = (k: LedgerColumnKey) => cols[k]?.header ?? '';

  for (let r = layout.dataStart; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const cell = (k: LedgerColumnKey) => (cols[k] ? row.getCell(cols[k]!.col) : null);
    const text = (k: LedgerColumnKey) => {
      const c = cell(k);
      return c ? cellText(c.value) : '';
    };
    const isCovered = (k: LedgerColumnKey) => {
      const c = cell(k);
      return !!c && c.isMerged && c.master.address !== c.address;
    };

    // What this row itself says: merged hierarchy cells and bare 序号 don't make a row.
    const own = keys.filter((k) => k !== 'ordinal' && k !== 'overdue' && k !== 'warning' && !isCovered(k) && text(k) !== '');
    if (own.length === 0) continue;
    // A measure cell merged down from the row above: the same measure, spread over two rows.
    if (isCovered('measure')) continue;

    const measureText = stripOrdinal(text('measure'));
    if (!measureText) {
      const only = own.length === 1 ? text(own[0]!) : '';
      if (/^(?:注|备注|说明|填表|填报|制表|审核|联系人|联系电话|负责人|单位)/.test(only)) {
        issue(warnings, r, header(own[0]!), `第${r}行是表尾说明，已跳过`, `Row ${r} looks like a footnote and was skipped`);
        continue;
      }
      issue(errors, r, header('measure'), `第${r}行缺少整改措施`, `Row ${r} has no measure text (整改措施)`);
      continue;
    }

    // Hierarchy: merged cells already read as their master; blank cells inherit the row above.
    let categoryTitle = stripOrdinal(text('category')) || prevCategory;
    let problemTitle = stripOrdinal(text('problem'));
    if (!problemTitle) {
      problemTitle = prevProblem;
      if (problemTitle && categoryTitle !== prevCategoryOfProblem) {
        issue(warnings, r, header('problem'), `第${r}行未填具体问题，沿用上一行的问题`, `Row ${r} has no problem; the previous row's is used`);
      }
    }
    if (!problemTitle) {
      issue(errors, r, header('problem'), `第${r}行缺少具体问题`, `Row ${r} has no problem (具体问题)`);
      continue;
    }
    if (!cols.category) categoryTitle = '';
    prevCategory = categoryTitle;
    prevProblem = problemTitle;
    prevCategoryOfProblem = categoryTitle;

    let cat = categories.get(categoryTitle);
    if (!cat) categories.set(categoryTitle, (cat = { title: categoryTitle, problems: new Map() }));
    let problem = cat.problems.get(problemTitle);
    if (!problem) cat.problems.set(problemTitle, (problem = { title: problemTitle, manifestations: [], measures: [] }));
    for (const m of splitManifestations(text('manifestations'))) {
      if (!problem.manifestations.includes(m)) problem.manifestations.push(m);
    }

    const leaders = splitNames(text('leader'));
    if (leaders.length > 1) {
      issue(warnings, r, header('leader'), `第${r}行有多名责任领导，取第一位“${leaders[0]}”`, `Row ${r} names several leaders; the first, ${leaders[0]}, is kept`);
    }
    const leads = splitNames(text('leadDepartment'));
    const co: string[] = [];
    for (const d of [...leads.slice(1), ...splitNames(text('coDepartments'))]) {
      if (d !== leads[0] && !co.includes(d)) co.push(d);
    }

    const measure: LedgerImportMeasure = {
      rowNumber: r,
      text: measureText,
      kind: 'deadline',
      leader: leaders[0] ?? null,
      leadDepartment: leads[0] ?? null,
      coDepartments: co,
      deadline: null,
      status: null,
      statusSource: null,
      statusWord: null,
      completedDate: null,
      progressText: text('progressText') || null,
      originalDeadline: null,
      adjustedDeadline: null,
      postponementReason: text('postponementReason') || null,
    };

    const statusText = text('status');
    if (statusText) {
      const read = readStatus(statusText);
      measure.status = read?.status ?? null;
      if (read) Object.assign(measure, { statusSource: 'status', statusWord: read.word });
      if (!measure.status) {
        issue(errors, r, header('status'), `第${r}行整改状态“${statusText}”无法识别（可填：未开始、整改中、待销号、已销号）`, `Row ${r}: unknown status "${statusText}" (use 未开始, 整改中, 待销号 or 已销号)`);
      }
      if (/长期坚持/.test(statusText)) measure.kind = 'long_term';
    } else if (measure.progressText) {
      // No status column (or an empty cell): a progress text that starts with 已完成 / 正在推进 …
      // suggests one, shown in the preview as read from the progress column.
      const read = readStatus(measure.progressText);
      if (read) Object.assign(measure, { status: read.status, statusSource: 'progress', statusWord: read.word });
      if (/^长期坚持/.test(measure.progressText)) measure.kind = 'long_term';
    }

    for (const field of ['deadline', 'completedDate', 'originalDeadline', 'adjustedDeadline'] as const) {
      const c = cell(field);
      if (!c) continue;
      const value = rawValue(c.value);
      const shown = cellText(c.value);
      if (shown === '') continue;
      const column = header(field);
      const bad = () =>
        issue(errors, r, column, `第${r}行“${column}”的日期“${shown}”无法识别`, `Row ${r}: cannot read the date "${shown}" in ${column}`);

      let iso: string | null = null;
      if (value instanceof Date) iso = jsDateToIso(value);
      else if (typeof value === 'number') iso = compactToIso(String(value)) ?? excelSerialToIso(value);
      else if (/^\d{5}(?:\.\d+)?$/.test(shown)) iso = excelSerialToIso(Number(shown));
      if (iso || value instanceof Date || typeof value === 'number') {
        if (!iso) bad();
        else {
          measure[field] = iso;
          fullDateYears.set(r, Number(iso.slice(0, 4)));
        }
        continue;
      }

      const parsed = parseDateText(shown);
      if (field === 'deadline') {
        if (parsed.longTerm) measure.kind = 'long_term';
        else if (parsed.immediate) measure.kind = 'immediate';
      }
      if (parsed.tokens.length === 0) {
        if (!(field === 'deadline' && (parsed.longTerm || parsed.immediate))) bad();
        continue;
      }
      // Several dates ("2023年6月30日前完成，12月底前巩固"): the last one ends the work.
      const token = parsed.tokens[parsed.tokens.length - 1]!;
      if (token.year === null) {
        pendingDates.push({ target: measure, field, token, text: shown, row: r, column });
        continue;
      }
      const value2 = tokenToIso(token, token.year);
      if (!value2) bad();
      else {
        measure[field] = value2;
        fullDateYears.set(r, token.year);
      }
    }
    if (cols.checkInCadence) {
      const said = text('checkInCadence');
      const cadence = said ? readCheckInCadence(said) : null;
      if (said && !cadence) {
        issue(errors, r, header('checkInCadence'), `第${r}行报送周期“${said}”无法识别（可填：每月、每季度）`, `Row ${r}: unknown check-in cadence "${said}" (use 每月 or 每季度)`);
      } else if (cadence && measure.kind !== 'long_term') {
        issue(warnings, r, header('checkInCadence'), `第${r}行不是长期坚持的措施，报送周期“${said}”已忽略`, `Row ${r} is not a long-term measure; its check-in cadence "${said}" is ignored`);
      }
      measure.checkInCadence = measure.kind === 'long_term' ? cadence : null;
    }
    problem.measures.push(measure);
  }

  // Yearless dates (6月底) take the year of the nearest row with a full date, else defaultYear.
  for (const p of pendingDates) {
    let year: number | null = null;
    let best = Infinity;
    for (const [fr, y] of fullDateYears) {
      const d = Math.abs(fr - p.row);
      if (d < best) [best, year] = [d, y];
    }
    year ??= options.defaultYear ?? null;
    if (year === null) {
      issue(errors, p.row, p.column, `第${p.row}行日期“${p.text}”未写年份，且无法推断`, `Row ${p.row}: the date "${p.text}" has no year and none can be inferred`);
      continue;
    }
    const iso = tokenToIso(p.token, year);
    if (!iso) {
      issue(errors, p.row, p.column, `第${p.row}行“${p.column}”的日期“${p.text}”无法识别`, `Row ${p.row}: cannot read the date "${p.text}" in ${p.column}`);
      continue;
    }
    p.target[p.field] = iso;
    issue(warnings, p.row, p.column, `第${p.row}行日期“${p.text}”未写年份，按${year}年（${iso}）读取`, `Row ${p.row}: the date "${p.text}" has no year; read as ${iso}`);
  }

  // 调整后时限 is the deadline now; 原定时限 is kept only when it differs (the measure was postponed).
  for (const c of categories.values()) {
    for (const p of c.problems.values()) {
      for (const m of p.measures) {
        if (m.adjustedDeadline) m.deadline = m.adjustedDeadline;
        if (m.originalDeadline && m.originalDeadline === m.deadline) m.originalDeadline = null;
      }
    }
  }

  // Reading order: by row, then left to right as the sheet lays the columns out.
  const colOf = new Map(Object.values(cols).map((c) => [c.header, c.col]));
  const byPlace = (a: LedgerImportIssue, b: LedgerImportIssue) =>
    a.row - b.row || (colOf.get(a.column) ?? 0) - (colOf.get(b.column) ?? 0);

  return {
    sheet: ws.name,
    headerRow: layout.headerRow,
    columns: Object.fromEntries(Object.entries(cols).map(([k, v]) => [k, v.header])) as Partial<Record<LedgerColumnKey, string>>,
    categories: [...categories.values()].map((c) => ({ title: c.title, problems: [...c.problems.values()] })),
    errors: errors.sort(byPlace),
    warnings: warnings.sort(byPlace),
  };
}

/** 报送周期 as ledgers write it: 每月 / 按月 / 月度 …, 每季度 / 按季 / 季度 … (or the English words). */
export function readCheckInCadence(text: string): CheckInCadence | null {
  const t = text.replace(/[\s\u3000]+/g, '').toLowerCase();
  if (/^(?:每|按|逐)?月(?:度|报|一次|一报)?$|^monthly$/.test(t)) return 'monthly';
  if (/^(?:每|按|逐)?季(?:度)?(?:报|一次|一报)?$|^quarterly$/.test(t)) return 'quarterly';
  return null;
}

/** Columns of our own export, for callers that show which of their columns were recognised. */
export const KNOWN_LEDGER_HEADERS = LEDGER_COLUMNS.map((c) => c.header);
