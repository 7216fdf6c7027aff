/** The columns of the Excel ledger (整改台账), in order, and the header names an import recognises. */

export type LedgerColumnKey =
  | 'ordinal'
  | 'category'
  | 'problem'
  | 'manifestations'
  | 'measure'
  | 'leader'
  | 'leadDepartment'
  | 'coDepartments'
  | 'deadline'
  | 'status'
  | 'completedDate'
  | 'progressText'
  | 'evidence'
  | 'overdue'
  | 'warning'
  | 'originalDeadline'
  | 'adjustedDeadline'
  | 'postponementReason'
  | 'checkInCadence'
  | 'lastCheckInOn';

export interface LedgerColumn {
  key: LedgerColumnKey;
  header: string;
  /** Excel width units (one ≈ a Latin digit; a Chinese character takes about two). */
  width: number;
  /** Other headers meaning the same column in hand-made ledgers, the export header excluded. */
  synonyms: readonly string[];
}

export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { key: 'ordinal', header: '序号', width: 6, synonyms: ['编号'] },
  { key: 'category', header: '方面', width: 18, synonyms: ['问题类别', '类别', '问题类型', '反馈问题方面'] },
  { key: 'problem', header: '具体问题', width: 22, synonyms: ['问题描述', '问题', '存在问题', '反馈问题', '问题名称'] },
  { key: 'manifestations', header: '具体表现', width: 30, synonyms: ['表现', '问题表现', '主要表现'] },
  { key: 'measure', header: '整改措施', width: 36, synonyms: ['措施', '整改举措', '具体措施', '整改任务'] },
  { key: 'leader', header: '责任领导', width: 11, synonyms: ['分管领导', '责任人', '牵头领导'] },
  { key: 'leadDepartment', header: '牵头科室', width: 12, synonyms: ['牵头部门', '责任部门', '责任单位', '责任科室', '牵头单位'] },
  { key: 'coDepartments', header: '配合科室', width: 12, synonyms: ['配合部门', '配合单位', '协办科室'] },
  { key: 'deadline', header: '完成时限', width: 12, synonyms: ['整改时限', '完成期限', '时限', '整改期限'] },
  { key: 'status', header: '整改状态', width: 10, synonyms: ['状态', '完成情况', '整改完成情况'] },
  { key: 'completedDate', header: '完成时间', width: 12, synonyms: ['实际完成时间', '销号时间', '完成日期'] },
  { key: 'progressText', header: '整改进展及成效', width: 36, synonyms: ['整改进展', '进展情况', '整改成效', '整改进展情况', '整改成效及进展', '整改情况', '整改落实情况'] },
  { key: 'evidence', header: '佐证材料', width: 24, synonyms: ['佐证资料', '证明材料', '支撑材料'] },
  { key: 'overdue', header: '是否逾期', width: 8, synonyms: ['逾期'] },
  // 三色预警 (issue 9): the level the API computed on the day of the export; an import ignores it, as it does 是否逾期.
  { key: 'warning', header: '预警等级', width: 14, synonyms: ['预警', '三色预警', '预警颜色'] },
  // 延期 (issue 9): the deadline before the first approved postponement, the one it moved to, and why.
  { key: 'originalDeadline', header: '原定时限', width: 12, synonyms: ['原完成时限', '原定完成时限', '原整改时限'] },
  { key: 'adjustedDeadline', header: '调整后时限', width: 12, synonyms: ['调整后完成时限', '延期后时限', '延期至'] },
  { key: 'postponementReason', header: '延期原因', width: 24, synonyms: ['延期理由', '调整原因', '延期说明'] },
  // 长期坚持 (issue 9): how often a long-term measure reports (每月 / 每季度), and the day of its latest report.
  { key: 'checkInCadence', header: '报送周期', width: 10, synonyms: ['报送频次', '报送频率', '报告周期', '调度周期'] },
  { key: 'lastCheckInOn', header: '最近报送日期', width: 12, synonyms: ['最近报送时间', '上次报送日期', '最近一次报送日期'] },
];

export const LEDGER_COLUMN_COUNT = LEDGER_COLUMNS.length;

/** 1-based column number of a key in the exported sheet. */
export function ledgerColumnNumber(key: LedgerColumnKey): number {
  return LEDGER_COLUMNS.findIndex((c) => c.key === key) + 1;
}

/**
 * A header cell as compared: no whitespace, no parenthesised note (（签字）, (年月日)), no
 * required-field star or trailing colon — hand-made ledgers decorate headers with all of these.
 */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '')
    .replace(/[（(][^（()）]*[)）]/g, '')
    .replace(/^[*＊]+|[*＊:：]+$/g, '');
}

const EXACT = new Map<string, LedgerColumnKey>();
for (const c of LEDGER_COLUMNS) {
  for (const name of [c.header, ...c.synonyms]) EXACT.set(normalizeHeader(name), c.key);
}

/**
 * The column a header names, or null. `完成时间` maps to completedDate here; the caller decides
 * whether a sheet without any deadline column means it as the deadline.
 */
export function matchHeader(text: string): LedgerColumnKey | null {
  const h = normalizeHeader(text);
  if (!h) return null;
  const exact = EXACT.get(h);
  if (exact) return exact;
  // "整改措施及要求", "责任领导签字": a longer header that starts with a distinctive name (4+ chars,
  // so 问题/时限 never capture unrelated headers).
  let best: { key: LedgerColumnKey; len: number } | null = null;
  for (const [name, key] of EXACT) {
    if (name.length >= 4 && h.startsWith(name) && (!best || name.length > best.len)) best = { key, len: name.length };
  }
  return best?.key ?? null;
}
