import type { Db } from '../client.js';

/**
 * The rest of a demo district around the reference round (issue 8): the committee's inspection
 * office (巡察办) and a few more inspected units, each with a round of its own, so that the
 * programme view compares something. All of it is invented and flagged `demo`: the units are
 * plausible for a district like Chengzhong, their findings generic, their progress varied
 * (one unit nearly done, one far behind, one with nothing started).
 */

interface DemoUnit {
  name: string;
  shortName: string;
  unitType: 'bureau' | 'town' | 'school' | 'enterprise';
  roundName: string;
  groupName: string;
  inspectionStart: string;
  inspectionEnd: string;
  feedbackDate: string;
  rectificationDeadline: string;
  /** Per category: title, then per problem its title and measures as [status, deadline]. */
  categories: { title: string; problems: { title: string; measures: [Status, string][] }[] }[];
  departments: string[];
  people: { name: string; title: string; department: number }[];
}

type Status = 'not_started' | 'in_progress' | 'pending_closure' | 'closed';

export const SUPERVISING_OFFICE = { name: '中共柳州市城中区委巡察工作领导小组办公室', shortName: '区委巡察办' };

const politics = '聚焦贯彻落实党的路线方针政策和党中央、自治区党委、市委、区委决策部署情况方面';
const integrity = '聚焦群众身边不正之风和腐败问题情况方面';
const building = '聚焦基层党组织建设情况方面';

const UNITS: DemoUnit[] = [
  {
    name: '城中区教育局',
    shortName: '教育局',
    unitType: 'bureau',
    roundName: '第三轮',
    groupName: '第二巡察组',
    inspectionStart: '2022-10-01',
    inspectionEnd: '2022-12-31',
    feedbackDate: '2023-03-16',
    rectificationDeadline: '2023-06-16',
    departments: ['办公室', '基础教育股', '计划财务股'],
    people: [
      { name: '周明', title: '局长', department: 0 },
      { name: '黄丽', title: '副局长', department: 1 },
      { name: '覃海', title: '股长', department: 2 },
    ],
    categories: [
      { title: politics, problems: [
        { title: '落实"双减"政策不够到位', measures: [['closed', '2023-05-31'], ['closed', '2023-06-30'], ['in_progress', '2023-07-31']] },
        { title: '教育资源配置不够均衡', measures: [['closed', '2023-06-30'], ['pending_closure', '2023-08-31']] },
      ] },
      { title: integrity, problems: [
        { title: '校外培训机构监管存在薄弱环节', measures: [['closed', '2023-05-31'], ['closed', '2023-06-15']] },
        { title: '食堂财务管理不够规范', measures: [['in_progress', '2023-07-15'], ['not_started', '2023-09-30']] },
      ] },
    ],
  },
  {
    name: '城中区卫生健康局',
    shortName: '卫健局',
    unitType: 'bureau',
    roundName: '第三轮',
    groupName: '第三巡察组',
    inspectionStart: '2022-10-08',
    inspectionEnd: '2022-12-30',
    feedbackDate: '2023-03-20',
    rectificationDeadline: '2023-06-20',
    departments: ['办公室', '医政医管股', '疾病预防控制股'],
    people: [
      { name: '韦东', title: '局长', department: 0 },
      { name: '莫婷', title: '副局长', department: 1 },
    ],
    categories: [
      { title: politics, problems: [
        { title: '基层医疗服务能力提升推进缓慢', measures: [['closed', '2023-05-31'], ['closed', '2023-06-30'], ['closed', '2023-06-30']] },
      ] },
      { title: building, problems: [
        { title: '"三会一课"制度落实不严格', measures: [['closed', '2023-04-30'], ['closed', '2023-05-31']] },
        { title: '党员教育管理不够严格', measures: [['closed', '2023-06-30']] },
      ] },
    ],
  },
  {
    name: '城中区城中街道办事处',
    shortName: '城中街道',
    unitType: 'town',
    roundName: '第四轮',
    groupName: '第一巡察组',
    inspectionStart: '2023-04-10',
    inspectionEnd: '2023-06-10',
    feedbackDate: '2023-07-05',
    rectificationDeadline: '2023-10-05',
    departments: ['党政办', '社区建设办', '城市管理办'],
    people: [
      { name: '罗刚', title: '党工委书记', department: 0 },
      { name: '蓝芳', title: '副主任', department: 1 },
      { name: '梁军', title: '主任', department: 2 },
    ],
    categories: [
      { title: politics, problems: [
        { title: '老旧小区改造推进不力', measures: [['not_started', '2023-08-10'], ['in_progress', '2023-08-15'], ['in_progress', '2023-09-30']] },
        { title: '网格化管理不够精细', measures: [['not_started', '2023-08-01'], ['closed', '2023-07-31']] },
      ] },
      { title: integrity, problems: [
        { title: '社区惠民资金监管不严', measures: [['in_progress', '2023-07-31'], ['not_started', '2023-10-05']] },
      ] },
      { title: building, problems: [
        { title: '社区党组织服务功能发挥不充分', measures: [['not_started', '2023-08-12'], ['in_progress', '2023-10-05']] },
      ] },
    ],
  },
  {
    name: '城中区潭中街道办事处',
    shortName: '潭中街道',
    unitType: 'town',
    roundName: '第四轮',
    groupName: '第二巡察组',
    inspectionStart: '2023-04-10',
    inspectionEnd: '2023-06-10',
    feedbackDate: '2023-07-06',
    rectificationDeadline: '2023-10-06',
    departments: ['党政办', '经济发展办'],
    people: [
      { name: '谢平', title: '党工委书记', department: 0 },
      { name: '陆洋', title: '副主任', department: 1 },
    ],
    categories: [
      { title: politics, problems: [
        { title: '优化营商环境举措落实不够', measures: [['in_progress', '2023-09-30'], ['closed', '2023-08-10']] },
      ] },
      { title: integrity, problems: [
        { title: '公务接待管理不规范', measures: [['closed', '2023-07-31'], ['in_progress', '2023-08-31']] },
      ] },
    ],
  },
  {
    name: '柳州市城中区实验学校',
    shortName: '实验学校',
    unitType: 'school',
    roundName: '第四轮',
    groupName: '第三巡察组',
    inspectionStart: '2023-04-17',
    inspectionEnd: '2023-06-16',
    feedbackDate: '2023-07-10',
    rectificationDeadline: '2023-10-10',
    departments: ['校办公室', '教务处'],
    people: [
      { name: '曾红', title: '校长', department: 0 },
      { name: '潘宇', title: '教务主任', department: 1 },
    ],
    categories: [
      { title: building, problems: [
        { title: '师德师风建设有待加强', measures: [['not_started', '2023-09-30'], ['not_started', '2023-10-10']] },
        { title: '党组织会议记录不规范', measures: [['in_progress', '2023-08-31']] },
      ] },
    ],
  },
];

export interface DistrictResult {
  loaded: boolean;
  roundIds: number[];
  reason?: string;
}

/**
 * Adds the 巡察办 and the other demo units and rounds, once: only when the database holds exactly
 * the demo reference round (loadDemoRound ran, nothing real was entered), in one transaction.
 */
export async function loadDemoDistrict(db: Db): Promise<DistrictResult> {
  const rounds = await db.inspectionRound.findMany({ select: { demo: true, inspectedUnitId: true, committee: true, inspectedUnit: { select: { parentId: true } } } });
  if (rounds.length !== 1 || !rounds[0]!.demo) return { loaded: false, roundIds: [], reason: 'the database does not hold the demo reference round alone' };
  const reference = rounds[0]!;

  const roundIds = await db.$transaction(
    async (tx) => {
      const parentId = reference.inspectedUnit.parentId;
      await tx.organization.update({ where: { id: reference.inspectedUnitId }, data: { unitType: 'bureau', demo: true } });
      await tx.organization.upsert({
        where: { name: SUPERVISING_OFFICE.name },
        update: {},
        create: { ...SUPERVISING_OFFICE, kind: 'supervising', parentId, demo: true },
      });
      const ids: number[] = [];
      for (const u of UNITS) {
        const unit = await tx.organization.create({ data: { name: u.name, shortName: u.shortName, unitType: u.unitType, kind: 'unit', parentId, demo: true } });
        const departments = [];
        for (const name of u.departments) departments.push(await tx.department.create({ data: { organizationId: unit.id, name, demo: true } }));
        const people = [];
        for (const p of u.people) {
          people.push(await tx.person.create({ data: { organizationId: unit.id, name: p.name, title: p.title, departmentId: departments[p.department]!.id, demo: true } }));
        }
        const round = await tx.inspectionRound.create({
          data: {
            committee: reference.committee,
            roundName: u.roundName,
            groupName: u.groupName,
            inspectedUnitId: unit.id,
            inspectionStart: u.inspectionStart,
            inspectionEnd: u.inspectionEnd,
            feedbackDate: u.feedbackDate,
            rectificationDeadline: u.rectificationDeadline,
            demo: true,
          },
        });
        ids.push(round.id);
        let n = 0;
        for (const [ci, c] of u.categories.entries()) {
          const category = await tx.category.create({ data: { roundId: round.id, ordinal: ci + 1, title: c.title } });
          for (const [pi, p] of c.problems.entries()) {
            const problem = await tx.problem.create({ data: { categoryId: category.id, roundId: round.id, ordinal: pi + 1, title: p.title } });
            for (const [mi, [status, deadline]] of p.measures.entries()) {
              const person = people[n % people.length]!;
              n++;
              await tx.measure.create({
                data: {
                  problemId: problem.id,
                  roundId: round.id,
                  ordinal: mi + 1,
                  text: `针对"${p.title}"问题，${['建立健全工作制度', '开展专项检查整治', '加强教育培训', '落实定期督查'][mi % 4]}，明确责任分工和完成时限。`,
                  kind: 'deadline',
                  status,
                  deadline,
                  startDate: u.feedbackDate,
                  completedDate: status === 'closed' ? deadline : null,
                  progress: status === 'closed' ? 100 : status === 'pending_closure' ? 100 : status === 'in_progress' ? 50 : 0,
                  leaderId: person.id,
                  leadDepartmentId: person.departmentId,
                  demo: true,
                },
              });
            }
          }
        }
      }
      return ids;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return { loaded: true, roundIds };
}
