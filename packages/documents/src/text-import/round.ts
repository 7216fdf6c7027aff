import { fromChineseNumeral, isIsoDate, type MeetingType } from '@rectify/domain';
import { COUNT, ENDS_CLAUSE, categoryHeading, dottedHeading, guanyuHeading, parseCount } from './patterns.js';
import type { Line, ParsedDeclared, ParsedRound } from './types.js';

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number, m: number, d: number): string | undefined {
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  return isIsoDate(iso) ? iso : undefined;
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const CN_DIGITS = '〇一二三四五六七八九';
/** 二〇二三年八月十八日 → 2023年8月18日, as signatures are sometimes written. */
function arabicDate(text: string): string {
  return text.replace(
    /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/g,
    (_, y: string, m: string, d: string) =>
      `${[...y].map((c) => (c === '零' ? 0 : CN_DIGITS.indexOf(c))).join('')}年${fromChineseNumeral(m)}月${fromChineseNumeral(d)}日`,
  );
}

const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/** 2022年10月至12月 / 2022年10月12日至2023年1月5日 → the first and last day. */
export function inspectionPeriod(text: string): { start: string; end: string } | undefined {
  const m =
    /(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?\s*(?:至|到|—|－|-|~|～)+\s*(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?/.exec(text);
  if (!m) return undefined;
  const y1 = Number(m[1]);
  const m1 = Number(m[2]);
  const y2 = m[4] ? Number(m[4]) : y1;
  const m2 = Number(m[5]);
  const start = isoDate(y1, m1, m[3] ? Number(m[3]) : 1);
  const end = isoDate(y2, m2, m[6] ? Number(m[6]) : lastDayOfMonth(y2, m2));
  return start && end && start <= end ? { start, end } : undefined;
}

export function feedbackDate(text: string): string | undefined {
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日[^。；]{0,20}?反馈/.exec(text);
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

export function inspectedUnit(opening: string, title: string | undefined): string | undefined {
  const fromOpening = /对([^，。；“”]{2,40}?)(?:（[^）]*）)?(?:开展了?|进行了?)(?:常规|专项|机动|提级)?巡察/.exec(opening);
  if (fromOpening) return fromOpening[1]!.trim();
  if (!title) return undefined;
  const fromTitle =
    /关于对(.{2,40}?)(?:开展|进行)?(?:常规|专项|机动)?巡察/.exec(title) ??
    /巡察(.{2,40}?)(?:党组|党委|党支部|党总支)?(?:的|情况的)反馈意见/.exec(title);
  return fromTitle?.[1]?.trim();
}

export interface HeaderFacts {
  round: ParsedRound;
  /** Index in `lines` of the signature and report date, so section 三 ends before them. */
  tailStart: number;
}

/**
 * Reads the letterhead, title and opening (`head`: lines before the first section heading) and the
 * signature and date at the end of the text.
 */
export function readHeader(head: Line[], all: Line[]): HeaderFacts {
  const round: ParsedRound = {};
  const nonEmpty = head.filter((l) => l.text !== '');

  // Title: 关于…的通报, maybe cut over several lines; "XX局关于…" carries the issuing unit in front.
  let titleStart = nonEmpty.findIndex(
    (l, i) => i < 12 && l.text.length <= 80 && /关于/.test(l.text) && !/[。；]/.test(l.text.slice(0, -1)),
  );
  if (titleStart < 0) {
    titleStart = nonEmpty.findIndex(
      (l, i) => i < 12 && l.text.length <= 60 && /(通报|报告|反馈意见)$/.test(l.text) && !/[，。]/.test(l.text),
    );
  }
  let titleEnd = titleStart;
  if (titleStart >= 0) {
    let title = nonEmpty[titleStart]!.text;
    for (let k = titleStart + 1; k < Math.min(nonEmpty.length, titleStart + 4); k++) {
      if (/(通报|报告|意见|通知|公告|情况|说明)$/.test(title)) break;
      const next = nonEmpty[k]!.text;
      if (next.length > 60 || /[，。]/.test(next)) break;
      title += next;
      titleEnd = k;
    }
    const at = title.indexOf('关于');
    if (at >= 2) {
      round.issuingUnit = title.slice(0, at);
      title = title.slice(at);
    } else if (titleStart > 0) {
      const prev = nonEmpty[titleStart - 1]!.text;
      if (prev.length <= 30 && !/[，。：；]/.test(prev)) round.issuingUnit = prev;
    }
    round.title = title;
  }

  // The opening is the prose between the title and the first heading; at most a few paragraphs,
  // so a text without section headings does not turn whole into an "opening".
  const openingLines: Line[] = [];
  let prevNo = -1;
  for (const l of nonEmpty.slice(titleStart >= 0 ? titleEnd + 1 : 0)) {
    if (categoryHeading(l.text) || dottedHeading(l.text) || guanyuHeading(l.text) || openingLines.length >= 3) break;
    // Without a title, only real sentences count, not letterhead lines.
    if (!(titleStart >= 0 || l.text.length > 40 || /[。，]/.test(l.text))) continue;
    // A line that does not end its sentence was wrapped (text copied from a PDF): join it.
    const prev = openingLines.at(-1);
    if (prev && !ENDS_CLAUSE.test(prev.text) && l.no === prevNo + 1) openingLines[openingLines.length - 1] = { no: prev.no, text: prev.text + l.text };
    else openingLines.push(l);
    prevNo = l.no;
  }
  if (openingLines.length) round.opening = openingLines.map((l) => l.text).join('\n');

  // The signature block: the last date line, with the unit's name just before it.
  let tailStart = all.length;
  const tail = all.map((l, i) => ({ ...l, i })).filter((l) => l.text !== '').slice(-4);
  for (let k = tail.length - 1; k >= 0; k--) {
    const m = DATE_LINE.exec(arabicDate(tail[k]!.text));
    if (!m) continue;
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!date) continue;
    round.reportDate = date;
    tailStart = tail[k]!.i;
    const sig = tail[k - 1];
    if (sig && sig.text.length <= 30 && !/[，。：；:]/.test(sig.text)) {
      round.issuingUnit ??= sig.text;
      tailStart = sig.i;
    }
    break;
  }

  const facts = [round.title ?? '', round.opening ?? ''].join('\n');
  const committee = /中共[^，。、；\s“”（）]{1,30}?委员会/.exec(facts);
  if (committee) round.committee = committee[0];
  const roundName = /第[一二三四五六七八九十\d]{1,3}轮/.exec(facts);
  if (roundName) round.roundName = roundName[0];
  const group = /第[一二三四五六七八九十\d]{1,3}巡察组/.exec(facts);
  if (group) round.groupName = group[0];
  const unit = inspectedUnit(round.opening ?? '', round.title);
  if (unit) round.inspectedUnit = unit;
  const period = inspectionPeriod(round.opening ?? facts);
  if (period) {
    round.inspectionStart = period.start;
    round.inspectionEnd = period.end;
  }
  const feedback = feedbackDate(facts);
  if (feedback) round.feedbackDate = feedback;
  return { round, tailStart };
}

// Strict on purpose: measures mention 邮箱 or 电话 too; the contact paragraph invites supervision or
// starts with the contact details.
const CONTACT =
  /^(?:欢迎|联系方式|联系电话|联系人|监督电话|举报电话|(?:电子)?邮箱[：:]|(?:通信|来信)?地址[：:]|电话[：:])|欢迎[^。]*(?:监督|反映|意见)|(?:联系方式|联系电话|监督电话|举报电话)[：:]/;

/** The 欢迎…监督 / 联系方式 paragraph and the contact lines right after it. */
export function findContact(lines: Line[], from: number, to: number): { text: string; start: number } | undefined {
  for (let i = from; i < to; i++) {
    if (!CONTACT.test(lines[i]!.text)) continue;
    const parts = [lines[i]!.text];
    for (let k = i + 1; k < to; k++) {
      const t = lines[k]!.text;
      if (t === '') continue;
      if (!/^(?:联系)?(?:电话|地址|邮编|邮箱|电子邮箱|邮政编码|信箱|传真|联系人)[：:]/.test(t)) break;
      parts.push(t);
    }
    return { text: parts.join('\n'), start: i };
  }
  return undefined;
}

/** How a report names each meeting type (MEETING_TYPES in packages/domain: the registers and the report use the same types). */
const MEETINGS: { re: string; type: MeetingType }[] = [
  {
    re: '(?:党组|党委|党工委|党总支|支委|局党组|局)?(?:领导)?班子(?:会议|会)|支委(?:会议|会)|支部委员会(?:会议)?|(?:党委|党工委)(?:扩大)?(?:会议|会)|局务(?:会议|会)|(?:局长|主任|校长|总经理)办公(?:会议|会)|村(?:两委|“两委”)(?:班子)?(?:会议|会)|董事会(?:会议)?|校务(?:会议|会)',
    type: 'leadership',
  },
  { re: '(?:局)?党组(?:扩大)?(?:会议|会)', type: 'party_group' },
  { re: '专题(?:推进|研究|部署|调度)?(?:会议|会)|整改(?:工作)?(?:推进|调度|部署)(?:会议|会)', type: 'special' },
  { re: '(?:专题)?组织生活会', type: 'org_life' },
  { re: '(?:专题)?民主生活会', type: 'democratic_life' },
  { re: '(?:工作)?(?:推进会|调度会|部署会|座谈会|警示教育(?:大)?会|动员(?:大)?会)', type: 'other' },
];

const UNIT = '(?:个|项|条|件)';

/**
 * What a "completed N" figure counts: problems (巡察反馈25个问题，已完成整改19个) or measures
 * (列出47项整改措施……已完成整改46项) — the noun it names, else the nearest one before it in the sentence.
 */
function subjectOf(text: string, index: number, own: string | undefined): 'problems' | 'measures' {
  if (own) return /问题/.test(own) ? 'problems' : 'measures';
  const start = Math.max(text.lastIndexOf('。', index), text.lastIndexOf('\n', index)) + 1;
  const before = text.slice(start, index);
  const problem = before.lastIndexOf('问题');
  const measure = Math.max(before.lastIndexOf('措施'), before.lastIndexOf('任务'), before.lastIndexOf('事项'));
  return problem > measure ? 'problems' : 'measures';
}

/** Counts the report states in section 一: problems, findings, measures, closed, meetings, rules. */
export function readDeclared(text: string): ParsedDeclared {
  const d: ParsedDeclared = {};
  const first = (...res: RegExp[]) => {
    for (const re of res) {
      const m = re.exec(text);
      if (m) return parseCount(m[1]!);
    }
    return undefined;
  };
  const set = <K extends keyof ParsedDeclared>(key: K, value: ParsedDeclared[K] | undefined) => {
    if (value !== undefined && d[key] === undefined) d[key] = value;
  };
  set(
    'problems',
    first(
      new RegExp(`${COUNT}${UNIT}(?:具体|方面|突出|主要)?问题`),
      new RegExp(`(?:反馈|梳理出?|指出|发现|交办|移交)(?:的)?(?:具体|突出|主要)?问题(?:共)?${COUNT}${UNIT}`),
    ),
  );
  set(
    'manifestations',
    first(new RegExp(`${COUNT}${UNIT}(?:具体)?(?:问题)?表现`), new RegExp(`具体表现(?:共)?${COUNT}${UNIT}`)),
  );
  set(
    'measures',
    first(
      new RegExp(`${COUNT}${UNIT}(?:具体)?整改(?:措施|任务|事项)`),
      new RegExp(`整改(?:措施|任务|事项)(?:共)?${COUNT}${UNIT}`),
    ),
  );

  // Completed and remaining: of the problems or of the measures, each kept apart.
  const closedRe = new RegExp(
    `(?:已经?)?(?:全部)?(?:完成整改|整改完成|整改到位|完成|办结|销号)(问题|措施|任务)?${COUNT}${UNIT}(问题|措施|任务)?`,
    'g',
  );
  for (const m of text.matchAll(closedRe)) {
    const n = parseCount(m[2]!);
    if (n === undefined) continue;
    set(subjectOf(text, m.index, m[1] ?? m[3]) === 'problems' ? 'problemsClosed' : 'closed', n);
  }
  // 20项整改措施已全部完成 / 目前已全部完成整改: all of what the sentence counted.
  for (const m of text.matchAll(/(?:已经?)?全部(?:完成整改|整改完成|整改到位|完成|办结|销号)/g)) {
    const subject = subjectOf(text, m.index, undefined);
    const total = subject === 'problems' ? d.problems : d.measures;
    if (total !== undefined) set(subject === 'problems' ? 'problemsClosed' : 'closed', total);
  }
  const remainingRe = new RegExp(`(?:剩余|尚余|尚有|还有|余下|其余|未完成)(问题|措施|任务)?${COUNT}${UNIT}(问题|措施|任务)?`, 'g');
  for (const m of text.matchAll(remainingRe)) {
    const n = parseCount(m[2]!);
    if (n === undefined) continue;
    set(subjectOf(text, m.index, m[1] ?? m[3]) === 'problems' ? 'problemsRemaining' : 'remaining', n);
  }
  // Measures still in progress; "剩余1个问题正在整改" is a problem count, read above.
  for (const re of [
    new RegExp(`(?:正在推进|正在整改|持续推进中|推进中|整改中)(?:的)?${COUNT}${UNIT}`, 'g'),
    new RegExp(`${COUNT}${UNIT}(?:正在推进|正在整改|推进中|整改中)`, 'g'),
  ]) {
    for (const m of text.matchAll(re)) {
      if (subjectOf(text, m.index, undefined) === 'measures') set('inProgress', parseCount(m[1]!));
    }
  }
  set(
    'longTerm',
    first(new RegExp(`(?:需)?长期坚持(?:的)?${COUNT}${UNIT}`), new RegExp(`${COUNT}${UNIT}(?:需)?长期坚持`)),
  );
  set(
    'regulations',
    first(
      new RegExp(`建章立制${COUNT}(?:项|个|份|部|件)`),
      new RegExp(`${COUNT}(?:项|个|份|部|件)(?:规章)?制度`),
      new RegExp(`制度(?:（[^）]*）)?(?:共)?${COUNT}(?:项|个|份|部|件)`),
    ),
  );
  const funds = /(?:追回|收回|追缴|挽回|清退|退还)(?:[^，。；\d]{0,8}?)(?:资金|款项|损失|经济损失)(?:共)?(\d+(?:\.\d+)?)\s*(万元|元)/.exec(text);
  if (funds) d.fundsRecovered = Math.round((funds[2] === '万元' ? Number(funds[1]) : Number(funds[1]) / 10_000) * 10_000) / 10_000;
  set(
    'accountable',
    first(
      new RegExp(`(?:问责|追责问责|追责|处理处分|问责处理)(?:干部|党员|人员)?(?:共)?${COUNT}(?:人|名)`),
      new RegExp(`问责人数(?:为|共)?${COUNT}`),
    ),
  );

  const meetings: { type: MeetingType; count: number }[] = [];
  const pattern = new RegExp(`(?:${MEETINGS.map((m) => `(${m.re})`).join('|')})(?:[^，。；、：\\d次]{0,8}?)(?:共)?${COUNT}次`, 'g');
  for (const m of text.matchAll(pattern)) {
    const typeIndex = MEETINGS.findIndex((_, i) => m[i + 1] !== undefined);
    const count = parseCount(m[MEETINGS.length + 1]!);
    if (typeIndex < 0 || count === undefined) continue;
    const type = MEETINGS[typeIndex]!.type;
    const known = meetings.find((x) => x.type === type);
    if (known) known.count += count;
    else meetings.push({ type, count });
  }
  if (meetings.length) d.meetings = meetings;
  return d;
}

/** Every 《…》 title naming a rule (规定/制度/办法/细则/准则), in order of first mention. */
export function findRegulations(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/《([^《》\n]{1,100})》/g)) {
    const name = m[1]!.replace(/[（(][^）)]*[）)]$/, '');
    if (/(规定|制度|办法|细则|准则|规则)$/.test(name) && !found.includes(m[0])) found.push(m[0]);
  }
  return found;
}
