import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportText } from '../src/text-import/index.js';
import type { ParsedDeclared, ParsedRound, TextImportPreview } from '../src/text-import/index.js';

/**
 * Texts in the genre, written for these tests: units of different kinds, each in a style real
 * reports and feedback texts use. manifest.json holds what a careful reader counts in each.
 */
interface Expected {
  unit: string;
  style: string;
  categories: number;
  problems: number;
  manifestations: number;
  measures: number;
  measuresPerProblem: number[];
  declared: ParsedDeclared;
  regulations: number;
  round: Partial<ParsedRound>;
  warnings: string[];
}

const dir = path.resolve(import.meta.dirname, 'corpus');
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, Expected>;
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

function counts(r: TextImportPreview) {
  const problems = r.categories.flatMap((c) => c.problems);
  return {
    categories: r.categories.length,
    problems: problems.length,
    manifestations: problems.reduce((n, p) => n + p.manifestations.length, 0),
    measures: problems.reduce((n, p) => n + p.measures.length, 0),
  };
}

const figures = (d: ParsedDeclared) =>
  Object.entries(d)
    .map(([k, v]) => (k === 'meetings' ? `meetings ${(v as { type: string; count: number }[]).map((m) => `${m.type}:${m.count}`).join('+')}` : `${k} ${String(v)}`))
    .join(', ') || '—';

describe('the text-import corpus', () => {
  it('has at least 12 texts, each in the manifest', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(Object.keys(manifest).sort()).toEqual(files);
  });

  it('prints expected vs parsed for every text', () => {
    const rows = files.map((f) => {
      const e = manifest[f]!;
      const p = counts(parseReportText(readFileSync(path.join(dir, f), 'utf8')));
      const cell = (k: keyof typeof p) => (e[k] === p[k] ? `${p[k]}` : `${e[k]}≠${p[k]}`);
      return [f, cell('categories'), cell('problems'), cell('manifestations'), cell('measures'), figures(e.declared)];
    });
    const header = ['text', 'categories', 'problems', 'manifestations', 'measures', 'declared figures'];
    const table = [header, ...rows].map((r) => r.join(' | ')).join('\n');
    console.log(`text-import corpus (expected≠parsed where they differ)\n${table}`);
    expect(rows.every((r) => r.slice(1, 5).every((c) => !c.includes('≠')))).toBe(true);
  });

  describe.each(files)('%s', (file) => {
    const expected = manifest[file]!;
    const text = readFileSync(path.join(dir, file), 'utf8');
    const r = parseReportText(text);

    it('finds every category, problem, finding and measure', () => {
      expect(counts(r)).toEqual({
        categories: expected.categories,
        problems: expected.problems,
        manifestations: expected.manifestations,
        measures: expected.measures,
      });
      expect(r.categories.flatMap((c) => c.problems.map((p) => p.measures.length))).toEqual(expected.measuresPerProblem);
    });

    it('reads the declared figures, kept apart by what they count', () => {
      expect(r.declared).toEqual(expected.declared);
      expect(r.regulations).toHaveLength(expected.regulations);
    });

    it('reads the round facts and says what it had to guess', () => {
      expect(r.round).toMatchObject(expected.round);
      expect(r.warnings.map((w) => w.message)).toEqual(expected.warnings);
    });

    it('points every item at the line of the text it was read from', () => {
      const lines = text.split(/\r\n|\r|\n/);
      const problems = r.categories.flatMap((c) => c.problems);
      const squash = (s: string) => s.replace(/[\s"“”'‘’,.;:()，。；：（）]/g, '');
      problems.forEach((p, i) => {
        const end = problems[i + 1]?.line ?? lines.length;
        for (const item of [...p.manifestations, ...p.measures]) {
          expect(item.line).toBeGreaterThanOrEqual(p.line);
          expect(item.line).toBeLessThanOrEqual(end);
          // Its first words are in the paragraph that starts on its line.
          expect(squash(lines.slice(item.line - 1, end).join(''))).toContain(squash(item.text).slice(0, 3));
        }
      });
    });

    it('titles are never empty and carry no numbering', () => {
      for (const c of r.categories) {
        if (expected.warnings.some((w) => w.includes('未命名类别'))) expect(c.title).toBe('');
        else expect(c.title).toMatch(/\p{L}/u);
        for (const p of c.problems) {
          expect(p.title).toMatch(/\p{L}/u);
          expect(p.title).not.toMatch(/^(?:\d|（|第[一二三四五六七八九十]|关于)/);
        }
      }
    });
  });
});
