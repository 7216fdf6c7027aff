import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * Synthetic data sets written straight into a freshly migrated database: ids are assigned here,
 * rows go in as multi-row INSERTs inside one transaction (the ORM would take hours at province size).
 * Only the columns present when the bench was written are filled; newer columns must be optional.
 */
export type Size = 'demo' | 'city' | 'province';
export interface Shape {
  rounds: number;
  measures: number;
  updatesPerMeasure: number;
  evidencePerMeasure: number;
  /** measures in round 1 (the ledger export), round 2 (the tree) and round 3 (the cold dashboard) */
  largestRound: number;
  treeRound: number;
  dashboardRound: number;
}
export const shapes: Record<Exclude<Size, 'demo'>, Shape> = {
  city: { rounds: 180, measures: 9_000, updatesPerMeasure: 20, evidencePerMeasure: 2, largestRound: 2_000, treeRound: 100, dashboardRound: 1_000 },
  province: { rounds: 1_800, measures: 90_000, updatesPerMeasure: 20, evidencePerMeasure: 2, largestRound: 2_000, treeRound: 100, dashboardRound: 1_000 },
};

type Value = string | number | boolean | null;
export interface Writer {
  insert(table: string, columns: string[], rows: Value[][]): Promise<void>;
}

const MAX_PARAMS = 30_000;

export function sqliteWriter(db: Database.Database): Writer {
  const statements = new Map<string, Database.Statement>();
  const statement = (table: string, columns: string[], count: number) => {
    const key = `${table}:${count}`;
    let s = statements.get(key);
    if (!s) {
      const row = `(${columns.map(() => '?').join(',')})`;
      s = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${Array(count).fill(row).join(',')}`);
      statements.set(key, s);
    }
    return s;
  };
  return {
    async insert(table, columns, rows) {
      const batch = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
      for (let i = 0; i < rows.length; i += batch) {
        const chunk = rows.slice(i, i + batch);
        statement(table, columns, chunk.length).run(chunk.flat().map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)));
      }
    },
  };
}

export function pgWriter(client: pg.Client): Writer {
  return {
    async insert(table, columns, rows) {
      const batch = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
      for (let i = 0; i < rows.length; i += batch) {
        const chunk = rows.slice(i, i + batch);
        const values = chunk.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(',')})`).join(',');
        await client.query({ text: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${values}`, values: chunk.flat() });
      }
    },
  };
}

/** Deterministic pseudo-random numbers, so two runs measure the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (base: Date, offset: number) => new Date(base.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
const STATUSES = ['not_started', 'in_progress', 'in_progress', 'pending_closure', 'closed', 'closed'] as const;
const KINDS = ['immediate', 'deadline', 'deadline', 'long_term'] as const;

export interface Counts {
  organizations: number;
  departments: number;
  people: number;
  rounds: number;
  categories: number;
  problems: number;
  manifestations: number;
  measures: number;
  progressUpdates: number;
  evidence: number;
  overdueOpen: number;
}
export interface Generated {
  counts: Counts;
  benchPersonId: number;
  largestRoundId: number;
  treeRoundId: number;
  dashboardRoundId: number;
}

/** Measures per round: round 1 the largest, round 2 the tree round, round 3 the dashboard's, the rest share what is left. */
function measuresPerRound(shape: Shape, random: () => number): number[] {
  const rest = shape.measures - shape.largestRound - shape.treeRound - shape.dashboardRound;
  const others = shape.rounds - 3;
  const weights = Array.from({ length: others }, () => 0.5 + random());
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(3, Math.round((w / total) * rest)));
  return [shape.largestRound, shape.treeRound, shape.dashboardRound, ...sizes];
}

export async function generate(writer: Writer, shape: Shape, today: Date): Promise<Generated> {
  const random = rng(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const now = today.toISOString();
  const counts: Counts = { organizations: 0, departments: 0, people: 0, rounds: 0, categories: 0, problems: 0, manifestations: 0, measures: 0, progressUpdates: 0, evidence: 0, overdueOpen: 0 };

  // Organisations: one committee, then one unit per three rounds; 5 departments and 10 people each.
  const units = Math.max(1, Math.ceil(shape.rounds / 3));
  const orgs: Value[][] = [[1, '城中区委', '区委', null, 0, now, now]];
  for (let u = 0; u < units; u++) orgs.push([u + 2, `测试单位${u + 1}`, `单位${u + 1}`, 1, 0, now, now]);
  await writer.insert('Organization', ['id', 'name', 'shortName', 'parentId', 'version', 'createdAt', 'updatedAt'], orgs);
  counts.organizations = orgs.length;
  const departments: Value[][] = [];
  const people: Value[][] = [];
  const deptOf = (org: number, k: number) => (org - 1) * 5 + k + 1;
  const personOf = (org: number, k: number) => (org - 1) * 10 + k + 1;
  for (let org = 1; org <= orgs.length; org++) {
    for (let k = 0; k < 5; k++) departments.push([deptOf(org, k), org, `科室${k + 1}`, false, 0, now, now]);
    for (let k = 0; k < 10; k++) people.push([personOf(org, k), org, `人员${org}-${k + 1}`, k === 0 ? '主任' : '干部', deptOf(org, k % 5), false, 0, now, now]);
  }
  await writer.insert('Department', ['id', 'organizationId', 'name', 'demo', 'version', 'createdAt', 'updatedAt'], departments);
  await writer.insert('Person', ['id', 'organizationId', 'name', 'title', 'departmentId', 'demo', 'version', 'createdAt', 'updatedAt'], people);
  counts.departments = departments.length;
  counts.people = people.length;

  const sizes = measuresPerRound(shape, random);
  let categoryId = 0, problemId = 0, manifestationId = 0, measureId = 0, updateId = 0, evidenceId = 0;
  for (let r = 0; r < sizes.length; r++) {
    const roundId = r + 1;
    const unit = 2 + (r % units);
    // Rounds started over the last three years; deadlines spread around today so some are overdue.
    const start = Math.floor(-1000 + random() * 900);
    await writer.insert(
      'InspectionRound',
      ['id', 'committee', 'roundName', 'groupName', 'inspectedUnitId', 'inspectionStart', 'inspectionEnd', 'feedbackDate', 'rectificationDeadline', 'reportDate', 'demo', 'version', 'createdAt', 'updatedAt'],
      [[roundId, '中共城中区十一届委员会', `第${Math.floor(r / 6) + 1}轮`, `第${(r % 6) + 1}巡察组`, unit, day(today, start), day(today, start + 30), day(today, start + 60), day(today, start + 240), null, false, 0, now, now]],
    );
    const measures = sizes[r] as number;
    const problemsInRound = Math.max(1, Math.ceil(measures / 3));
    const categoriesInRound = Math.min(3, problemsInRound);
    const cats: Value[][] = [];
    for (let c = 0; c < categoriesInRound; c++) cats.push([++categoryId, roundId, c + 1, `方面${c + 1}：落实主体责任不到位`, 0, now, now]);
    const firstCategory = categoryId - categoriesInRound + 1;
    const problems: Value[][] = [];
    const manifestations: Value[][] = [];
    const measureRows: Value[][] = [];
    const updates: Value[][] = [];
    const evidence: Value[][] = [];
    for (let p = 0; p < problemsInRound; p++) {
      problems.push([++problemId, firstCategory + (p % categoriesInRound), roundId, Math.floor(p / categoriesInRound) + 1, `具体问题${p + 1}`, 0, now, now]);
      manifestations.push([++manifestationId, problemId, 1, `具体表现：问题${p + 1}的表现`, false, 0, now, now]);
      for (let m = 0; m < 3 && measureRows.length < measures; m++) {
        const status = pick(STATUSES);
        const deadlineOffset = Math.floor(start + 60 + random() * 600);
        const deadline = day(today, Math.min(deadlineOffset, 400));
        if (status !== 'closed' && deadline < day(today, 0)) counts.overdueOpen++;
        const progress = status === 'closed' ? 100 : status === 'not_started' ? 0 : Math.floor(random() * 90) + 5;
        const leader = personOf(unit, Math.floor(random() * 10));
        measureRows.push([++measureId, problemId, roundId, manifestationId, m + 1, `整改措施${measureId}：建立健全相关制度并抓好落实`, pick(KINDS), status, deadline,
          status === 'closed' ? day(today, Math.min(deadlineOffset - 5, -1)) : null, leader, deptOf(unit, Math.floor(random() * 5)), progress, status === 'closed' ? '已完成整改' : null, false, 0, now, now]);
        for (let u = 0; u < shape.updatesPerMeasure; u++) {
          updates.push([++updateId, measureId, leader, null, day(today, start + 60 + u * 7), `第${u + 1}次进展：已召开专题会议，推进整改`, Math.min(100, u * 5), now]);
        }
        for (let e = 0; e < shape.evidencePerMeasure; e++) {
          evidence.push([++evidenceId, measureId, `佐证材料${e + 1}.pdf`, 'application/pdf', 10_000 + e, `${measureId.toString(16).padStart(32, '0')}${e.toString(16).padStart(32, '0')}`, null, now]);
        }
      }
    }
    await writer.insert('Category', ['id', 'roundId', 'ordinal', 'title', 'version', 'createdAt', 'updatedAt'], cats);
    await writer.insert('Problem', ['id', 'categoryId', 'roundId', 'ordinal', 'title', 'version', 'createdAt', 'updatedAt'], problems);
    await writer.insert('Manifestation', ['id', 'problemId', 'ordinal', 'text', 'demo', 'version', 'createdAt', 'updatedAt'], manifestations);
    await writer.insert('Measure', ['id', 'problemId', 'roundId', 'manifestationId', 'ordinal', 'text', 'kind', 'status', 'deadline', 'completedDate', 'leaderId', 'leadDepartmentId', 'progress', 'outcome', 'demo', 'version', 'createdAt', 'updatedAt'], measureRows);
    await writer.insert('ProgressUpdate', ['id', 'measureId', 'authorId', 'authorUserId', 'date', 'text', 'percent', 'createdAt'], updates);
    await writer.insert('Evidence', ['id', 'measureId', 'fileName', 'mimeType', 'size', 'sha256', 'uploadedByUserId', 'createdAt'], evidence);
    counts.categories += cats.length;
    counts.problems += problems.length;
    counts.manifestations += manifestations.length;
    counts.measures += measureRows.length;
    counts.progressUpdates += updates.length;
    counts.evidence += evidence.length;
  }
  counts.rounds = sizes.length;
  // The bench account's person leads measures in unit 2 (rounds 1, 1+units, …): "my tasks" has work.
  return { counts, benchPersonId: personOf(2, 0), largestRoundId: 1, treeRoundId: 2, dashboardRoundId: 3 };
}

/** Tables whose ids were assigned here: PostgreSQL's sequences must move past them. */
export const ID_TABLES = ['Organization', 'Department', 'Person', 'InspectionRound', 'Category', 'Problem', 'Manifestation', 'Measure', 'ProgressUpdate', 'Evidence', 'User'];
