import { fromChineseNumeral } from '@rectify/domain';

const CN = '[一二三四五六七八九十]{1,3}';

/** 一、反馈意见整改落实情况 — a short line, no sentence inside it. */
const SECTION = new RegExp(`^(${CN})[、.．]\\s*(.+)$`);
/** （一）聚焦…方面 */
const CATEGORY = new RegExp(`^（(${CN})）\\s*(.*)$`);
/** 1.关于“X”问题的整改。 — number optional, since real reports lose it. */
const GUANYU = /^(?:(\d{1,3})\s*[.、，,]\s*)?关于[“”"‘]?(.+?)[“”"’]?的?问题的?整改(?:落实)?(?:情况)?[。.：:；]?(.*)$/;
/** The start of such a heading, to notice one cut in two by a line break. */
const GUANYU_START = /^(?:\d{1,3}\s*[.、，,]\s*)?关于/;
/** 1.X / 1、X (not 1.5万 or 4.23) */
const DOTTED = /^(\d{1,3})\s*[.、，,]\s*(?!\d)(.+)$/;
/** （1）X or 1）X */
const PAREN_NUM = /^(?:（(\d{1,3})）|(\d{1,3})）)\s*(.*)$/;
const CIRCLED = /^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*(.*)$/;

export interface Numbered {
  num: number;
  rest: string;
}

export function sectionHeading(text: string): Numbered | undefined {
  const m = SECTION.exec(text);
  if (!m) return undefined;
  const title = m[2]!.trim();
  // A heading is short and has no sentence inside it.
  if (title.length > 40 || /[。；！？].+/.test(title)) return undefined;
  return { num: fromChineseNumeral(m[1]!) ?? 0, rest: title.replace(/[。：:]$/, '') };
}

export function categoryHeading(text: string): Numbered | undefined {
  const m = CATEGORY.exec(text);
  return m ? { num: fromChineseNumeral(m[1]!) ?? 0, rest: m[2]!.trim() } : undefined;
}

export function guanyuHeading(text: string): { num?: number; title: string; rest: string } | undefined {
  const m = GUANYU.exec(text);
  if (!m) return undefined;
  const title = m[2]!.trim();
  if (!title) return undefined;
  return { ...(m[1] ? { num: Number(m[1]) } : {}), title, rest: m[3]!.trim() };
}

export const startsGuanyuHeading = (text: string) => GUANYU_START.test(text);

export function dottedHeading(text: string): Numbered | undefined {
  const m = DOTTED.exec(text);
  return m ? { num: Number(m[1]), rest: m[2]!.trim() } : undefined;
}

export function parenNumber(text: string): Numbered | undefined {
  const m = PAREN_NUM.exec(text);
  if (m) return { num: Number(m[1] ?? m[2]), rest: m[3]!.trim() };
  const c = CIRCLED.exec(text);
  return c ? { num: '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'.indexOf(c[1]!) + 1, rest: c[2]!.trim() } : undefined;
}

/** 具体表现： / 主要表现： — starts the list of findings under a problem. */
export const MANIFESTATION_LABEL = /^(?:(?:具体|主要)表现(?:为|在)?[：:]?|表现(?:为|在)?[：:])\s*/;
/** 整改措施： / 整改情况： — starts the measures under a problem. */
export const MEASURE_LABEL = /^(?:整改(?:措施|情况|落实情况|成效|进展)|落实情况)[：:]\s*/;

/** Ends a sentence or clause, so a line ending otherwise was probably wrapped. */
export const ENDS_CLAUSE = /[。！？；：….!?;:]$/;

/** Number in digits or Chinese numerals: 14 / 十四. */
export function parseCount(token: string): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  return fromChineseNumeral(token);
}
export const COUNT = '(\\d+|[一二两三四五六七八九十百]+)';
