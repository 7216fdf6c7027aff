import type { MeasureDetail, RoundRecords, RoundSummary, RoundWithTotals } from '@rectify/domain';

const counts = (total: number, closed: number, overdue = 0) => ({
  total,
  closed,
  inProgress: total - closed,
  notStarted: 0,
  pendingClosure: 0,
  overdue,
});

export const round: RoundWithTotals = {
  id: 1,
  title: '中共城中区十一届委员会第三轮巡察第一巡察组',
  committee: '中共城中区十一届委员会',
  roundName: '第三轮',
  groupName: '第一巡察组',
  inspectedUnit: { id: 7, name: '城中区文化体育广电和旅游局' },
  reportState: 'draft',
  inspectionStart: '2022-10-01',
  inspectionEnd: '2022-12-31',
  feedbackDate: '2023-03-15',
  rectificationDeadline: '2023-06-30',
  reportDate: '2023-08-18',
  demo: true,
  version: 0,
  totals: { categories: 2, problems: 3, manifestations: 5, measures: 4, ...counts(4, 3, 1) },
};

export const summary: RoundSummary = {
  roundId: 1,
  today: '2024-01-10',
  totals: { categories: 2, problems: 3, manifestations: 5, measures: 4, closed: 3, inProgress: 1, notStarted: 0, pendingClosure: 0, overdue: 1 },
  byCategory: [
    { categoryId: 11, ordinal: 1, title: '聚焦贯彻落实党的理论和路线方针政策以及上级重大决策部署情况方面', ...counts(2, 2) },
    { categoryId: 12, ordinal: 2, title: '聚焦贯彻落实全面从严治党战略部署情况方面', ...counts(2, 1, 1) },
  ],
  byLeader: [{ leaderId: 21, name: '张局长', ...counts(4, 3, 1) }],
  byDepartment: [{ departmentId: 31, name: '体育股', ...counts(4, 3, 1) }],
  ratings: { satisfied: 5, basicallySatisfied: 2, dissatisfied: 1, opinions: 9 },
  overdue: [
    {
      id: 101,
      text: '制定《城中区文化体育广电和旅游局室外健身器材配建管理办法》',
      deadline: '2023-12-31',
      daysOverdue: 10,
      status: 'in_progress',
      leader: { id: 21, name: '张局长' },
      leadDepartment: { id: 31, name: '体育股' },
      category: { id: 12, ordinal: 2, title: '聚焦贯彻落实全面从严治党战略部署情况方面' },
      problem: { id: 41, ordinal: 1, title: '工作作风不够严实' },
    },
  ],
};

export const records: RoundRecords = { regulations: [], meetings: [], leadingGroup: [] };

export const measure: MeasureDetail = {
  id: 101,
  problemId: 41,
  manifestationId: null,
  ordinal: 1,
  text: '制定《城中区文化体育广电和旅游局室外健身器材配建管理办法》',
  kind: 'deadline',
  status: 'in_progress',
  deadline: '2023-12-31',
  completedDate: null,
  overdue: true,
  daysOverdue: 10,
  progress: 60,
  leader: { id: 21, name: '张局长' },
  leadDepartment: { id: 31, name: '体育股' },
  demo: false,
  version: 3,
  path: {
    round: { id: 1, title: round.title },
    category: { id: 12, ordinal: 2, title: '聚焦贯彻落实全面从严治党战略部署情况方面' },
    problem: { id: 41, ordinal: 1, title: '工作作风不够严实' },
  },
  coDepartments: [],
  outcome: '已完成55件健身器材的维修',
  figures: [{ id: 1, label: '维修健身器材', value: 55, unit: '件' }],
  updates: [],
  regulations: [],
  latestClosure: null,
  evidenceCount: 0,
  locked: false,
  myAccess: { update: true, progress: true, reopen: false, decideClosure: false },
  createdAt: '2023-03-20T08:00:00.000Z',
  updatedAt: '2023-07-01T08:00:00.000Z',
};
