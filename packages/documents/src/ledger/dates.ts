import { isIsoDate } from '@rectify/domain';

/** A date as a ledger cell gives it; `year` null when the cell omitted it (6月底). */
export interface DateToken {
  year: number | null;
  month: number;
  /** 'end' = last day of the month (月底/月末/下旬, or a month without a day). */
  day: number | 'end';
}

export interface ParsedDateCell {
  tokens: DateToken[];
  longTerm: boolean;
  immediate: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO date of a token given its year, or null when there is no such day (2023-02-30). */
export function tokenToIso(t: DateToken, year: number): string | null {
  if (t.month < 1 || t.month > 12) return null;
  const day = t.day === 'end' ? lastDayOfMonth(year, t.month) : t.day;
  const iso = `${year}-${pad(t.month)}-${pad(day)}`;
  return isIsoDate(iso) ? iso : null;
}

/** Years outside this window are typing slips (20233, a bare serial like 6) rather than deadlines. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
export const plausibleYear = (y: number) => y >= MIN_YEAR && y <= MAX_YEAR;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30); // serial 0; absorbs Excel's fictional 1900-02-29

/** Excel serial day number → ISO date, or null when it is not a plausible date. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const iso = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
  return plausibleYear(Number(iso.slice(0, 4))) ? iso : null;
}

/**
 * A JS Date from exceljs → its calendar day. exceljs builds dates as UTC midnight of the serial's
 * day (plus any time of day), so the UTC fields are the day Excel shows, whatever the server's zone.
 */
export function jsDateToIso(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString().slice(0, 10);
  return plausibleYear(d.getUTCFullYear()) ? iso : null;
}

/** 20230630 typed as a number or text. */
export function compactToIso(digits: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(digits);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDate(iso) && plausibleYear(Number(m[1])) ? iso : null;
}

// One alternative per way of writing a date; the scan takes them left to right.
const DATE_RE = new RegExp(
  [
    // 2023年6月30日 / 2023年6月底 / 2023年6月
    String.raw`(?<y1>\d{4})年(?<m1>\d{1,2})月(?:(?<d1>\d{1,2})日|(?<p1>底|末|上旬|中旬|下旬))?`,
    // 2023年底 / 2023年上半年
    String.raw`(?<y2>\d{4})年(?<p2>年?底|年?末|年内|内|上半年|下半年|年中)`,
    // 2023-06-30 / 2023/6/30 / 2023.6.30 / 2023.6
    String.raw`(?<y3>\d{4})[-/.](?<m3>\d{1,2})(?:[-/.](?<d3>\d{1,2}))?(?!\d)`,
    // 6月30日 / 6月底 / 6月 (no year)
    String.raw`(?<m4>\d{1,2})月(?:(?<d4>\d{1,2})日|(?<p4>底|末|上旬|中旬|下旬))?`,
  ].join('|'),
  'g',
);

function dayOfPart(part: string | undefined): number | 'end' {
  if (part === '上旬') return 10;
  if (part === '中旬') return 20;
  return 'end';
}

function foldDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[－／．]/g, (c) => ({ '－': '-', '／': '/', '．': '.' })[c]!);
}

/** Reads every date a deadline / completion cell mentions, and whether it says 长期 or 立行立改. */
export function parseDateText(raw: string): ParsedDateCell {
  const s = foldDigits(raw).replace(/[\s\u3000]+/g, '').replace(/号/g, '日');
  const result: ParsedDateCell = {
    tokens: [],
    longTerm: /长期|持续|常态/.test(s),
    immediate: /立行立改|立即整改|立知立改|即知即改|立查立改/.test(s),
  };
  const compact = /^\d{8}$/.test(s) ? compactToIso(s) : null;
  if (compact) {
    const [y, m, d] = compact.split('-').map(Number) as [number, number, number];
    result.tokens.push({ year: y, month: m, day: d });
    return result;
  }
  let lastYear: number | null = null;
  for (const m of s.matchAll(DATE_RE)) {
    const g = m.groups!;
    let token: DateToken;
    if (g.y1) token = { year: +g.y1, month: +g.m1!, day: g.d1 ? +g.d1 : dayOfPart(g.p1) };
    else if (g.y2) {
      const half = g.p2 === '上半年' || g.p2 === '年中';
      token = { year: +g.y2, month: half ? 6 : 12, day: 'end' };
    } else if (g.y3) token = { year: +g.y3, month: +g.m3!, day: g.d3 ? +g.d3 : 'end' };
    else token = { year: null, month: +g.m4!, day: g.d4 ? +g.d4 : dayOfPart(g.p4) };
    // "2023年4月至6月": a yearless date after a full one in the same cell shares its year.
    if (token.year === null && lastYear !== null) token.year = lastYear;
    if (token.year !== null) lastYear = token.year;
    result.tokens.push(token);
  }
  return result;
}
