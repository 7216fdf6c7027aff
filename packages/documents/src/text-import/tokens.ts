import { fromChineseNumeral } from '@rectify/domain';
import { leadingEnumeration } from './enumeration.js';
import { MANIFESTATION_LABEL, MEASURE_LABEL } from './patterns.js';

/**
 * The enumeration marker a line starts with. Lines are normalised first, so （一）/(一) are one
 * style, and 1. / 1、 / 1． are one style.
 */
export type MarkerStyle =
  | 'cn-dun' // 一、
  | 'cn-paren' // （一）
  | 'cn-ordinal' // 第一方面 / 第一部分
  | 'num-dot' // 1. 1、 1．
  | 'num-paren' // （1）
  | 'num-half' // 1）
  | 'circled' // ①
  | 'guanyu'; // 关于“…”问题的整改 with no number in front

/** What the words of a line say about its level, independent of its marker. */
export type Hint = 'category' | 'problem' | 'manifestation';

export interface Token {
  no: number;
  /** The whole (joined, normalised) line. */
  text: string;
  style?: MarkerStyle;
  /** The number the marker carries; undefined for an unnumbered 关于“…” heading. */
  value?: number;
  /** The text after the marker. */
  rest: string;
  hint?: Hint;
  /** For 关于“X”问题的整改 / 关于“X”的整改: X, and the text after the heading. */
  guanyu?: { title: string; rest: string };
  /** 一是… / 具体表现： / 整改措施： — content that is not an outline item. */
  content: boolean;
}

const CN = '[一二三四五六七八九十]{1,3}';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

const MARKERS: { style: MarkerStyle; re: RegExp; value: (m: RegExpExecArray) => number | undefined }[] = [
  { style: 'cn-paren', re: new RegExp(`^（(${CN})）\\s*(.*)$`), value: (m) => fromChineseNumeral(m[1]!) },
  { style: 'cn-ordinal', re: new RegExp(`^第(${CN})(?:方面|部分)[，、：。\\s]*(.*)$`), value: (m) => fromChineseNumeral(m[1]!) },
  { style: 'cn-dun', re: new RegExp(`^(${CN})[、.]\\s*(.+)$`), value: (m) => fromChineseNumeral(m[1]!) },
  // 1.X / 1、X / 1，X — not 1.5万 or 4.23
  { style: 'num-dot', re: /^(\d{1,3})\s*[.、，](?!\d)\s*(.+)$/, value: (m) => Number(m[1]) },
  { style: 'num-paren', re: /^（(\d{1,3})）\s*(.*)$/, value: (m) => Number(m[1]) },
  { style: 'num-half', re: /^(\d{1,3})）\s*(.*)$/, value: (m) => Number(m[1]) },
  { style: 'circled', re: new RegExp(`^([${CIRCLED}])\\s*(.*)$`), value: (m) => CIRCLED.indexOf(m[1]!) + 1 },
];

/** 关于“X”问题的整改。rest — the problem level. */
const GUANYU_PROBLEM = /^关于[“”"‘]?(.+?)[“”"’]?的?问题的?整改(?:落实)?(?:情况)?[。.：:；]?(.*)$/;
/** 关于“X”的整改。rest — the manifestation level (the quotes are required: X is a finding). */
const GUANYU_FINDING = /^关于[“‘](.+?)[”’]的?整改(?:落实)?(?:情况)?[。.：:；]?(.*)$/;

export function guanyu(text: string): { hint: Hint; title: string; rest: string } | undefined {
  const p = GUANYU_PROBLEM.exec(text);
  if (p && p[1]!.trim()) return { hint: 'problem', title: p[1]!.trim(), rest: p[2]!.trim() };
  const f = GUANYU_FINDING.exec(text);
  if (f && f[1]!.trim()) return { hint: 'manifestation', title: f[1]!.trim(), rest: f[2]!.trim() };
  return undefined;
}

/** A category title ends in 方面 (…方面存在的问题 too). */
const CATEGORY_WORDS = /方面(?:存在的?|的)?(?:主要)?(?:问题)?$/;

/** The first clause of an item: its title. */
export function firstClause(text: string): string {
  return (/^(.+?)(?:[。；！？：]|$)/.exec(text)?.[1] ?? text).trim();
}

export function tokenize(no: number, text: string): Token {
  const base = { no, text, content: false };
  for (const { style, re, value } of MARKERS) {
    const m = re.exec(text);
    if (!m) continue;
    const rest = m[2]!.trim();
    // A marker needs words after it: a bare （一） or 1. is not an item (joinParagraphs joins a
    // marker left alone on its line with the words on the next).
    if (!/\p{L}/u.test(rest)) break;
    // 一、 is a heading only when short and without a sentence in it; else 一、 is prose.
    if (style === 'cn-dun' && (firstClause(rest).length > 60 || !rest)) break;
    const g = guanyu(rest);
    const hint: Hint | undefined = g?.hint ?? (style === 'cn-ordinal' || CATEGORY_WORDS.test(firstClause(rest).replace(/[，,].*$/, '')) ? 'category' : undefined);
    return { ...base, style, value: value(m), rest, ...(hint ? { hint } : {}), ...(g ? { guanyu: { title: g.title, rest: g.rest } } : {}) };
  }
  const g = guanyu(text);
  if (g) return { ...base, style: 'guanyu', rest: text, hint: g.hint, guanyu: { title: g.title, rest: g.rest } };
  const content = leadingEnumeration(text) !== undefined || MANIFESTATION_LABEL.test(text) || MEASURE_LABEL.test(text);
  return { ...base, rest: text, content };
}

/** A line holding nothing but a marker, as PDF copies leave them: （一） / 1. / ①. */
export const BARE_MARKER = /^(?:（[一二三四五六七八九十\d]{1,3}）|[一二三四五六七八九十]{1,3}、|\d{1,3}[.、）]|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]|第[一二三四五六七八九十]{1,3}方面[：，]?)$/;

/** A line that starts an outline item or a list of content: a wrapped line stops before it. */
export function isStructural(text: string): boolean {
  const t = tokenize(0, text);
  return t.style !== undefined || t.content || /^(?:\d{1,3}\s*[.、，]\s*)?关于/.test(text);
}
