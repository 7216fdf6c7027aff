import { describe, expect, it } from 'vitest';
import type { MeasureItem, RoundTree } from '@rectify/domain';
import { allKeys, filterCategories } from './filterTree';

const counts = { total: 1, closed: 0, inProgress: 1, notStarted: 0, pendingClosure: 0, overdue: 0 };
const measure = (id: number, text: string): MeasureItem => ({
  id, problemId: 1, manifestationId: null, ordinal: id, text, kind: 'deadline', status: 'in_progress', deadline: null,
  completedDate: null, overdue: false, daysOverdue: 0, progress: 0, leader: null, leadDepartment: null, demo: false, version: 0,
});
const tree = {
  today: '2024-01-01',
  counts,
  categories: [
    {
      id: 1, ordinal: 1, title: '聚焦全面从严治党方面', version: 0, counts, rectified: false,
      problems: [
        { id: 1, ordinal: 1, title: '工作作风不够严实', version: 0, counts, rectified: false,
          manifestations: [{ id: 1, ordinal: 1, text: '会议纪要不规范', demo: true, version: 0 }],
          measures: [measure(1, '制定室外健身器材配建管理办法'), measure(2, '开展读书沙龙')] },
        { id: 2, ordinal: 2, title: '党风廉政建设存在短板', version: 0, counts, rectified: false, manifestations: [], measures: [] },
      ],
    },
    { id: 2, ordinal: 2, title: '对巡察整改工作不够重视', version: 0, counts, rectified: false, problems: [] },
  ],
} as unknown as RoundTree;

describe('filterCategories', () => {
  it('keeps the ancestors of a matching measure and drops the rest', () => {
    const result = filterCategories(tree, '健身器材');
    expect(result).toHaveLength(1);
    expect(result[0]!.problems).toHaveLength(1);
    expect(result[0]!.problems[0]!.measures.map((m) => m.id)).toEqual([1]);
    expect(result[0]!.problems[0]!.manifestations).toEqual([]);
    expect(allKeys(result)).toEqual(['c:1', 'p:1', 'ps:1']);
  });

  it('keeps the whole subtree of a matching node, and everything for an empty query', () => {
    const result = filterCategories(tree, '作风');
    expect(result[0]!.problems[0]!.measures).toHaveLength(2);
    expect(filterCategories(tree, '  ')).toBe(tree.categories);
    expect(filterCategories(tree, '不存在的内容')).toEqual([]);
  });
});
