import { enumerationWord } from '@rectify/domain';

// Reports rarely go past 十是; twenty leaves room without risking false matches.
const MAX = 20;
const WORDS = Array.from({ length: MAX }, (_, i) => enumerationWord(i + 1));
// 一是 counts only at a clause start; 统一是 or 十一是 must not split a measure.
const BOUNDARY = /[。；，：！？、）”’\s]/;

function findWord(text: string, n: number, from: number): number {
  const word = WORDS[n - 1]!;
  for (let i = text.indexOf(word, from); i >= 0; i = text.indexOf(word, i + 1)) {
    if (i === 0 || BOUNDARY.test(text[i - 1]!)) return i;
  }
  return -1;
}

/** The enumeration number a paragraph starts with (二是… → 2), if any. */
export function leadingEnumeration(text: string): number | undefined {
  let best: number | undefined;
  WORDS.forEach((w, i) => {
    if (text.startsWith(w) && (best === undefined || w.length > WORDS[best - 1]!.length)) best = i + 1;
  });
  return best;
}

/** Trims the joints left by cutting a paragraph: leading commas, trailing semicolons. */
export function cleanSegment(text: string): string {
  return text
    .replace(/^[\s，,：:、；;]+/, '')
    .replace(/[\s，,、；;]+$/, '')
    .trim();
}

const hasContent = (s: string) => /[\p{L}\p{N}]{2,}/u.test(s);
// After an explicit 一是 even one character is content; before it, a stray word is noise.
const hasAny = (s: string) => /[\p{L}\p{N}]/u.test(s);

/**
 * Cuts a paragraph at 一是/二是/三是…, in ascending order only. Text before the first word becomes a
 * segment of its own; a paragraph without the words is one segment.
 */
export function splitEnumerated(text: string): string[] {
  let n = leadingEnumeration(text);
  let pos = 0;
  if (n === undefined) {
    pos = findWord(text, 1, 0);
    if (pos < 0) return hasContent(text) ? [cleanSegment(text)] : [];
    n = 1;
  }
  const cuts: { pos: number; len: number }[] = [{ pos, len: WORDS[n - 1]!.length }];
  while (n < MAX) {
    const next = findWord(text, n + 1, pos + WORDS[n - 1]!.length);
    if (next < 0) break;
    n++;
    pos = next;
    cuts.push({ pos, len: WORDS[n - 1]!.length });
  }
  const segments: string[] = [];
  const preamble = text.slice(0, cuts[0]!.pos);
  if (hasContent(preamble)) segments.push(cleanSegment(preamble));
  cuts.forEach((c, i) => {
    const s = cleanSegment(text.slice(c.pos + c.len, cuts[i + 1]?.pos ?? text.length));
    if (hasAny(s)) segments.push(s);
  });
  return segments;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** Cuts a paragraph at inline （1）（2）… or ①②…, ascending; undefined when it has no such markers. */
export function splitNumberedItems(text: string): string[] | undefined {
  const markers: ((n: number) => string)[] = [(n) => `（${n}）`, (n) => CIRCLED[n - 1] ?? '\u0000'];
  for (const marker of markers) {
    const cuts: { pos: number; len: number }[] = [];
    let from = 0;
    for (let n = 1; n <= 20; n++) {
      const m = marker(n);
      const p = text.indexOf(m, from);
      if (p < 0) break;
      cuts.push({ pos: p, len: m.length });
      from = p + m.length;
    }
    if (cuts.length === 0) continue;
    const out: string[] = [];
    const rawPreamble = text.slice(0, cuts[0]!.pos).trim();
    // "主要表现在：" introduces the list; it is not an item itself.
    if (hasContent(rawPreamble) && !/[：:]$/.test(rawPreamble)) out.push(cleanSegment(rawPreamble));
    cuts.forEach((c, i) => {
      const s = cleanSegment(text.slice(c.pos + c.len, cuts[i + 1]?.pos ?? text.length));
      if (hasAny(s)) out.push(s);
    });
    return out;
  }
  return undefined;
}
