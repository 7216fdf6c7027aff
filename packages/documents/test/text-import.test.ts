import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxToText, normalizeLine, parseReportText, pdfToText, UnreadableDocumentError } from '../src/text-import/index.js';
import type { TextImportPreview } from '../src/text-import/index.js';

const referencePath = path.resolve(import.meta.dirname, '../../../../shared/reference/000_3115509a2bee097f.txt');
const hasReference = existsSync(referencePath);
if (!hasReference) console.warn(`text-import: reference report not found at ${referencePath}; its tests are skipped`);
const reference = hasReference ? readFileSync(referencePath, 'utf8') : '';
const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, 'fixtures/text-import', name), 'utf8');

const titles = (r: TextImportPreview) => r.categories.map((c) => c.problems.map((p) => p.title));
const measureCounts = (r: TextImportPreview) => r.categories.flatMap((c) => c.problems.map((p) => p.measures.length));
const problem = (r: TextImportPreview, category: number, ordinal: number) =>
  r.categories[category - 1]!.problems[ordinal - 1]!;

const REFERENCE_CATEGORIES = [
  '聚焦贯彻落实党的理论和路线方针政策以及上级重大决策部署情况方面',
  '聚焦贯彻落实全面从严治党战略部署情况方面',
  '聚焦贯彻落实新时代党的组织路线情况方面',
  '对巡察整改工作不够重视',
  '紧盯“一把手”履行第一责任人职责和廉洁自律情况方面',
];
const REFERENCE_PROBLEMS = [
  [
    '学习贯彻落实习近平总书记关于文化建设等方面系列重要讲话精神不到位',
    '对党的十九届六中全会精神的学习不认真',
    '贯彻落实上级重大部署，优化营商环境方面有较大差距',
    '对乡村振兴等工作的牵头作用发挥不足',
    '全民健身及文化服务存在不足',
    '落实意识形态工作主体责任存在差距',
  ],
  ['工作作风不够严实', '党风廉政建设存在短板', '财经制度执行不够严格'],
  ['党建工作存在不足', '民主集中制落实不到位', '对干部队伍建设不够重视'],
  ['对巡察整改工作不够重视'],
  ['区文体广旅局‘一把手’履行第一责任人职责意识不强'],
];
// Counted by hand from the report: 一是/二是/… per problem, plus a leading sentence of its own
// (problem 五.1 opens with one before 一是), or 1 for a paragraph without enumeration.
const REFERENCE_MEASURES = [2, 1, 2, 3, 3, 3, 3, 1, 2, 3, 1, 3, 2, 4];

describe.skipIf(!hasReference)('parseReportText on the reference report', () => {
  const r = parseReportText(reference);

  it('finds the 5 categories and 14 problems in order', () => {
    expect(r.categories.map((c) => c.title)).toEqual(REFERENCE_CATEGORIES);
    expect(r.categories.map((c) => c.ordinal)).toEqual([1, 2, 3, 4, 5]);
    expect(titles(r)).toEqual(REFERENCE_PROBLEMS);
    expect(r.categories.flatMap((c) => c.problems.map((p) => p.ordinal))).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3, 1, 2, 3, 1, 1]);
  });

  it('numbers the problem that lost its number by position, with a warning', () => {
    const p = problem(r, 1, 5);
    expect(p).toMatchObject({ ordinal: 5, numbered: false, title: '全民健身及文化服务存在不足', line: 39 });
    expect(r.categories.flatMap((c) => c.problems).filter((x) => !x.numbered)).toHaveLength(1);
    expect(r.warnings).toEqual([
      { line: 39, message: '第5个问题缺少序号，已按位置编为5', messageEn: expect.stringContaining('Problem 5 has no number') },
    ]);
  });

  it('splits measures at 一是/二是/三是', () => {
    expect(measureCounts(r)).toEqual(REFERENCE_MEASURES);
    expect(problem(r, 1, 1).measures[0]!.text).toBe(
      '加大非遗项目的保护力度，通过走访调研的方式进一步培树“青云饮食习俗”非遗项目，新摸排出“柳州石雕”、“绢画”、“龙氏壮医药线点灸疗法”、“回族查拳”、“柳州凉茶制作技艺”5个非遗项目资源，其中：柳州石雕、龙氏壮医药线点灸疗法入选城中区第六批代表性项目名录。',
    );
    expect(problem(r, 1, 1).measures[1]!.text).toBe(
      '图书馆为机关干部开设2期成人读书沙龙活动，邀请机关党员干部参加“4.23”全民阅读读书日启动仪式，在全区营造全民阅读的浓厚氛围。',
    );
    expect(problem(r, 1, 2).measures[0]!.text).toMatch(/^组织全局党员干部、职工开展常态化学习，.*担当作为。$/);
    expect(problem(r, 2, 1).measures[0]!.text).toBe(
      '健全完善《城中区文化体育广电和旅游局公文收发管理暂行规定》，细化文件办理流程，做好每份来文的传阅并做好登记，确保有效上传下达，减少粗疏错漏。',
    );
    expect(problem(r, 2, 1).measures[2]!.text).toBe(
      '健全完善《柳州市城中区图书馆档案管理制度》、《柳州市城中区图书馆工作交接制度》并对照执行。',
    );
    // The sentences before 一是 are a measure of their own.
    const last = problem(r, 5, 1).measures;
    expect(last[0]!.text).toBe(
      '认真履行第一责任人的职责，坚持“一把手”负总责，坚持民主集中制，将党风廉政建设、意识形态工作与业务工作同部署同落实，做到一级抓一级、层层抓落实。健全完善局领导班子工作分工，明确工作职责。',
    );
    expect(last[1]!.text).toMatch(/^通过召开专题会议、警示教育会/);
    expect(last.map((m) => m.ordinal)).toEqual([1, 2, 3, 4]);
    expect(r.categories.flatMap((c) => c.problems).every((p) => p.manifestations.length === 0)).toBe(true);
  });

  it('reads the declared counts and regulations', () => {
    expect(r.declared).toEqual({
      problems: 14,
      manifestations: 39,
      measures: 47,
      closed: 46,
      remaining: 1,
      regulations: 9,
      meetings: [
        { type: 'leadership', count: 3 },
        { type: 'special', count: 3 },
        { type: 'org_life', count: 1 },
      ],
    });
    expect(r.regulations).toEqual([
      '《城中区文化体育广电和旅游局公文收发管理暂行规定》',
      '《城中区文化体育广电和旅游局三方询价暂行规定》',
      '《城中区文化体育广电和旅游局室外健身器材配建管理办法》',
      '《办公室计算机管理暂行规定》',
      '《重大政策舆情风险评估制度和报备暂行规定》',
      '《新媒体平台管理及保密暂行规定》',
      '《柳州市城中区图书馆档案管理制度》',
      '《柳州市城中区图书馆工作交接制度》',
      '《城中区文化体育广电和旅游局“三重一大”事项决策暂行办法》',
    ]);
  });

  it('reads the round facts', () => {
    expect(r.round).toMatchObject({
      issuingUnit: '城中区文化体育广电和旅游局',
      title: '关于中共城中区十一届委员会第三轮巡察第一巡察组巡察反馈意见整改情况的通报',
      committee: '中共城中区十一届委员会',
      roundName: '第三轮',
      groupName: '第一巡察组',
      inspectedUnit: '区文化体育广电和旅游局',
      inspectionStart: '2022-10-01',
      inspectionEnd: '2022-12-31',
      feedbackDate: '2023-03-15',
      reportDate: '2023-08-18',
    });
    expect(r.round.opening).toMatch(/^根据城中区委统一部署，.*予以公布。$/);
    expect(r.round.nextSteps?.split('\n')).toHaveLength(3);
    expect(r.round.nextSteps).toMatch(/^（一）力度不减抓好整改后续工作。.*生活方式。$/s);
    expect(r.round.contact).toMatch(/^欢迎广大干部群众.*czqwtgl@163\.com。$/);
  });

  it('gives the same result with CRLF, full-width digits and odd spacing', () => {
    const messy = reference
      .split('\n')
      .map((l, i) => (i % 2 ? `\u3000\u00a0${l}  ` : l))
      .join('\r\n')
      .replace(/^(\d)\.关于/gm, (_, d: string) => `${String.fromCharCode(d.charCodeAt(0) + 0xfee0)}．关于`);
    expect(messy).toContain('\r\n');
    expect(messy).toMatch(/１．关于/);
    const m = parseReportText(messy);
    expect(m.categories).toEqual(r.categories);
    expect(m.declared).toEqual(r.declared);
    expect(m.round).toEqual(r.round);
    expect(m.warnings).toEqual(r.warnings);
  });
});

describe('parseReportText on variants', () => {
  it('reads a half-width punctuation version', () => {
    const r = parseReportText(fixture('halfwidth.txt'));
    expect(r.categories.map((c) => c.title)).toEqual([REFERENCE_CATEGORIES[0], REFERENCE_CATEGORIES[4]]);
    expect(titles(r)).toEqual([REFERENCE_PROBLEMS[0], REFERENCE_PROBLEMS[4]]);
    expect(measureCounts(r)).toEqual([2, 1, 2, 3, 3, 3, 4]);
    expect(problem(r, 1, 2).measures[0]!.text).toMatch(/^组织全局党员干部、职工开展常态化学习，先后学习《党的二十大报告》/);
    expect(r.round).toMatchObject({
      committee: '中共城中区十一届委员会',
      inspectedUnit: '区文化体育广电和旅游局',
      inspectionStart: '2022-10-01',
      inspectionEnd: '2022-12-31',
      feedbackDate: '2023-03-15',
      reportDate: '2023-08-18',
    });
    expect(r.declared).toMatchObject({ problems: 14, manifestations: 39, measures: 47, closed: 46, remaining: 1 });
    expect(r.warnings.map((w) => w.line)).toEqual([39, 47]);
    expect(r.warnings[1]!.message).toContain('类别序号');
  });

  it('reads (一) / 1、 / (1) numbering', () => {
    const r = parseReportText(fixture('numbering.txt'));
    expect(r.categories.map((c) => c.title)).toEqual(['政治建设方面', '作风建设方面']);
    expect(titles(r)).toEqual([
      ['理论学习不够深入', '意识形态工作责任落实不到位'],
      ['会风文风不实', '调查研究不够', '为民服务意识不强'],
    ]);
    expect(problem(r, 1, 1).measures.map((m) => m.text)).toEqual(['修订党组理论学习中心组学习计划', '每月开展1次专题学习。']);
    // "整改情况：" is a label, not part of the measure.
    expect(problem(r, 1, 2).measures[0]!.text).toMatch(/^制定《/);
    expect(measureCounts(r)).toEqual([2, 1, 3, 1, 2]);
    expect(r.round).toMatchObject({
      issuingUnit: '某县文化广电体育和旅游局',
      title: '关于县委第二轮巡察反馈意见整改情况的通报',
      roundName: '第二轮',
      groupName: '第三巡察组',
      inspectedUnit: '县文化广电体育和旅游局',
      inspectionStart: '2023-04-10',
      inspectionEnd: '2023-06-09',
      feedbackDate: '2023-07-20',
      reportDate: '2023-10-08',
      nextSteps: '持续巩固整改成果，建立长效机制。',
      contact: '欢迎广大干部群众监督。联系电话：0771-1234567',
    });
    expect(r.declared).toEqual({
      problems: 5,
      measures: 12,
      closed: 10,
      remaining: 2,
      meetings: [
        // 党组会议: the register's 党组会, apart from the 领导班子会.
        { type: 'party_group', count: 2 },
        { type: 'special', count: 4 },
      ],
    });
    expect(r.regulations).toEqual(['《县文化广电体育和旅游局意识形态工作责任制实施细则》', '《会议管理办法》']);
    expect(r.warnings).toEqual([]);
  });

  it('collects 具体表现 (1)(2) and ①② of a feedback text into manifestations', () => {
    const r = parseReportText(fixture('feedback.txt'));
    expect(r.categories.map((c) => c.title)).toEqual([
      '贯彻落实党的路线方针政策和上级决策部署方面',
      '落实全面从严治党战略部署方面',
    ]);
    expect(titles(r)).toEqual([
      ['学习贯彻习近平新时代中国特色社会主义思想不够深入', '落实乡村振兴战略有差距'],
      ['党风廉政建设压力传导不到位'],
    ]);
    const texts = r.categories.flatMap((c) => c.problems.map((p) => p.manifestations.map((m) => m.text)));
    expect(texts).toEqual([
      ['理论学习中心组学习流于形式', '学习记录不完整。'],
      ['产业项目推进缓慢，3个项目未按期开工', '村集体经济收入偏低', '人居环境整治不彻底。'],
      ['廉政谈话开展不经常', '警示教育针对性不强。'],
    ]);
    expect(problem(r, 1, 2).manifestations.map((m) => m.ordinal)).toEqual([1, 2, 3]);
    expect(measureCounts(r)).toEqual([0, 0, 0]);
    expect(r.round).toMatchObject({
      issuingUnit: '中共某区委第二巡察组',
      title: '关于巡察某街道党工委的反馈意见',
      inspectedUnit: '某街道党工委',
      inspectionStart: '2023-04-10',
      feedbackDate: '2023-07-20',
    });
    expect(r.round.nextSteps).toBeUndefined();
    expect(r.warnings).toEqual([]);
  });

  it('joins headings and paragraphs split across lines', () => {
    const r = parseReportText(fixture('split-heading.txt'));
    expect(r.round.title).toBe('关于区委第三轮巡察第一巡察组巡察反馈意见整改情况的通报');
    expect(r.round.issuingUnit).toBe('城中区某局');
    expect(r.categories.map((c) => c.title)).toEqual([REFERENCE_CATEGORIES[0]]);
    expect(titles(r)).toEqual([[REFERENCE_PROBLEMS[0]![0], '党建工作存在不足']]);
    expect(r.categories[0]!.problems.map((p) => p.line)).toEqual([13, 16]);
    expect(problem(r, 1, 2).measures.map((m) => m.text)).toEqual([
      '严格落实“三会一课”制度，做到活动有记录、开展出成效，积极对接社区参加党建联席会以及“四联双报到”活动。',
    ]);
    expect(measureCounts(r)).toEqual([2, 1]);
    expect(r.warnings).toEqual([]);
  });

  it('warns about numbering gaps and duplicates', () => {
    const text = [
      '二、反馈意见整改落实情况',
      '（一）政治建设方面',
      '1.关于“问题甲”问题的整改。',
      '一是措施一。二是措施二。',
      '3.关于“问题乙”问题的整改。',
      '措施。',
      '3.关于“问题丙”问题的整改。',
      '措施。',
      '（三）作风建设方面',
      '1.关于“问题丁”问题的整改。',
      '措施。',
    ].join('\n');
    const r = parseReportText(text);
    expect(r.categories.map((c) => c.ordinal)).toEqual([1, 2]);
    expect(r.categories[0]!.problems.map((p) => [p.ordinal, p.numbered])).toEqual([
      [1, true],
      [2, true],
      [3, true],
    ]);
    const messages = r.warnings.map((w) => [w.line, w.message]);
    expect(messages).toContainEqual([5, '问题序号3不连续（应为2），已按位置编为2']);
    expect(messages).toContainEqual([7, '问题序号3重复，已按位置编为3']);
    expect(messages).toContainEqual([9, '类别序号（3）与位置不符，已按位置编为2']);
  });

  it('puts problems without a category heading into an unnamed category', () => {
    const r = parseReportText('二、整改落实情况\n1.关于“问题甲”问题的整改。\n一是甲。二是乙。');
    expect(r.categories).toHaveLength(1);
    expect(r.categories[0]).toMatchObject({ ordinal: 1, title: '', line: 2 });
    expect(measureCounts(r)).toEqual([2]);
    expect(r.warnings.some((w) => w.line === 2 && w.message.includes('未命名类别'))).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['blank lines', ' \n\u3000\r\n\u00a0 '],
    ['garbage', 'lorem ipsum dolor\n@@@###\n\u0000\u0001 一是二是三是\n（一）\n1.\n关于'],
    ['binary', String.fromCharCode(...Array.from({ length: 300 }, (_, i) => (i * 7919) % 65536))],
    ['no section 二', '某局关于巡察整改情况的通报\n一、整改工作开展情况\n已完成整改10项。\n三、下一步工作打算\n继续整改。'],
  ])('never throws on %s input, and says what it did not find', (_, text) => {
    const r = parseReportText(text);
    expect(r.categories).toEqual([]);
    expect(r.warnings.length).toBeGreaterThan(0);
    for (const w of r.warnings) {
      expect(w.line).toBeGreaterThanOrEqual(1);
      expect(w.message).toMatch(/[\u4e00-\u9fff]/);
      expect(w.messageEn).toMatch(/[a-z]/);
    }
  });

  it('explains a missing section 二 on line 1', () => {
    const r = parseReportText('随便一段话。\n另一段话。');
    expect(r.warnings.map((w) => w.message)).toContain('未找到“二、反馈意见整改落实情况”或问题清单部分，未能识别类别和问题');
    expect(parseReportText('').warnings[0]).toMatchObject({ line: 1, message: '文本为空，未找到任何内容' });
  });
});

describe('docxToText', () => {
  it('extracts a .docx written with the docx package, and the text parses', async () => {
    const paragraphs = [
      '城中区某局',
      '关于区委第三轮巡察第一巡察组巡察反馈意见整改情况的通报',
      '2022年10月至12月，区委第三轮巡察第一巡察组对区某局开展巡察工作。2023年3月15日，巡察组反馈了巡察意见。',
      '一、巡察整改工作开展情况',
      '对照巡察组反馈的2个具体问题，列出3项具体整改措施，已完成整改3项。',
      '二、反馈意见整改落实情况',
      '（一）聚焦贯彻落实全面从严治党战略部署情况方面',
      '1.关于“工作作风不够严实”问题的整改。',
      '一是健全完善《某局公文收发管理暂行规定》。二是传达学习重要讲话。',
      '关于“党风廉政建设存在短板”问题的整改。',
      '召开党风廉政建设专题会议。',
      '三、下一步工作打算',
      '持续抓好整改。',
      '城中区某局',
      '2023年8月18日',
    ];
    const doc = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ text })) }] });
    const text = await docxToText(await Packer.toBuffer(doc));
    expect(text).toContain('关于“工作作风不够严实”问题的整改。');
    const r = parseReportText(text);
    expect(titles(r)).toEqual([['工作作风不够严实', '党风廉政建设存在短板']]);
    expect(measureCounts(r)).toEqual([2, 1]);
    expect(r.regulations).toEqual(['《某局公文收发管理暂行规定》']);
    expect(r.round).toMatchObject({ issuingUnit: '城中区某局', reportDate: '2023-08-18', feedbackDate: '2023-03-15' });
    expect(r.declared).toMatchObject({ problems: 2, measures: 3, closed: 3 });
    expect(r.warnings.map((w) => w.message)).toEqual(['第2个问题缺少序号，已按位置编为2']);
  });

  it.each([
    ['plain text', Buffer.from('这不是 Word 文档')],
    ['empty', Buffer.alloc(0)],
    ['a zip that is not a docx', Buffer.from('504b0304' + '00'.repeat(60), 'hex')],
  ])('throws UnreadableDocumentError for %s', async (_, buffer) => {
    const err = await docxToText(buffer).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableDocumentError);
    expect((err as UnreadableDocumentError).code).toBe('UNREADABLE_DOCUMENT');
    expect((err as Error).message).toContain('.docx');
  });
});

describe('level inference from the order of the markers', () => {
  const levels = (r: TextImportPreview) => r.categories.map((c) => c.problems.map((p) => [p.manifestations.length, p.measures.length]));

  it('reads problems → measures listed as （1） and says it guessed', () => {
    const r = parseReportText(
      ['某局关于巡察反馈问题整改情况的报告', '二、整改落实情况', '1.理论学习不深入', '（1）修订党组理论学习中心组学习计划，每月集中学习一次。', '（2）开展读书班。', '2.调查研究不够', '（1）班子成员每人每年牵头一项调研课题。'].join('\n'),
    );
    expect(levels(r)).toEqual([[[0, 2], [0, 1]]]);
    expect(r.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('层级按编号出现的顺序推断：“1.”为问题，“（1）”为整改措施'));
  });

  it('reads （1） as findings when measures follow under them, without any heading words', () => {
    const r = parseReportText(
      ['二、整改落实情况', '（一）政治建设', '1.理论学习不深入', '（1）学习计划不具体。', '一是修订学习计划。二是每月检查。', '（2）学习记录不全。', '建立学习台账。'].join('\n'),
    );
    expect(levels(r)).toEqual([[[2, 3]]]);
    expect(r.categories[0]!.problems[0]!.manifestations.map((m) => m.text)).toEqual(['学习计划不具体', '学习记录不全']);
  });

  it('puts the words before the order: 关于“…”问题的整改 is a problem wherever it first appears', () => {
    const r = parseReportText(['二、整改落实情况', '（1）关于“甲”问题的整改。一是A。二是B。', '（2）关于“乙”问题的整改。一是C。'].join('\n'));
    expect(r.categories[0]!.problems.map((p) => p.title)).toEqual(['甲', '乙']);
    expect(levels(r)).toEqual([[[0, 2], [0, 1]]]);
  });

  it('joins a marker left alone on its line and drops page numbers copied from a PDF', () => {
    const r = parseReportText(
      ['某局关于巡察整改情况的通报', '二、整改落实情况', '（一）', '政治建设方面', '1.', '关于“学习不深入”问题的整改。', '一是修订学习计划，每月', '— 2 —', '集中学习一次。二是开展读书班。'].join('\n'),
    );
    expect(r.categories.map((c) => c.title)).toEqual(['政治建设方面']);
    expect(r.categories[0]!.problems[0]!.measures.map((m) => m.text)).toEqual(['修订学习计划，每月集中学习一次。', '开展读书班。']);
    expect(r.warnings).toEqual([]);
  });
});

describe('declared figures in common phrasings', () => {
  const declared = (s: string) => parseReportText(`${s}\n二、整改落实情况\n（一）政治建设方面\n1.关于“甲”问题的整改。\n一是A。`).declared;

  it('keeps problem counts apart from measure counts', () => {
    expect(declared('巡察反馈25个问题，已完成整改19个，剩余6个正在整改。制定整改措施80条，已完成72条，正在推进5条，长期坚持3条。')).toEqual({
      problems: 25,
      problemsClosed: 19,
      problemsRemaining: 6,
      measures: 80,
      closed: 72,
      inProgress: 5,
      longTerm: 3,
    });
  });

  it('reads 建章立制, 追回资金, 问责 and meetings by their common names', () => {
    expect(
      declared('召开党组会议2次、党委会1次、专题推进会3次、专题研究会1次、民主生活会1次、组织生活会2次。建章立制5项，追回资金3000元，问责4人。'),
    ).toEqual({
      regulations: 5,
      fundsRecovered: 0.3,
      accountable: 4,
      meetings: [
        { type: 'party_group', count: 2 },
        { type: 'leadership', count: 1 },
        { type: 'special', count: 4 },
        { type: 'democratic_life', count: 1 },
        { type: 'org_life', count: 2 },
      ],
    });
  });
});

describe('pdfToText', () => {
  // Printed from corpus text 09 by chromium with a CJK font: lines wrap inside sentences and
  // paragraphs run over a page break, as in the PDFs units publish.
  const pdf = readFileSync(path.resolve(import.meta.dirname, 'fixtures/text-import/street-report.pdf'));
  const corpus = readFileSync(path.resolve(import.meta.dirname, 'corpus/09-street-paren-problems.txt'), 'utf8');

  it('gives back the paragraphs of the text the PDF was printed from', async () => {
    const text = await pdfToText(pdf);
    const paragraphs = corpus.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(text.split('\n')).toEqual(paragraphs);
  });

  it('parses like the text itself', async () => {
    const fromPdf = parseReportText(await pdfToText(pdf));
    const fromText = parseReportText(corpus);
    const shape = (r: TextImportPreview) => r.categories.map((c) => [c.title, c.problems.map((p) => [p.title, p.measures.map((m) => m.text)])]);
    expect(shape(fromPdf)).toEqual(shape(fromText));
    expect(fromPdf.declared).toEqual(fromText.declared);
    expect(fromPdf.round).toEqual(fromText.round);
  });

  it('reads a PDF an office suite printed on the document grid as the .docx it came from', async () => {
    // LibreOffice printed the reference round's report .docx (28 characters × 22 lines, justified):
    // each character is placed on its own, so the text comes out as 根 据 城 中 区 委 …, as it does
    // from Word's and WPS's PDFs of documents on the grid.
    const docx = readFileSync(path.resolve(import.meta.dirname, 'fixtures/text-import/office-suite-report.docx'));
    const printed = readFileSync(path.resolve(import.meta.dirname, 'fixtures/text-import/office-suite-report.pdf'));
    const raw = await pdfToText(printed);
    expect(raw).toContain('根 据 城 中 区 委');
    const fromPdf = parseReportText(raw);
    const fromDocx = parseReportText(await docxToText(docx));
    // Spaces between words inside a title (《…学思想 强党性…》) cannot be told from the grid's, so
    // the texts are compared without spaces; everything else is the same.
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    const shape = (r: TextImportPreview) => r.categories.map((c) => [squeeze(c.title), c.problems.map((p) => [squeeze(p.title), p.measures.map((m) => squeeze(m.text))])]);
    expect(shape(fromPdf)).toEqual(shape(fromDocx));
    expect(fromPdf.categories.flatMap((c) => c.problems.flatMap((p) => p.measures))).toHaveLength(47);
    expect(fromPdf.declared).toEqual(fromDocx.declared);
    expect(fromPdf.round.opening).toBe(fromDocx.round.opening);
    expect(fromPdf.warnings).toEqual([]);
  });

  it.each([
    ['plain text', Buffer.from('这不是 PDF'), 'pdf'],
    ['a truncated PDF', pdf.subarray(0, 400), 'pdf'],
    ['a PDF header and garbage', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x41)]), 'pdf'],
  ])('throws UnreadableDocumentError for %s', async (_, buffer, kind) => {
    const err = await pdfToText(buffer).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableDocumentError);
    expect((err as UnreadableDocumentError).kind).toBe(kind);
    expect((err as UnreadableDocumentError).messageZh).toContain('PDF');
  });
});

describe('normalizeLine and letter-spaced text', () => {
  it('closes the spaces a character grid puts between every character', () => {
    expect(normalizeLine('根 据 城 中 区 委 统 一 部 署 ， 2022年 10 月 至 12 月 ， 区 委 第 三 轮 巡 察')).toBe('根据城中区委统一部署，2022年10月至12月，区委第三轮巡察');
    expect(normalizeLine('一 、 巡 察 整 改 工 作 开 展 情 况')).toBe('一、巡察整改工作开展情况');
    expect(normalizeLine('（ 一 ） 聚 焦 贯 彻 落 实 党 的 理 论 方 面')).toBe('（一）聚焦贯彻落实党的理论方面');
    expect(normalizeLine('探 索 “ 体 育 + 旅 游 ” 创 新 发 展 模 式 ， 使 用 Word 2019 排 版')).toBe('探索“体育+旅游”创新发展模式，使用Word 2019排版');
  });

  it('keeps the few spaces a writer put between words', () => {
    expect(normalizeLine('落实《城中区学思想 强党性 重实践 建新功 壮大实体经济》部署')).toBe('落实《城中区学思想 强党性 重实践 建新功 壮大实体经济》部署');
  });
});
