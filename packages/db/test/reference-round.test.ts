import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { referenceRound as round } from '../src/demo/reference-round.js';
import type { DemoMeasure } from '../src/demo/types.js';

// packages/db/test → repo root is three levels up; the shared folder sits next to the repo root.
const here = dirname(fileURLToPath(import.meta.url));
const referencePath = resolve(here, '../../..', '../shared/reference/000_3115509a2bee097f.txt');
const hasReference = existsSync(referencePath);
// The checks against the file are skipped, not passed, when it is absent; say so once.
if (!hasReference) console.warn(`reference report not found at ${referencePath}; verbatim checks skipped`);
const reference = hasReference ? readFileSync(referencePath, 'utf8') : '';
const squash = (s: string) => s.replace(/\s+/g, '');

const CATEGORY_TITLES = [
  '聚焦贯彻落实党的理论和路线方针政策以及上级重大决策部署情况方面',
  '聚焦贯彻落实全面从严治党战略部署情况方面',
  '聚焦贯彻落实新时代党的组织路线情况方面',
  '对巡察整改工作不够重视',
  '紧盯“一把手”履行第一责任人职责和廉洁自律情况方面',
];

const PROBLEM_TITLES = [
  '学习贯彻落实习近平总书记关于文化建设等方面系列重要讲话精神不到位',
  '对党的十九届六中全会精神的学习不认真',
  '贯彻落实上级重大部署，优化营商环境方面有较大差距',
  '对乡村振兴等工作的牵头作用发挥不足',
  '全民健身及文化服务存在不足',
  '落实意识形态工作主体责任存在差距',
  '工作作风不够严实',
  '党风廉政建设存在短板',
  '财经制度执行不够严格',
  '党建工作存在不足',
  '民主集中制落实不到位',
  '对干部队伍建设不够重视',
  '对巡察整改工作不够重视',
  '区文体广旅局‘一把手’履行第一责任人职责意识不强',
];

const problems = round.categories.flatMap((c) => c.problems);
const measures: DemoMeasure[] = problems.flatMap((p) => p.measures);

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

describe('reference round (demo data)', () => {
  it('has the five categories, in order, with the titles as printed', () => {
    expect(round.categories.map((c) => c.title)).toEqual(CATEGORY_TITLES);
    expect(round.categories.map((c) => c.ordinal)).toEqual([1, 2, 3, 4, 5]);
  });

  it('has the fourteen problems, in order, numbered within their category', () => {
    expect(problems.map((p) => p.title)).toEqual(PROBLEM_TITLES);
    for (const c of round.categories) {
      expect(c.problems.map((p) => p.ordinal)).toEqual(c.problems.map((_, i) => i + 1));
    }
    const unnumbered = round.categories[0]?.problems.find((p) => p.title === '全民健身及文化服务存在不足');
    expect(unnumbered?.ordinal).toBe(5);
  });

  it('counts 39 manifestations, at least one per problem', () => {
    expect(problems.reduce((n, p) => n + p.manifestations.length, 0)).toBe(39);
    for (const p of problems) expect(p.manifestations.length, p.title).toBeGreaterThan(0);
  });

  it('counts 47 measures: 46 closed and one still in progress (the fitness equipment)', () => {
    expect(measures).toHaveLength(47);
    expect(measures.filter((m) => m.status === 'closed')).toHaveLength(46);
    const open = measures.filter((m) => m.status !== 'closed');
    expect(open).toHaveLength(1);
    expect(open[0]?.text).toContain('室外健身器材配建管理办法');
    expect(open[0]?.completedDate).toBeNull();
    expect(open[0]?.progress).toBeLessThan(100);
  });

  it('keeps closed measures consistent: 100%, completed within the rectification period', () => {
    for (const m of measures.filter((x) => x.status === 'closed')) {
      expect(m.progress, m.key).toBe(100);
      expect(m.completedDate, m.key).not.toBeNull();
      expect(m.completedDate! > round.feedbackDate, m.key).toBe(true);
      expect(m.completedDate! < round.reportDate, m.key).toBe(true);
    }
  });

  it('puts written measures before supplementary ones within each problem', () => {
    for (const p of problems) {
      const firstDemo = p.measures.findIndex((m) => m.demo);
      if (firstDemo >= 0) expect(p.measures.slice(firstDemo).every((m) => m.demo), p.title).toBe(true);
    }
  });

  it('links each measure to one of its problem’s manifestations, or to none', () => {
    for (const p of problems) {
      for (const m of p.measures) {
        if (m.manifestationIndex === null) continue;
        expect(Number.isInteger(m.manifestationIndex), m.key).toBe(true);
        expect(m.manifestationIndex, m.key).toBeGreaterThanOrEqual(0);
        expect(m.manifestationIndex, m.key).toBeLessThan(p.manifestations.length);
      }
    }
  });

  it('counts the meetings as the report does: 3 leadership, 3 special, 1 organisational life', () => {
    const count = (type: string) => round.meetings.filter((m) => m.type === type).length;
    expect(count('leadership')).toBe(3);
    expect(count('special')).toBe(3);
    expect(count('org_life')).toBe(1);
    expect(round.meetings).toHaveLength(7);
  });

  it('has nine regulations, each with a distinct title in 《》', () => {
    expect(round.regulations).toHaveLength(9);
    expect(new Set(round.regulations.map((r) => r.title)).size).toBe(9);
    for (const r of round.regulations) expect(r.title).toMatch(/^《[^《》]+》$/);
  });

  it('links each regulation to a measure that names it', () => {
    const byKey = new Map(measures.map((m) => [m.key, m]));
    for (const r of round.regulations) {
      const linked = r.measureKeys.map((k) => byKey.get(k));
      expect(linked.length, r.title).toBeGreaterThan(0);
      expect(linked.some((m) => m?.text.includes(r.title)), r.title).toBe(true);
    }
  });

  it('has unique keys', () => {
    const unique = (keys: string[]) => expect(new Set(keys).size).toBe(keys.length);
    unique(measures.map((m) => m.key));
    unique(round.departments.map((d) => d.key));
    unique(round.people.map((p) => p.key));
    unique(round.leadingGroup.map((g) => g.personKey));
  });

  it('resolves every person, department and measure reference', () => {
    const departments = new Set(round.departments.map((d) => d.key));
    const people = new Set(round.people.map((p) => p.key));
    const measureKeys = new Set(measures.map((m) => m.key));
    for (const p of round.people) {
      if (p.departmentKey !== null) expect(departments.has(p.departmentKey), p.key).toBe(true);
    }
    for (const g of round.leadingGroup) expect(people.has(g.personKey), g.personKey).toBe(true);
    expect(round.leadingGroup.filter((g) => g.role === 'head')).toHaveLength(1);
    for (const m of measures) {
      expect(people.has(m.leaderKey), `${m.key} leader ${m.leaderKey}`).toBe(true);
      expect(departments.has(m.leadDepartmentKey), `${m.key} lead ${m.leadDepartmentKey}`).toBe(true);
      for (const d of m.coDepartmentKeys) {
        expect(departments.has(d), `${m.key} co ${d}`).toBe(true);
        expect(d, m.key).not.toBe(m.leadDepartmentKey);
      }
    }
    for (const r of round.regulations) {
      for (const k of r.measureKeys) expect(measureKeys.has(k), `${r.title} → ${k}`).toBe(true);
    }
  });

  it('uses valid YYYY-MM-DD dates everywhere', () => {
    const dates: [string, string | null][] = [
      ['inspectionStart', round.inspectionStart],
      ['inspectionEnd', round.inspectionEnd],
      ['feedbackDate', round.feedbackDate],
      ['rectificationDeadline', round.rectificationDeadline],
      ['reportDate', round.reportDate],
      ...round.meetings.map((m): [string, string] => [`meeting ${m.topic}`, m.date]),
      ...round.regulations.map((r): [string, string] => [r.title, r.issuedDate]),
      ...measures.map((m): [string, string] => [`${m.key} deadline`, m.deadline]),
      ...measures.map((m): [string, string | null] => [`${m.key} completed`, m.completedDate]),
    ];
    for (const [what, date] of dates) {
      if (date === null) continue;
      expect(isIsoDate(date), `${what}: ${date}`).toBe(true);
    }
    expect(round.inspectionStart < round.inspectionEnd).toBe(true);
    expect(round.inspectionEnd < round.feedbackDate).toBe(true);
    expect(round.feedbackDate < round.reportDate).toBe(true);
  });

  describe.skipIf(!hasReference)(`against the published report (${referencePath})`, () => {
    it('reproduces the opening, next steps and contact paragraphs verbatim', () => {
      const ref = squash(reference);
      expect(ref).toContain(squash(round.reportOpening));
      expect(ref).toContain(squash(round.reportContact));
      const steps = round.reportNextSteps.split('\n');
      expect(steps).toHaveLength(3);
      for (const s of steps) expect(ref).toContain(squash(s));
    });

    it('names every regulation as printed', () => {
      const ref = squash(reference);
      for (const r of round.regulations) expect(ref, r.title).toContain(squash(r.title));
    });

    it('prints every category and problem title as in the report', () => {
      const ref = squash(reference);
      for (const c of round.categories) expect(ref, c.title).toContain(squash(c.title));
      for (const p of problems) expect(ref, p.title).toContain(squash(`关于“${p.title}”问题的整改`));
    });

    it('reproduces every written (non-demo) measure verbatim', () => {
      const ref = squash(reference);
      const written = measures.filter((m) => !m.demo);
      expect(written.length).toBeGreaterThan(0);
      for (const m of written) expect(ref, m.key).toContain(squash(m.text));
    });
  });
});
