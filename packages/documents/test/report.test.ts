import { writeFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { CategoryNode, MeasureItem, MeetingType, ProblemNode, Round, RoundRecords, RoundTree } from '@rectify/domain';
import { buildReportModel, renderReportDocx, renderReportHtml, type ReportData, type ReportModel } from '../src/report/index.js';

// ---------------------------------------------------------------- fixtures

type Status = MeasureItem['status'];
interface ProblemSpec {
  title: string;
  manifestations: number;
  measures: (string | { text: string; status: Status })[];
}
interface CategorySpec {
  title: string;
  problems: ProblemSpec[];
}

const zero = { total: 0, closed: 0, inProgress: 0, notStarted: 0, pendingClosure: 0, overdue: 0 };

function makeRound(over: Partial<Round> = {}): Round {
  return {
    id: 1,
    title: '中共城中区十一届委员会第三轮巡察第一巡察组',
    committee: '中共城中区十一届委员会',
    roundName: '第三轮',
    groupName: '第一巡察组',
    inspectedUnit: { id: 1, name: '城中区文化体育广电和旅游局' },
    reportState: 'draft',
    inspectionStart: '2022-10-10',
    inspectionEnd: '2022-12-20',
    feedbackDate: '2023-03-15',
    rectificationDeadline: '2023-06-30',
    reportDate: '2023-08-18',
    demo: false,
    version: 0,
    ...over,
  };
}

function makeTree(round: Round, specs: CategorySpec[]): RoundTree {
  let id = 1;
  const categories: CategoryNode[] = specs.map((c, ci) => ({
    id: id++,
    ordinal: ci + 1,
    title: c.title,
    version: 0,
    counts: zero,
    rectified: false,
    problems: c.problems.map((p, pi): ProblemNode => {
      const problemId = id++;
      return {
        id: problemId,
        ordinal: pi + 1,
        title: p.title,
        version: 0,
        counts: zero,
        rectified: false,
        manifestations: Array.from({ length: p.manifestations }, (_, mi) => ({
          id: id++,
          ordinal: mi + 1,
          text: `表现${mi + 1}`,
          demo: false,
          version: 0,
        })),
        measures: p.measures.map((m, mi): MeasureItem => {
          const { text, status } = typeof m === 'string' ? { text: m, status: 'closed' as Status } : m;
          return {
            id: id++,
            problemId,
            manifestationId: null,
            ordinal: mi + 1,
            text,
            kind: 'deadline',
            status,
            deadline: '2023-06-30',
            completedDate: status === 'closed' ? '2023-06-01' : null,
            overdue: false,
            daysOverdue: 0,
            progress: status === 'closed' ? 100 : 50,
            leader: null,
            leadDepartment: null,
            demo: false,
            version: 0,
          };
        }),
      };
    }),
  }));
  return { round, today: '2023-08-18', counts: zero, categories };
}

const regulation = (id: number, title: string) => ({ id, roundId: 1, title, documentNumber: null, issuedDate: null, issuingUnit: null, measureIds: [], file: null, demo: false, version: 0 });
const meeting = (id: number, type: MeetingType) => ({
  id,
  roundId: 1,
  type,
  date: null,
  topic: '研究部署巡察整改',
  attendees: null,
  file: null,
  demo: false,
  version: 0,
});
const member = (id: number, title: string | null, name: string, role: 'head' | 'deputy' | 'member' | 'office') => ({
  id,
  person: { id, name, title },
  role,
  demo: false,
  version: 0,
});

function smallData(): ReportData {
  const round = makeRound();
  const tree = makeTree(round, [
    {
      title: '聚焦贯彻落实党的理论和路线方针政策情况方面',
      problems: [
        {
          title: '学习贯彻不到位',
          manifestations: 2,
          measures: ['组织专题学习5次', { text: '开展读书沙龙2期', status: 'in_progress' }],
        },
        { title: '营商环境有差距', manifestations: 1, measures: ['走访企业14家。'] },
      ],
    },
    {
      title: '聚焦全面从严治党方面',
      problems: [
        {
          title: '工作作风不够严实',
          manifestations: 2,
          measures: ['健全公文收发管理规定', { text: '细化文件办理流程', status: 'not_started' }, '做好登记'],
        },
      ],
    },
  ]);
  const records: RoundRecords = {
    regulations: [regulation(1, '公文收发管理暂行规定'), regulation(2, '《三方询价暂行规定》'), regulation(3, '档案管理制度')],
    meetings: [meeting(1, 'leadership'), meeting(2, 'leadership'), meeting(3, 'special')],
    leadingGroup: [member(1, '局长', '张三', 'head'), member(2, '副局长', '李四', 'deputy'), member(3, null, '王五', 'office')],
  };
  return {
    issuingUnit: '城中区文化体育广电和旅游局',
    round,
    tree,
    records,
    texts: { opening: null, nextSteps: null, contact: null },
    date: '2023-08-18',
  };
}

const REFERENCE_CATEGORIES: [string, string[]][] = [
  [
    '聚焦贯彻落实党的理论和路线方针政策以及上级重大决策部署情况方面',
    [
      '学习贯彻落实习近平总书记关于文化建设等方面系列重要讲话精神不到位',
      '对党的十九届六中全会精神的学习不认真',
      '贯彻落实上级重大部署，优化营商环境方面有较大差距',
      '对乡村振兴等工作的牵头作用发挥不足',
      '全民健身及文化服务存在不足',
      '落实意识形态工作主体责任存在差距',
    ],
  ],
  ['聚焦贯彻落实全面从严治党战略部署情况方面', ['工作作风不够严实', '党风廉政建设存在短板', '财经制度执行不够严格']],
  ['聚焦贯彻落实新时代党的组织路线情况方面', ['党建工作存在不足', '民主集中制落实不到位', '对干部队伍建设不够重视']],
  ['对巡察整改工作不够重视', ['对巡察整改工作不够重视']],
  ['紧盯“一把手”履行第一责任人职责和廉洁自律情况方面', ['区文体广旅局‘一把手’履行第一责任人职责意识不强']],
];
const MANIFESTATIONS = [3, 2, 3, 3, 3, 4, 3, 3, 2, 3, 3, 3, 2, 2]; // 39
const MEASURES = [4, 3, 4, 4, 4, 4, 3, 3, 3, 4, 3, 3, 2, 3]; // 47

const REFERENCE_NEXT_STEPS = `（一）力度不减抓好整改后续工作。坚持整改目标不变、整改劲头不松、整改力度不减。
（二）深入落实全面从严治党主体责任。严格落实全面从严治党主体责任和党风廉政建设责任制。

（三）着力推进文化体育旅游事业高质量发展。持续打响“欢乐城中”文体品牌知名度。`;

function referenceData(): ReportData {
  const round = makeRound();
  let p = 0;
  const specs: CategorySpec[] = REFERENCE_CATEGORIES.map(([title, problems]) => ({
    title,
    problems: problems.map((pt) => {
      const index = p++;
      return {
        title: pt,
        manifestations: MANIFESTATIONS[index]!,
        measures: Array.from({ length: MEASURES[index]! }, (_, mi) =>
          // One measure still in progress, as in the reference (46 of 47 done).
          index === 4 && mi === 3 ? { text: '持续维护维修健身器材', status: 'in_progress' as Status } : `问题${index + 1}的第${mi + 1}项整改措施`,
        ),
      };
    }),
  }));
  const tree = makeTree(round, specs);
  const records: RoundRecords = {
    regulations: [
      '城中区文化体育广电和旅游局公文收发管理暂行规定',
      '城中区文化体育广电和旅游局三方询价暂行规定',
      '城中区文化体育广电和旅游局室外健身器材配建管理办法',
      '城中区文化体育广电和旅游局2023年意识形态工作方案',
      '办公室计算机管理暂行规定',
      '重大政策舆情风险评估制度和报备暂行规定',
      '新媒体平台管理及保密暂行规定',
      '柳州市城中区图书馆档案管理制度',
      '城中区文化体育广电和旅游局“三重一大”事项决策暂行办法',
    ].map((t, i) => regulation(i + 1, t)),
    meetings: [
      ...[1, 2, 3].map((i) => meeting(i, 'leadership')),
      ...[4, 5, 6].map((i) => meeting(i, 'special')),
      meeting(7, 'org_life'),
    ],
    leadingGroup: [
      member(1, '局长', '甲', 'head'),
      member(2, '班子成员', '乙', 'deputy'),
      member(3, '班子成员', '丙', 'deputy'),
      member(4, '各业务骨干', '丁', 'member'),
      member(5, null, '戊', 'office'),
    ],
  };
  return {
    issuingUnit: '城中区文化体育广电和旅游局',
    round,
    tree,
    records,
    texts: {
      opening: null,
      nextSteps: REFERENCE_NEXT_STEPS,
      contact: '联系方式：电话2612350；地址：柳州市城中区沿江路河东管理大厦；邮编：545000；邮箱：czqwtgl@163.com。',
    },
    date: '2023-08-18',
  };
}

// ---------------------------------------------------------------- helpers

/** Every text of the model, in reading order. */
function modelTexts(model: ReportModel): string[] {
  return [model.header, ...model.title, ...model.paragraphs.map((b) => b.text), model.signature.unit, model.signature.date];
}

const unescapeXml = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&amp;/g, '&');

async function openDocx(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return { zip, document: await read('word/document.xml'), read };
}

/** The text of each non-empty paragraph of document.xml. */
function docxParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''))
    .filter((t) => t.length > 0);
}

/** The text of each block element of the HTML page, in order. */
function htmlBlocks(html: string): string[] {
  const body = html.slice(html.indexOf('<body>'));
  return [...body.matchAll(/<(span|p|h2|h3|h4) class="[^"]*">([^<]*)<\/\1>/g)].map((m) => unescapeXml(m[2]!));
}

const section1Sentence = (model: ReportModel) => model.paragraphs.find((b) => b.text.includes('具体整改措施'))!.text;

function withStatus(data: ReportData, measureText: string, status: Status): ReportData {
  const copy = structuredClone(data);
  for (const c of copy.tree.categories)
    for (const p of c.problems) for (const m of p.measures) if (m.text === measureText) m.status = status;
  return copy;
}

// ---------------------------------------------------------------- model

describe('buildReportModel', () => {
  it('builds header, two balanced title lines and the signature', () => {
    const model = buildReportModel(referenceData());
    expect(model.header).toBe('城中区文化体育广电和旅游局');
    expect(model.title).toEqual(['关于中共城中区十一届委员会第三轮巡察', '第一巡察组巡察反馈意见整改情况的通报']);
    expect(model.signature).toEqual({ unit: '城中区文化体育广电和旅游局', date: '2023年8月18日' });
  });

  it('does not double 巡察 when the round name already has it, and keeps short titles on one line', () => {
    const long = buildReportModel({ ...referenceData(), round: makeRound({ roundName: '第三轮巡察' }) });
    expect(long.title.join('')).toBe('关于中共城中区十一届委员会第三轮巡察第一巡察组巡察反馈意见整改情况的通报');
    const short = buildReportModel({ ...referenceData(), round: makeRound({ committee: '中共某县委', roundName: '第二轮', groupName: '第三组' }) });
    expect(short.title.join('')).toBe('关于中共某县委第二轮巡察第三组巡察反馈意见整改情况的通报');
    expect(short.title).toHaveLength(2);
    for (const line of short.title) expect(line.length).toBeLessThanOrEqual(20);
  });

  it('generates the opening from the round dates', () => {
    const model = buildReportModel(referenceData());
    expect(model.paragraphs[0]).toEqual({
      kind: 'body',
      text:
        '根据中共城中区十一届委员会统一部署，2022年10月至12月，中共城中区十一届委员会第三轮巡察第一巡察组对城中区文化体育广电和旅游局开展巡察工作。' +
        '2023年3月15日，巡察组反馈了巡察意见，城中区文化体育广电和旅游局对照巡察意见认真整改。按照党务公开和巡察工作要求，现将巡察整改情况予以公布。',
    });
    const crossYear = buildReportModel({
      ...referenceData(),
      round: makeRound({ inspectionStart: '2022-11-01', inspectionEnd: '2023-01-15', feedbackDate: null }),
    });
    expect(crossYear.paragraphs[0]!.text).toContain('2022年11月至2023年1月，');
    expect(crossYear.paragraphs[0]!.text).toContain('巡察组反馈巡察意见后，');
  });

  it('uses the typed opening when there is one', () => {
    const data = referenceData();
    data.texts.opening = '根据城中区委统一部署，区委第三轮巡察第一巡察组对区文化体育广电和旅游局开展巡察工作。\n\n第二段。';
    const model = buildReportModel(data);
    expect(model.paragraphs.slice(0, 2)).toEqual([
      { kind: 'body', text: '根据城中区委统一部署，区委第三轮巡察第一巡察组对区文化体育广电和旅游局开展巡察工作。' },
      { kind: 'body', text: '第二段。' },
    ]);
  });

  it('computes the counts of section 一 from the tree: 14, 39, 47, 46 done, 1 left', () => {
    const data = referenceData();
    const sentence = section1Sentence(buildReportModel(data));
    expect(sentence).toContain('我局坚持问题导向');
    expect(sentence).toContain('对照巡察组反馈的14个具体问题39个具体表现');
    expect(sentence).toContain('列出47项具体整改措施');
    expect(sentence).toContain('目前已完成整改46项，剩余1项正推进整改完成。');

    // One more measure reopened: the sentence follows.
    const reopened = section1Sentence(buildReportModel(withStatus(data, '问题1的第1项整改措施', 'in_progress')));
    expect(reopened).toContain('目前已完成整改45项，剩余2项正推进整改完成。');

    // Pending closure is not closed: only verified measures count as done.
    const pending = section1Sentence(buildReportModel(withStatus(data, '问题1的第1项整改措施', 'pending_closure')));
    expect(pending).toContain('已完成整改45项');

    // The last one done: 全部完成.
    const done = section1Sentence(buildReportModel(withStatus(data, '持续维护维修健身器材', 'closed')));
    expect(done).toContain('已全部完成整改');
    expect(done).not.toContain('剩余');
  });

  it('says how many were postponed and counts the 需长效坚持的事项 apart, only when there are some', () => {
    const data = referenceData();
    const plain = section1Sentence(buildReportModel(data));
    expect(plain).not.toContain('延期');
    expect(plain).not.toContain('需长效坚持');
    const copy = structuredClone(data);
    const measures = copy.tree.categories.flatMap((c) => c.problems.flatMap((p) => p.measures));
    measures[0]!.postponementCount = 2;
    measures[1]!.postponementCount = 1;
    const open = measures.find((m) => m.text === '持续维护维修健身器材')!;
    open.kind = 'long_term';
    // A closed long-term measure is done: only open ones still need keeping at.
    measures[2]!.kind = 'long_term';
    const sentence = section1Sentence(buildReportModel(copy));
    expect(sentence).toContain('剩余1项正推进整改完成。其中需长效坚持的事项1项，坚持一抓到底、久久为功。');
    expect(sentence).toContain('因客观原因经批准延期完成的整改措施2项。');
  });

  it('adds a 回头看 paragraph to section 一 with its counts when the round has reviews', () => {
    const data = referenceData();
    const text = (d: ReportData) => buildReportModel(d).paragraphs.map((b) => b.text).join('\n');
    expect(text(data)).not.toContain('开展“回头看”，巩固整改成果');
    expect(text({ ...data, followUp: { reviews: 0, measures: 0, held: 0, slid: 0, pending: 0 } })).not.toContain('开展“回头看”，巩固整改成果');
    const model = buildReportModel({ ...data, followUp: { reviews: 2, measures: 46, held: 40, slid: 1, pending: 5 } });
    const paragraph = model.paragraphs.find((b) => b.text.includes('回头看”2次'))!;
    expect(paragraph.text).toBe(
      '（四）开展“回头看”，巩固整改成果。对已完成的整改任务组织开展“回头看”2次，对46项已销号整改措施逐项复查，已检查41项，其中巩固40项，发现反弹1项并已重新打开、督促继续整改，其余5项正在检查中。',
    );
    // It stands in section 一, before section 二.
    const at = model.paragraphs.indexOf(paragraph);
    expect(model.paragraphs.findIndex((b) => b.kind === 'heading1' && b.text.startsWith('二、'))).toBeGreaterThan(at);
    expect(text({ ...data, followUp: { reviews: 1, measures: 3, held: 3, slid: 0, pending: 0 } })).toContain('已检查3项，其中巩固3项，未发现问题反弹。');
    expect(text({ ...data, followUp: { reviews: 1, measures: 3, held: 0, slid: 0, pending: 3 } })).toContain('对3项已销号整改措施逐项复查，目前正在逐项检查。');
  });

  it('counts the small round, including the mixed statuses', () => {
    const sentence = section1Sentence(buildReportModel(smallData()));
    expect(sentence).toContain('对照巡察组反馈的3个具体问题5个具体表现');
    expect(sentence).toContain('列出6项具体整改措施');
    expect(sentence).toContain('目前已完成整改4项，剩余2项正推进整改完成。');
  });

  it('writes the leading group, the meetings by type and the regulations from the records', () => {
    const model = buildReportModel(referenceData());
    const texts = model.paragraphs.map((b) => b.text);
    expect(texts.find((t) => t.startsWith('（一）'))).toContain(
      '成立了以局长为组长，班子成员为副组长，各业务骨干为成员的整改工作领导小组，领导小组下设巡察整改办公室',
    );
    expect(texts.find((t) => t.startsWith('（二）严格周密部署'))).toContain('先后召开领导班子会3次，专题会3次，组织生活会1次，');
    expect(texts.find((t) => t.startsWith('（三）抓好统筹协调'))).toContain(
      '健全《城中区文化体育广电和旅游局公文收发管理暂行规定》《城中区文化体育广电和旅游局三方询价暂行规定》等9项制度（办法）。',
    );

    const small = buildReportModel(smallData()).paragraphs.map((b) => b.text);
    expect(small.find((t) => t.startsWith('（二）严格周密部署'))).toContain('先后召开领导班子会2次，专题会1次，部署');
    expect(small.find((t) => t.startsWith('（二）严格周密部署'))).not.toContain('组织生活会');
    expect(small.find((t) => t.startsWith('（三）抓好统筹协调'))).toContain('健全《公文收发管理暂行规定》《三方询价暂行规定》等3项制度（办法）。');
    expect(small.find((t) => t.startsWith('（一）强化组织领导'))).toContain('以局长为组长，副局长为副组长的整改工作领导小组');
  });

  it('names every meeting type of the registers in their order (党组会, 民主生活会 apart)', () => {
    const data = smallData();
    data.records = { ...data.records, meetings: [meeting(1, 'democratic_life'), meeting(2, 'party_group'), meeting(3, 'party_group'), meeting(4, 'other')] };
    const text = buildReportModel(data).paragraphs.map((b) => b.text).find((t) => t.startsWith('（二）严格周密部署'));
    expect(text).toContain('先后召开党组会2次，民主生活会1次，其他会议1次，部署');
  });

  it('numbers sections, categories （一）…（五） and problems 1.… by position', () => {
    const model = buildReportModel(referenceData());
    const h1 = model.paragraphs.filter((b) => b.kind === 'heading1').map((b) => b.text);
    expect(h1).toEqual(['一、巡察整改工作开展情况', '二、反馈意见整改落实情况', '三、下一步工作打算']);
    const h2 = model.paragraphs.filter((b) => b.kind === 'heading2').map((b) => b.text);
    expect(h2).toEqual([
      '（一）聚焦贯彻落实党的理论和路线方针政策以及上级重大决策部署情况方面',
      '（二）聚焦贯彻落实全面从严治党战略部署情况方面',
      '（三）聚焦贯彻落实新时代党的组织路线情况方面',
      '（四）对巡察整改工作不够重视',
      '（五）紧盯“一把手”履行第一责任人职责和廉洁自律情况方面',
    ]);
    const h3 = model.paragraphs.filter((b) => b.kind === 'heading3').map((b) => b.text);
    expect(h3).toHaveLength(14);
    expect(h3[0]).toBe('1.关于“学习贯彻落实习近平总书记关于文化建设等方面系列重要讲话精神不到位”问题的整改。');
    // The problem that lost its number in the published text gets it back.
    expect(h3[4]).toBe('5.关于“全民健身及文化服务存在不足”问题的整改。');
    expect(h3[6]).toBe('1.关于“工作作风不够严实”问题的整改。');
    expect(h3[13]).toBe('1.关于“区文体广旅局‘一把手’履行第一责任人职责意识不强”问题的整改。');
  });

  it('numbers past ten in Chinese: （十四） for a fourteenth category', () => {
    const data = referenceData();
    const problems = data.tree.categories.flatMap((c) => c.problems);
    data.tree.categories = problems.map((p, i) => ({ ...data.tree.categories[0]!, id: 1000 + i, ordinal: i + 1, title: `方面${i + 1}`, problems: [p] }));
    const h2 = buildReportModel(data).paragraphs.filter((b) => b.kind === 'heading2').map((b) => b.text);
    expect(h2.map((t) => t.slice(0, t.indexOf('）') + 1))).toEqual([
      '（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）',
      '（八）', '（九）', '（十）', '（十一）', '（十二）', '（十三）', '（十四）',
    ]);
  });

  it('strips numbers the user typed and orders by ordinal', () => {
    const data = smallData();
    const [c1, c2] = data.tree.categories as [CategoryNode, CategoryNode];
    c1.ordinal = 2;
    c2.ordinal = 1;
    c2.title = '（二）聚焦全面从严治党方面';
    c2.problems[0]!.title = '1.“工作作风不够严实”';
    c2.problems[0]!.measures[0]!.text = '一是健全公文收发管理规定';
    const model = buildReportModel(data);
    const body = model.paragraphs.map((b) => b.text);
    const i = body.indexOf('（一）聚焦全面从严治党方面');
    expect(i).toBeGreaterThan(0);
    expect(body[i + 1]).toBe('1.关于“工作作风不够严实”问题的整改。');
    expect(body[i + 2]).toBe('一是健全公文收发管理规定。二是细化文件办理流程。三是做好登记。');
    expect(body[i + 3]).toBe('（二）聚焦贯彻落实党的理论和路线方针政策情况方面');
  });

  it('joins measures as 一是…二是…, a single measure alone, never inventing text', () => {
    const model = buildReportModel(smallData());
    const body = model.paragraphs.map((b) => b.text);
    expect(body).toContain('一是组织专题学习5次。二是开展读书沙龙2期。');
    expect(body[body.indexOf('2.关于“营商环境有差距”问题的整改。') + 1]).toBe('走访企业14家。');

    const ref = buildReportModel(referenceData()).paragraphs;
    const measures = ref.filter((b, i) => b.kind === 'body' && ref[i - 1]?.kind === 'heading3');
    expect(measures).toHaveLength(14);
    expect(measures[0]!.text).toBe('一是问题1的第1项整改措施。二是问题1的第2项整改措施。三是问题1的第3项整改措施。四是问题1的第4项整改措施。');
  });

  it('section 三: typed next steps as paragraphs, or three generic items; contact and supervision line', () => {
    const model = buildReportModel(referenceData());
    const i = model.paragraphs.findIndex((b) => b.text === '三、下一步工作打算');
    expect(model.paragraphs.slice(i + 1).map((b) => b.text)).toEqual([
      '（一）力度不减抓好整改后续工作。坚持整改目标不变、整改劲头不松、整改力度不减。',
      '（二）深入落实全面从严治党主体责任。严格落实全面从严治党主体责任和党风廉政建设责任制。',
      '（三）着力推进文化体育旅游事业高质量发展。持续打响“欢乐城中”文体品牌知名度。',
      '欢迎广大干部群众对巡察整改落实情况进行监督，如有意见建议，请及时向我们反映。联系方式：电话2612350；地址：柳州市城中区沿江路河东管理大厦；邮编：545000；邮箱：czqwtgl@163.com。',
    ]);

    const generic = buildReportModel(smallData());
    const j = generic.paragraphs.findIndex((b) => b.text === '三、下一步工作打算');
    const rest = generic.paragraphs.slice(j + 1);
    expect(rest).toHaveLength(3); // no contact: omitted
    expect(rest.map((b) => b.text.slice(0, 3))).toEqual(['（一）', '（二）', '（三）']);
    expect(rest.every((b) => b.kind === 'body')).toBe(true);
  });
});

// ---------------------------------------------------------------- docx

describe('renderReportDocx', () => {
  it('writes an A4 official document with the fonts, fixed lines, and page numbers', async () => {
    const data = referenceData();
    const model = buildReportModel(data);
    const buffer = await renderReportDocx(model);
    if (process.env.REPORT_DOCX_OUT) await writeFile(process.env.REPORT_DOCX_OUT, buffer);
    const { document, read } = await openDocx(buffer);

    for (const text of [...model.title, '一、巡察整改工作开展情况', '（五）紧盯“一把手”履行第一责任人职责和廉洁自律情况方面', '2023年8月18日'])
      expect(unescapeXml(document)).toContain(text);
    for (const f of ['仿宋_GB2312', '黑体', '楷体_GB2312', '方正小标宋简体']) expect(document).toContain(`w:eastAsia="${f}"`);
    expect(document).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(document).toMatch(/<w:pgMar[^>]*w:top="2098"[^>]*w:right="1474"[^>]*w:bottom="1984"[^>]*w:left="1587"/);
    // Word's document grid, as GB/T 9704 sets it: 22 lines of 28 characters; body lines at its pitch.
    expect(document).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"\/>/);
    expect(document).toMatch(/<w:spacing[^>]*w:line="579"[^>]*w:lineRule="exact"/);
    expect(Math.floor((16838 - 2098 - 1984) / 579)).toBe(22);
    expect(Math.floor((11906 - 1587 - 1474) / (320 + (-848 / 4096) * 20))).toBe(28);
    expect(document).toContain('<w:ind w:firstLine="640"/>');
    expect(document).toMatch(/<w:jc w:val="right"\/><w:ind w:right="1280"\/>|<w:ind w:right="1280"\/>/);
    expect(document).toContain('<w:sz w:val="44"/>');
    expect(document).toContain('<w:sz w:val="32"/>');

    // Two footers, odd (right) and even (left), each a PAGE field in 宋体 14pt.
    expect(document).toMatch(/<w:footerReference w:type="default"/);
    expect(document).toMatch(/<w:footerReference w:type="even"/);
    const settings = await read('word/settings.xml');
    expect(settings).toContain('<w:evenAndOddHeaders');
    const footers = await Promise.all([read('word/footer1.xml'), read('word/footer2.xml')]);
    for (const footer of footers) {
      expect(footer).toMatch(/instrText[^>]*>PAGE/);
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
      expect(unescapeXml(footer)).toContain('— ');
    }
    expect(footers.join('')).toContain('<w:jc w:val="right"/>');
    expect(footers.join('')).toContain('<w:jc w:val="left"/>');

    const core = await read('docProps/core.xml');
    expect(core).toContain('城中区文化体育广电和旅游局关于中共城中区十一届委员会第三轮巡察第一巡察组巡察反馈意见整改情况的通报');

    // Every text of the model, in order, one paragraph each.
    expect(docxParagraphs(document)).toEqual(modelTexts(model));
  });

  it('escapes markup in texts', async () => {
    const data = smallData();
    data.round = makeRound({ groupName: '<script>alert(1)</script>组' });
    const model = buildReportModel(data);
    const { document } = await openDocx(await renderReportDocx(model));
    expect(document).not.toContain('<script>');
    expect(docxParagraphs(document)).toEqual(modelTexts(model));
  });
});

// ---------------------------------------------------------------- html

describe('renderReportHtml', () => {
  it('is a standalone printable page with the same text in the same order', async () => {
    const model = buildReportModel(referenceData());
    const html = renderReportHtml(model);
    if (process.env.REPORT_HTML_OUT) await writeFile(process.env.REPORT_HTML_OUT, html);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/@page \{ size: A4; margin: 37mm 26mm 35mm 28mm; \}/);
    // The same grid as the .docx: 28.95 pt lines, characters tracked so 28 fill a line.
    expect(html).toContain('line-height: 28.95pt; letter-spacing: -0.207pt;');
    expect(html).toMatch(/@page :right \{ @bottom-right \{ content: "— " counter\(page\) " —"/);
    for (const f of ['"FangSong_GB2312"', '"仿宋_GB2312"', '"STFangsong"', '"WenQuanYi Micro Hei"', '"方正小标宋简体"', '"黑体"', '"楷体_GB2312"'])
      expect(html).toContain(f);
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(htmlBlocks(html)).toEqual(modelTexts(model));
  });

  it('escapes every text', () => {
    const data = smallData();
    data.round = makeRound({ groupName: '<script>alert("x")</script>组' });
    data.tree.categories[0]!.problems[0]!.measures[0]!.text = 'a & b <b>粗</b>';
    const model = buildReportModel(data);
    const html = renderReportHtml(model);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('a &amp; b &lt;b&gt;粗&lt;/b&gt;');
    expect(htmlBlocks(html)).toEqual(modelTexts(model));
  });
});
