import { describe, expect, it } from 'vitest';
import type { TextImportPreviewResult } from '@rectify/domain';
import {
  compareDeclared,
  declaredFigures,
  countReview,
  emptyCategory,
  fromPreview,
  insertAt,
  isoDateOrNull,
  move,
  removeAt,
  toConfirm,
  updateProblem,
  validateReview,
} from './review';

const preview: TextImportPreviewResult = {
  round: {
    committee: '中共城中区十一届委员会',
    roundName: '第三轮',
    groupName: '第一巡察组',
    inspectedUnit: '区文化体育广电和旅游局',
    inspectionStart: '2022-10-01',
    inspectionEnd: '2022-12-31',
    feedbackDate: '2023-03-15',
    reportDate: '2023年8月18日',
    opening: '根据城中区委统一部署……',
    nextSteps: '',
  },
  categories: [
    {
      ordinal: 1,
      title: '聚焦贯彻落实党的理论和路线方针政策情况方面',
      line: 20,
      problems: [
        {
          ordinal: 1,
          numbered: true,
          title: '学习贯彻不到位',
          line: 27,
          manifestations: [{ ordinal: 1, text: '学习计划不具体', line: 28 }],
          measures: [
            { ordinal: 1, text: '加大非遗项目的保护力度', line: 29 },
            { ordinal: 2, text: '开设读书沙龙', line: 29 },
          ],
        },
        { ordinal: 5, numbered: false, title: '全民健身及文化服务存在不足', line: 39, manifestations: [], measures: [{ ordinal: 1, text: '维修健身器材', line: 41 }] },
      ],
    },
  ],
  declared: { problems: 14, measures: 47, regulations: 1, closed: 46 },
  regulations: ['《三方询价暂行规定》'],
  warnings: [{ line: 39, message: '第5个问题缺少序号', messageEn: 'Problem 5 has no number' }],
};

describe('the review of a parsed text', () => {
  it('starts from the preview: texts, valid dates only, keys unique', () => {
    const state = fromPreview(preview);
    expect(state.round.committee).toBe('中共城中区十一届委员会');
    expect(state.round.inspectionStart).toBe('2022-10-01');
    expect(state.round.reportDate).toBeNull(); // not YYYY-MM-DD
    expect(state.round.contact).toBe('');
    expect(state.categories[0]!.problems[1]!.numbered).toBe(false);
    const keys = [
      ...state.categories.map((c) => c.key),
      ...state.categories.flatMap((c) => c.problems.flatMap((p) => [p.key, ...p.measures.map((m) => m.key)])),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('becomes the confirm body: trimmed, blanks dropped, empty optional fields left out', () => {
    let state = fromPreview(preview);
    state = updateProblem(state, 0, 0, (p) => ({
      ...p,
      title: '  学习贯彻落实不到位 ',
      measures: [...p.measures, { key: 'x', text: '   ' }],
    }));
    const body = toConfirm(state);
    expect(body.round).toEqual({
      committee: '中共城中区十一届委员会',
      roundName: '第三轮',
      groupName: '第一巡察组',
      inspectedUnit: '区文化体育广电和旅游局',
      inspectionStart: '2022-10-01',
      inspectionEnd: '2022-12-31',
      feedbackDate: '2023-03-15',
      opening: '根据城中区委统一部署……',
    });
    expect(body.categories).toEqual([
      {
        title: '聚焦贯彻落实党的理论和路线方针政策情况方面',
        problems: [
          { title: '学习贯彻落实不到位', manifestations: ['学习计划不具体'], measures: ['加大非遗项目的保护力度', '开设读书沙龙'] },
          { title: '全民健身及文化服务存在不足', measures: ['维修健身器材'] },
        ],
      },
    ]);
    expect(body.regulations).toEqual(['《三方询价暂行规定》']);
    expect('regulations' in toConfirm({ ...state, regulations: [{ key: 'r', text: ' ' }] })).toBe(false);
  });

  it('registers the meetings the text counts by type (党组会 and 民主生活会 as their own types)', () => {
    const state = fromPreview({ ...preview, declared: { ...preview.declared, meetings: [{ type: 'party_group', count: 2 }, { type: 'democratic_life', count: 1 }, { type: 'special', count: 0 }] } });
    expect(toConfirm(state).meetings).toEqual([{ type: 'party_group', count: 2 }, { type: 'democratic_life', count: 1 }]);
    expect('meetings' in toConfirm(fromPreview(preview))).toBe(false);
  });

  it('follows moves, removals and additions of measures, problems and categories', () => {
    let state = fromPreview(preview);
    state = updateProblem(state, 0, 0, (p) => ({ ...p, measures: move(p.measures, 1, -1) }));
    expect(toConfirm(state).categories[0]!.problems[0]!.measures).toEqual(['开设读书沙龙', '加大非遗项目的保护力度']);
    state = updateProblem(state, 0, 0, (p) => ({ ...p, measures: removeAt(p.measures, 0) }));
    expect(toConfirm(state).categories[0]!.problems[0]!.measures).toEqual(['加大非遗项目的保护力度']);
    state = { ...state, categories: state.categories.map((c) => ({ ...c, problems: move(c.problems, 1, -1) })) };
    expect(toConfirm(state).categories[0]!.problems.map((p) => p.title)).toEqual(['全民健身及文化服务存在不足', '学习贯彻不到位']);

    const added = { ...state, categories: insertAt(state.categories, emptyCategory()) };
    expect(added.categories).toHaveLength(2);
    expect(validateReview(added)).toEqual([
      { code: 'categoryTitle', category: 2 },
      { code: 'problemTitle', category: 2, problem: 1 },
    ]);
  });

  it('lists what blocks the confirmation', () => {
    const state = fromPreview(preview);
    expect(validateReview(state)).toEqual([]);
    const broken = {
      ...state,
      round: { ...state.round, groupName: ' ', inspectionStart: '2023-01-01', inspectionEnd: '2022-12-31' },
      categories: [],
    };
    expect(validateReview(broken)).toEqual([{ code: 'missingField', field: 'groupName' }, { code: 'badDateOrder' }, { code: 'noCategories' }]);
  });

  it('counts what confirming creates and compares it with the counts the text declares', () => {
    const counts = countReview(fromPreview(preview));
    expect(counts).toEqual({ categories: 1, problems: 2, manifestations: 1, measures: 3, regulations: 1 });
    expect(compareDeclared(preview.declared, counts)).toEqual([
      { kind: 'problems', declared: 14, parsed: 2 },
      { kind: 'measures', declared: 47, parsed: 3 },
      { kind: 'regulations', declared: 1, parsed: 1 },
    ]);
  });

  it('keeps list helpers pure and clamped', () => {
    const list = ['a', 'b', 'c'];
    expect(move(list, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(list, 2, 1)).toEqual(['a', 'b', 'c']);
    expect(move(list, 0, 2)).toEqual(['b', 'c', 'a']);
    expect(insertAt(list, 'x', -1)).toEqual(['x', 'a', 'b', 'c']);
    expect(insertAt(list, 'x')).toEqual(['a', 'b', 'c', 'x']);
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('accepts only real calendar days', () => {
    expect(isoDateOrNull('2023-02-28')).toBe('2023-02-28');
    expect(isoDateOrNull('2023-02-30')).toBeNull();
    expect(isoDateOrNull('2023.6.30')).toBeNull();
    expect(isoDateOrNull(undefined)).toBeNull();
  });
});

describe('what the review shows beside the hierarchy', () => {
  it('keeps the source line of every finding and measure', () => {
    const state = fromPreview(preview);
    const p = state.categories[0]!.problems[0]!;
    expect(p.manifestations.map((m) => m.line)).toEqual([28]);
    expect(p.measures.map((m) => m.line)).toEqual([29, 29]);
  });

  it('lists the other figures the text states, in reading order, and only those', () => {
    expect(declaredFigures({ measures: 47, closed: 46, remaining: 1, problemsClosed: 19, fundsRecovered: 5.37, accountable: 7 })).toEqual([
      { kind: 'problemsClosed', value: 19 },
      { kind: 'closed', value: 46 },
      { kind: 'remaining', value: 1 },
      { kind: 'fundsRecovered', value: 5.37 },
      { kind: 'accountable', value: 7 },
    ]);
    expect(declaredFigures({ problems: 14 })).toEqual([]);
  });
});
