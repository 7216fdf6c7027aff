import type { MeetingType, TextImportConfirm, TextImportPreviewResult } from '@rectify/domain';

/**
 * The editable review of a parsed text: what the office corrects in the browser before the
 * round is created. Every list item carries a stable key (React lists, moves and deletes).
 * All functions here are pure: they return a new state and leave the old one untouched.
 */
export interface ReviewItem {
  key: string;
  text: string;
  /** The line of the source text it was read from (absent when added by hand). */
  line?: number;
}
export interface ReviewProblem {
  key: string;
  title: string;
  /** The line of the source text it came from (0 when added by hand). */
  line: number;
  /** False when the text gave it no number (the reference's problem "5."). */
  numbered: boolean;
  manifestations: ReviewItem[];
  measures: ReviewItem[];
}
export interface ReviewCategory {
  key: string;
  title: string;
  line: number;
  problems: ReviewProblem[];
}
export const ROUND_TEXT_FIELDS = ['committee', 'roundName', 'groupName', 'inspectedUnit'] as const;
export const ROUND_DATE_FIELDS = ['inspectionStart', 'inspectionEnd', 'feedbackDate', 'rectificationDeadline', 'reportDate'] as const;
export const ROUND_LONG_FIELDS = ['opening', 'nextSteps', 'contact'] as const;
export type RoundTextField = (typeof ROUND_TEXT_FIELDS)[number];
export type RoundDateField = (typeof ROUND_DATE_FIELDS)[number];
export type RoundLongField = (typeof ROUND_LONG_FIELDS)[number];

export type ReviewRound = Record<RoundTextField | RoundLongField, string> & Record<RoundDateField, string | null>;

export interface ReviewState {
  round: ReviewRound;
  categories: ReviewCategory[];
  regulations: ReviewItem[];
  /** The meetings the text counts by type: confirming registers one row per meeting (dated later on the registers page). */
  meetings: { type: MeetingType; count: number }[];
}

export interface Counts {
  categories: number;
  problems: number;
  manifestations: number;
  measures: number;
  regulations: number;
}

let nextKey = 0;
/** A key unique within this page. */
export const newKey = (prefix = 'k'): string => `${prefix}${++nextKey}`;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** YYYY-MM-DD of a real calendar day, else null. */
export function isoDateOrNull(value: string | null | undefined): string | null {
  const m = ISO_DATE.exec(value?.trim() ?? '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? m[0] : null;
}

const items = (texts: readonly string[], prefix: string): ReviewItem[] => texts.map((text) => ({ key: newKey(prefix), text }));

export function fromPreview(preview: TextImportPreviewResult): ReviewState {
  const r = preview.round;
  return {
    round: {
      committee: r.committee ?? '',
      roundName: r.roundName ?? '',
      groupName: r.groupName ?? '',
      inspectedUnit: r.inspectedUnit ?? '',
      inspectionStart: isoDateOrNull(r.inspectionStart),
      inspectionEnd: isoDateOrNull(r.inspectionEnd),
      feedbackDate: isoDateOrNull(r.feedbackDate),
      rectificationDeadline: null,
      reportDate: isoDateOrNull(r.reportDate),
      opening: r.opening ?? '',
      nextSteps: r.nextSteps ?? '',
      contact: r.contact ?? '',
    },
    categories: preview.categories.map((c) => ({
      key: newKey('c'),
      title: c.title,
      line: c.line,
      problems: c.problems.map((p) => ({
        key: newKey('p'),
        title: p.title,
        line: p.line,
        numbered: p.numbered,
        manifestations: p.manifestations.map((m) => ({ key: newKey('f'), text: m.text, line: m.line })),
        measures: p.measures.map((m) => ({ key: newKey('m'), text: m.text, line: m.line })),
      })),
    })),
    regulations: items(preview.regulations, 'r'),
    meetings: (preview.declared.meetings ?? []).filter((m) => m.count > 0).map((m) => ({ type: m.type, count: Math.min(m.count, 100) })),
  };
}

export const emptyProblem = (): ReviewProblem => ({
  key: newKey('p'),
  title: '',
  line: 0,
  numbered: true,
  manifestations: [],
  measures: [{ key: newKey('m'), text: '' }],
});
export const emptyCategory = (): ReviewCategory => ({ key: newKey('c'), title: '', line: 0, problems: [emptyProblem()] });
export const emptyItem = (prefix = 'i'): ReviewItem => ({ key: newKey(prefix), text: '' });

// ---- list operations --------------------------------------------------------------------

/** The list with the item at `index` moved by `delta` places (clamped); the same list when it cannot move. */
export function move<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = Math.max(0, Math.min(list.length - 1, index + delta));
  if (index < 0 || index >= list.length || to === index) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item as T);
  return next;
}
export const removeAt = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);
export const replaceAt = <T>(list: readonly T[], index: number, item: T): T[] => list.map((x, i) => (i === index ? item : x));
/** Inserts after `index` (-1: at the start; omitted: at the end). */
export function insertAt<T>(list: readonly T[], item: T, index = list.length - 1): T[] {
  const next = [...list];
  next.splice(index + 1, 0, item);
  return next;
}

export const updateCategory = (state: ReviewState, ci: number, fn: (c: ReviewCategory) => ReviewCategory): ReviewState => {
  const current = state.categories[ci];
  return current ? { ...state, categories: replaceAt(state.categories, ci, fn(current)) } : state;
};
export const updateProblem = (
  state: ReviewState,
  ci: number,
  pi: number,
  fn: (p: ReviewProblem) => ReviewProblem,
): ReviewState =>
  updateCategory(state, ci, (c) => {
    const current = c.problems[pi];
    return current ? { ...c, problems: replaceAt(c.problems, pi, fn(current)) } : c;
  });

// ---- counts and checks ------------------------------------------------------------------

const filled = (list: readonly ReviewItem[]) => list.filter((i) => i.text.trim() !== '');

/** What confirming would create (blank measures, manifestations and regulations are left out). */
export function countReview(state: ReviewState): Counts {
  const counts: Counts = { categories: state.categories.length, problems: 0, manifestations: 0, measures: 0, regulations: filled(state.regulations).length };
  for (const c of state.categories) {
    counts.problems += c.problems.length;
    for (const p of c.problems) {
      counts.manifestations += filled(p.manifestations).length;
      counts.measures += filled(p.measures).length;
    }
  }
  return counts;
}

export type GapKind = 'problems' | 'manifestations' | 'measures' | 'regulations';
export interface Gap {
  kind: GapKind;
  declared: number;
  parsed: number;
}

/** The other figures the text states (completed, in progress, funds, people held accountable, meetings), as they read. */
export type FigureKind = 'closed' | 'remaining' | 'problemsClosed' | 'problemsRemaining' | 'inProgress' | 'longTerm' | 'fundsRecovered' | 'accountable';
export const FIGURE_KINDS: FigureKind[] = ['problemsClosed', 'problemsRemaining', 'closed', 'remaining', 'inProgress', 'longTerm', 'fundsRecovered', 'accountable'];
export function declaredFigures(declared: TextImportPreviewResult['declared']): { kind: FigureKind; value: number }[] {
  return FIGURE_KINDS.flatMap((kind) => {
    const value = declared[kind];
    return typeof value === 'number' ? [{ kind, value }] : [];
  });
}

/**
 * The counts the text states (“共梳理出问题14个…整改措施47项”) next to what the review holds now
 * (as the office edits it), so the office sees what the parser missed. Only the kinds the text declares are listed.
 */
export function compareDeclared(declared: TextImportPreviewResult['declared'], counts: Counts): Gap[] {
  const kinds: GapKind[] = ['problems', 'manifestations', 'measures', 'regulations'];
  return kinds.flatMap((kind) => {
    const d = declared[kind];
    return typeof d === 'number' ? [{ kind, declared: d, parsed: counts[kind] }] : [];
  });
}

export type IssueCode =
  | 'noCategories'
  | 'missingField'
  | 'badDateOrder'
  | 'categoryTitle'
  | 'problemTitle'
  | 'noProblems'
  | 'tooLong';
export interface ReviewIssue {
  code: IssueCode;
  /** The round field, when the issue is about one. */
  field?: RoundTextField;
  /** 1-based positions, to name the category / problem in the message. */
  category?: number;
  problem?: number;
}

const MAX = { title: 500, name: 100 };

/** What must be fixed before confirming; empty when the review can be sent. */
export function validateReview(state: ReviewState): ReviewIssue[] {
  const issues: ReviewIssue[] = [];
  for (const field of ROUND_TEXT_FIELDS) {
    const value = state.round[field].trim();
    if (!value) issues.push({ code: 'missingField', field });
    else if (value.length > (field === 'roundName' || field === 'groupName' ? MAX.name : MAX.title)) issues.push({ code: 'tooLong', field });
  }
  const { inspectionStart: start, inspectionEnd: end } = state.round;
  if (start && end && start > end) issues.push({ code: 'badDateOrder' });
  if (state.categories.length === 0) issues.push({ code: 'noCategories' });
  state.categories.forEach((c, ci) => {
    if (!c.title.trim()) issues.push({ code: 'categoryTitle', category: ci + 1 });
    if (c.problems.length === 0) issues.push({ code: 'noProblems', category: ci + 1 });
    c.problems.forEach((p, pi) => {
      if (!p.title.trim()) issues.push({ code: 'problemTitle', category: ci + 1, problem: pi + 1 });
    });
  });
  return issues;
}

const optional = (value: string): string | undefined => (value.trim() ? value.trim() : undefined);

/** The reviewed state as the body of POST /api/import/text. */
export function toConfirm(state: ReviewState): TextImportConfirm {
  const r = state.round;
  const round: TextImportConfirm['round'] = {
    committee: r.committee.trim(),
    roundName: r.roundName.trim(),
    groupName: r.groupName.trim(),
    inspectedUnit: r.inspectedUnit.trim(),
  };
  for (const field of ROUND_DATE_FIELDS) {
    const date = isoDateOrNull(r[field]);
    if (date) round[field] = date;
  }
  for (const field of ROUND_LONG_FIELDS) {
    const text = optional(r[field]);
    if (text) round[field] = text;
  }
  const texts = (list: readonly ReviewItem[]) => filled(list).map((i) => i.text.trim());
  const regulations = texts(state.regulations);
  return {
    round,
    categories: state.categories.map((c) => ({
      title: c.title.trim(),
      problems: c.problems.map((p) => {
        const manifestations = texts(p.manifestations);
        return { title: p.title.trim(), ...(manifestations.length ? { manifestations } : {}), measures: texts(p.measures) };
      }),
    })),
    ...(regulations.length ? { regulations } : {}),
    ...(state.meetings.length ? { meetings: state.meetings } : {}),
  };
}
