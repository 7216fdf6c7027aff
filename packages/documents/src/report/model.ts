import {
  MEETING_TYPES,
  enumerationWord,
  formatChineseDate,
  meetingTypeLabels,
  roundTitle,
  sectionNumber,
  subsectionNumber,
  type CategoryNode,
  type ProblemNode,
  type Round,
  type RoundRecords,
  type RoundTree,
} from '@rectify/domain';

/** Everything the published report (整改情况通报) is made of. */
export interface ReportData {
  /** 发文机关: the unit that publishes the report, e.g. 城中区文化体育广电和旅游局. */
  issuingUnit: string;
  round: Round;
  tree: RoundTree;
  records: RoundRecords;
  /** Free texts typed by the office; null → a generated or generic text (contact: omitted). */
  texts: { opening: string | null; nextSteps: string | null; contact: string | null };
  /** 成文日期, YYYY-MM-DD. */
  date: string;
  /** The round's 回头看 so far (counted by the API); absent or without reviews → no 回头看 paragraph. */
  followUp?: FollowUpFigures | null;
}

/** What the 回头看 paragraph counts: reviews held, measures they cover, and what was found. */
export interface FollowUpFigures {
  reviews: number;
  measures: number;
  held: number;
  slid: number;
  pending: number;
}

export type BlockKind = 'heading1' | 'heading2' | 'heading3' | 'body';
export interface Block {
  kind: BlockKind;
  text: string;
}

/** A neutral document model: the .docx and the HTML renderers lay out exactly this text. */
export interface ReportModel {
  /** The issuing unit's line above the title. */
  header: string;
  /** The title, already split into its lines. */
  title: string[];
  paragraphs: Block[];
  signature: { unit: string; date: string };
}

/** The counts of section 一, always computed from the tree. */
export interface ReportCounts {
  categories: number;
  problems: number;
  manifestations: number;
  measures: number;
  closed: number;
  open: number;
  /** Measures whose deadline moved by an approved postponement (延期). */
  postponed: number;
  /** Open measures of kind long_term: 需长效坚持的事项. */
  longTerm: number;
}

/** 2号 characters on a 156 mm line. */
const TITLE_LINE_CHARS = 20;

const SENTENCE_END = /[。！？!?；;…]$/;
const LEADING_NUMBER = /^\s*(?:[（(][一二三四五六七八九十百零〇]+[)）]|[一二三四五六七八九十百]+[、.．]|\d+\s*(?:[.．](?!\d)|[、)）])|[（(]\d+[)）])\s*/;

const clean = (text: string) => text.replace(/\r/g, '').trim();

/** Non-empty trimmed lines of a typed text. */
function lines(text: string): string[] {
  return text
    .split('\n')
    .map(clean)
    .filter((l) => l.length > 0);
}

function endSentence(text: string): string {
  const t = clean(text);
  return t === '' || SENTENCE_END.test(t) ? t : `${t}。`;
}

/** Drops a number the user typed in a title (（一）, 1., 一、), since the report numbers by position. */
function stripNumber(title: string): string {
  return clean(title).replace(LEADING_NUMBER, '');
}

/** Drops the quotes around a problem title (the heading adds its own). */
function stripQuotes(title: string): string {
  const t = stripNumber(title);
  const m = /^[“"「](.*)[”"」]$/.exec(t);
  return m ? m[1]!.trim() : t;
}

/** A measure's text without a leading 一是 / 1. the user may have typed. */
function measureText(text: string): string {
  return endSentence(
    clean(text)
      .replace(/^[一二三四五六七八九十]+是[：:，,]?\s*/, '')
      .replace(LEADING_NUMBER, ''),
  );
}

const byOrdinal = <T extends { ordinal: number; id: number }>(a: T, b: T) => a.ordinal - b.ordinal || a.id - b.id;

/** How a unit names itself in its own report: 我局, 我委, 我办… (我单位 when unknown). */
export function selfReference(unit: string): string {
  const u = unit.trim();
  const suffixes: [RegExp, string][] = [
    [/(街道办事处|街道工委|街道)$/, '我街道'],
    [/(办公室|办事处|办)$/, '我办'],
    [/(委员会|委)$/, '我委'],
    [/局$/, '我局'],
    [/厅$/, '我厅'],
    [/院$/, '我院'],
    [/中心$/, '我中心'],
    [/(公司|集团)$/, '我公司'],
    [/(学校|大学|学院|中学|小学)$/, '我校'],
    [/(镇|乡)$/, `我${u.at(-1)}`],
    [/部$/, '我部'],
    [/所$/, '我所'],
    [/馆$/, '我馆'],
  ];
  for (const [re, word] of suffixes) if (re.test(u)) return word;
  return '我单位';
}

export function countTree(tree: RoundTree): ReportCounts {
  let problems = 0;
  let manifestations = 0;
  let measures = 0;
  let closed = 0;
  let postponed = 0;
  let longTerm = 0;
  for (const c of tree.categories) {
    for (const p of c.problems) {
      problems += 1;
      manifestations += p.manifestations.length;
      measures += p.measures.length;
      closed += p.measures.filter((m) => m.status === 'closed').length;
      postponed += p.measures.filter((m) => (m.postponementCount ?? 0) > 0).length;
      longTerm += p.measures.filter((m) => m.kind === 'long_term' && m.status !== 'closed').length;
    }
  }
  return { categories: tree.categories.length, problems, manifestations, measures, closed, open: measures - closed, postponed, longTerm };
}

/** 关于…巡察…组巡察反馈意见整改情况的通报, in lines of at most 20 characters, broken at a sensible point. */
export function reportTitleLines(round: Pick<Round, 'committee' | 'roundName' | 'groupName'>): string[] {
  const committee = clean(round.committee);
  const groupName = clean(round.groupName);
  const inspector = `关于${roundTitle({ committee, roundName: clean(round.roundName), groupName })}`;
  const full = `${inspector}巡察反馈意见整改情况的通报`;
  // Preferred breaks: before the group (the reference's), after the committee, before 巡察反馈意见, before 整改情况.
  return splitTitle(full, [
    inspector.length - groupName.length,
    `关于${committee}`.length,
    inspector.length,
    full.length - '整改情况的通报'.length,
  ]);
}

function splitTitle(full: string, preferred: number[]): string[] {
  const len = full.length;
  if (len <= TITLE_LINE_CHARS) return [full];
  const lineCount = Math.ceil(len / TITLE_LINE_CHARS);
  if (lineCount === 2) {
    // A meaningful break (after the round, before the group…) when it keeps both lines short and
    // near-balanced; otherwise the middle.
    const candidates = preferred
      .filter((i) => i > 0 && i < len && i <= TITLE_LINE_CHARS && len - i <= TITLE_LINE_CHARS)
      .sort((a, b) => Math.abs(len - 2 * a) - Math.abs(len - 2 * b));
    const best = candidates[0];
    const at = best !== undefined && Math.abs(len - 2 * best) <= 8 ? best : Math.ceil(len / 2);
    return [full.slice(0, at), full.slice(at)];
  }
  const per = Math.ceil(len / lineCount);
  const out: string[] = [];
  for (let i = 0; i < len; i += per) out.push(full.slice(i, i + per));
  return out;
}

function monthOf(iso: string): { y: number; m: number } {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return { y, m };
}

/** 2022年10月至12月 / 2022年11月至2023年1月 / 2022年10月 / ''. */
export function inspectionPeriod(start: string | null, end: string | null): string {
  if (!start && !end) return '';
  if (!start || !end) return `${monthOf((start ?? end)!).y}年${monthOf((start ?? end)!).m}月`;
  const a = monthOf(start);
  const b = monthOf(end);
  if (a.y === b.y && a.m === b.m) return `${a.y}年${a.m}月`;
  if (a.y === b.y) return `${a.y}年${a.m}月至${b.m}月`;
  return `${a.y}年${a.m}月至${b.y}年${b.m}月`;
}

function openingParagraph(data: ReportData): string {
  const r = data.round;
  const committee = clean(r.committee);
  const inspector = roundTitle({ committee, roundName: clean(r.roundName), groupName: clean(r.groupName) });
  const inspected = clean(r.inspectedUnit.name) || clean(data.issuingUnit);
  const period = inspectionPeriod(r.inspectionStart, r.inspectionEnd);
  const feedback = r.feedbackDate ? `${formatChineseDate(r.feedbackDate)}，巡察组反馈了巡察意见，` : '巡察组反馈巡察意见后，';
  return (
    `根据${committee}统一部署，${period ? `${period}，` : ''}${inspector}对${inspected}开展巡察工作。` +
    `${feedback}${clean(data.issuingUnit)}对照巡察意见认真整改。按照党务公开和巡察工作要求，现将巡察整改情况予以公布。`
  );
}

function progressSentence(counts: ReportCounts, records: RoundRecords, self: string): string {
  const parts: string[] = [];
  if (records.leadingGroup.length > 0) parts.push('成立巡察整改工作领导小组；');
  const findings =
    counts.manifestations > 0
      ? `${counts.problems}个具体问题${counts.manifestations}个具体表现`
      : `${counts.problems}个具体问题`;
  parts.push(`对照巡察组反馈的${findings}，召开领导班子会专题研究部署，形成整改方案；`);
  parts.push(`列出${counts.measures}项具体整改措施，细化责任分工，逐一对账销号；`);
  if (counts.measures > 0 && counts.open === 0) parts.push('经过集中整改，目前已全部完成整改。');
  else if (counts.closed === 0) parts.push(`目前${counts.measures}项整改措施正全力推进落实。`);
  else parts.push(`经过集中整改，目前已完成整改${counts.closed}项，剩余${counts.open}项正推进整改完成。`);
  // 需长效坚持的事项 are counted apart, as the reference report names them; postponements are said plainly.
  if (counts.longTerm > 0) parts.push(`其中需长效坚持的事项${counts.longTerm}项，坚持一抓到底、久久为功。`);
  if (counts.postponed > 0) parts.push(`因客观原因经批准延期完成的整改措施${counts.postponed}项。`);
  return `聚焦巡察整改的“政治答卷”，${self}坚持问题导向、强化政治意识、立行立改见成效。${parts.join('')}`;
}

/** 局长 / 张三同志, each once, in the order of the group. */
function roleHolders(records: RoundRecords, role: 'head' | 'deputy' | 'member' | 'office'): string[] {
  const names = records.leadingGroup
    .filter((m) => m.role === role)
    .map((m) => clean(m.person.title ?? '') || `${clean(m.person.name)}同志`);
  return [...new Set(names)];
}

function leadershipParagraph(records: RoundRecords): string {
  const head = roleHolders(records, 'head');
  const deputy = roleHolders(records, 'deputy');
  const member = roleHolders(records, 'member');
  const hasOffice = records.leadingGroup.some((m) => m.role === 'office');
  const roles = [
    head.length ? `${head.join('、')}为组长` : '',
    deputy.length ? `${deputy.join('、')}为副组长` : '',
    member.length ? `${member.join('、')}为成员` : '',
  ].filter(Boolean);
  const group = roles.length ? `成立了以${roles.join('，')}的整改工作领导小组` : '成立了整改工作领导小组';
  const office = hasOffice ? '，领导小组下设巡察整改办公室，具体负责统筹推进巡察整改日常工作，督促落实整改事项' : '';
  return (
    `${subsectionNumber(1)}强化组织领导，压实整改责任。${group}${office}。` +
    '领导班子成员及业务骨干坚持把自身摆进去、把职责摆进去，逐条逐项抓好整改落实，形成了全局联动、合力攻坚的工作局面。'
  );
}

function meetingsParagraph(records: RoundRecords): string {
  const counts = MEETING_TYPES.map((type) => ({
    label: meetingTypeLabels[type]['zh-CN'],
    n: records.meetings.filter((m) => m.type === type).length,
  })).filter((c) => c.n > 0);
  const held = counts.length
    ? `先后召开${counts.map((c) => `${c.label}${c.n}次`).join('，')}，部署推进整改工作落实，研究解决有关问题。`
    : '';
  return (
    `${subsectionNumber(2)}严格周密部署，推进整改落实。制定整改工作方案，建立巡察反馈问题整改责任清单，` +
    `每一项任务都明确了责任领导、牵头科室和完成时限，根据整改任务清单，施行对账销号。${held}`
  );
}

function regulationsParagraph(records: RoundRecords): string {
  const titles = records.regulations.map((r) => clean(r.title).replace(/^《(.*)》$/, '$1')).filter(Boolean);
  const named = titles.slice(0, 2).map((t) => `《${t}》`).join('');
  const built = titles.length
    ? `健全${named}${titles.length > 2 ? '等' : ''}${titles.length}项制度（办法）。`
    : '';
  return (
    `${subsectionNumber(3)}抓好统筹协调，立行立改见成效。坚持解决问题与建章立制相结合，既盯紧具体问题精准发力、确保实效，` +
    `又坚持标本兼治、举一反三、完善制度机制。${built}完善以制度管人、管财、管权、管事的长效机制，促使各项工作更加规范有序。`
  );
}

/** The measures of one problem as one paragraph: 一是…二是…三是… (a single measure: its text alone). */
export function measuresParagraph(problem: ProblemNode): string | null {
  const texts = [...problem.measures]
    .sort(byOrdinal)
    .map((m) => measureText(m.text))
    .filter(Boolean);
  if (texts.length === 0) return null;
  if (texts.length === 1) return texts[0]!;
  return texts.map((t, i) => `${enumerationWord(i + 1)}${t}`).join('');
}

function categoryBlocks(categories: CategoryNode[]): Block[] {
  const blocks: Block[] = [];
  [...categories].sort(byOrdinal).forEach((category, ci) => {
    blocks.push({ kind: 'heading2', text: `${subsectionNumber(ci + 1)}${stripNumber(category.title)}` });
    [...category.problems].sort(byOrdinal).forEach((problem, pi) => {
      blocks.push({ kind: 'heading3', text: `${pi + 1}.关于“${stripQuotes(problem.title)}”问题的整改。` });
      const body = measuresParagraph(problem);
      if (body) blocks.push({ kind: 'body', text: body });
    });
  });
  return blocks;
}

/** （四）回头看: how many reviews, how many closed measures they looked at, what held and what slid back. */
export function followUpParagraph(f: FollowUpFigures, number: number): string {
  const checked = f.held + f.slid;
  const found =
    checked === 0
      ? '目前正在逐项检查。'
      : `已检查${checked}项，其中巩固${f.held}项` +
        (f.slid > 0 ? `，发现反弹${f.slid}项并已重新打开、督促继续整改` : '，未发现问题反弹') +
        (f.pending > 0 ? `，其余${f.pending}项正在检查中。` : '。');
  return (
    `${subsectionNumber(number)}开展“回头看”，巩固整改成果。对已完成的整改任务组织开展“回头看”${f.reviews}次，` +
    `对${f.measures}项已销号整改措施逐项复查，${found}`
  );
}

const DEFAULT_NEXT_STEPS = [
  `${subsectionNumber(1)}力度不减抓好整改后续工作。坚持整改目标不变、整改劲头不松、整改力度不减，进一步增强巡察整改的责任感和使命感，切实把巡察整改后续工作抓紧抓实抓好。对已完成的整改任务，适时组织“回头看”，巩固整改成果，防止问题反弹；对还没有完全彻底解决的问题，严格按照整改方案，加强督促检查，确保按时整改到位；对需长期坚持的事项，坚持一抓到底，务求取得实效。`,
  `${subsectionNumber(2)}深入落实全面从严治党主体责任。严格落实全面从严治党主体责任和党风廉政建设责任制，坚持以上率下，发挥“关键少数”的示范引领作用，坚持不懈落实班子成员“一岗双责”要求，真正将全面从严治党的各项决策部署落到实处。`,
  `${subsectionNumber(3)}以整改成效推动各项工作高质量发展。坚持把巡察整改与日常工作紧密结合，注重建章立制、举一反三，将整改成果转化为推动事业发展的实际成效。`,
];

const SUPERVISION = '欢迎广大干部群众对巡察整改落实情况进行监督，如有意见建议，请及时向我们反映。';

export function buildReportModel(data: ReportData): ReportModel {
  const issuingUnit = clean(data.issuingUnit);
  const counts = countTree(data.tree);
  const body = (text: string): Block => ({ kind: 'body', text });

  const opening = data.texts.opening?.trim() ? lines(data.texts.opening).map(body) : [body(openingParagraph(data))];
  const nextSteps = data.texts.nextSteps?.trim() ? lines(data.texts.nextSteps) : DEFAULT_NEXT_STEPS;
  const contact = data.texts.contact?.trim() ? lines(data.texts.contact) : [];
  if (contact.length && !/监督|意见建议/.test(contact.join(''))) contact[0] = SUPERVISION + contact[0];

  const paragraphs: Block[] = [
    ...opening,
    { kind: 'heading1', text: `${sectionNumber(1)}巡察整改工作开展情况` },
    body(progressSentence(counts, data.records, selfReference(issuingUnit))),
    body(leadershipParagraph(data.records)),
    body(meetingsParagraph(data.records)),
    body(regulationsParagraph(data.records)),
    ...(data.followUp && data.followUp.reviews > 0 ? [body(followUpParagraph(data.followUp, 4))] : []),
    { kind: 'heading1', text: `${sectionNumber(2)}反馈意见整改落实情况` },
    ...categoryBlocks(data.tree.categories),
    { kind: 'heading1', text: `${sectionNumber(3)}下一步工作打算` },
    ...nextSteps.map(body),
    ...contact.map(body),
  ];

  return {
    header: issuingUnit,
    title: reportTitleLines(data.round),
    paragraphs,
    signature: { unit: issuingUnit, date: formatChineseDate(data.date) },
  };
}
