import type { Line } from './types.js';

// A CJK ideograph or CJK punctuation: ASCII punctuation next to one is a typing slip for full-width.
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’《》]/;
const EDGE_SPACE = /^[\s\u3000\u00a0\ufeff\u200b]+|[\s\u3000\u00a0\ufeff\u200b]+$/g;

const FULL_WIDTH_PUNCT: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
};

/** Full-width digits and Latin letters → ASCII; they carry no meaning of their own in these texts. */
function foldFullWidthAlnum(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Straight quotes alternate open/close within a line, which is how people type them. */
function curlQuotes(s: string): string {
  let dbl = false;
  let sgl = false;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') {
      dbl = !dbl;
      out += dbl ? '“' : '”';
    } else if (c === "'" && !(/[A-Za-z]/.test(s[i - 1] ?? '') && /[A-Za-z]/.test(s[i + 1] ?? ''))) {
      // An apostrophe between letters (don't) stays as it is.
      sgl = !sgl;
      out += sgl ? '‘' : '’';
    } else out += c;
  }
  return out;
}

function widenPunctuation(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const prev = s[i - 1] ?? '';
    const next = s[i + 1] ?? '';
    const nearCjk = CJK.test(prev) || CJK.test(next);
    if (c in FULL_WIDTH_PUNCT && nearCjk) out += FULL_WIDTH_PUNCT[c];
    else if (c === '(') out += '（';
    else if (c === ')') out += '）';
    // A period after a Chinese character ends a sentence; after a digit it is a numbering dot or decimal.
    else if (c === '.' && CJK.test(prev) && (next === '' || /\s/.test(next) || CJK.test(next))) out += '。';
    else out += c;
  }
  return out;
}

// Chinese characters and the punctuation set between them, for telling layout spaces from a writer's.
const HAN_OR_PUNCT = '\\u3400-\\u9fff，。；：、！？（）“”‘’《》';
const SPACED_PAIR = new RegExp(`[${HAN_OR_PUNCT}][ \\u3000\\u00a0]+(?=[${HAN_OR_PUNCT}])`, 'g');

/**
 * Text out of a PDF laid out on a character grid (Word's or WPS's 文档网格, justified lines) comes
 * with a space between nearly every character: 根 据 城 中 区 委 统 一 部 署. When at least half the
 * Chinese characters of a line are spaced so, the spaces are the layout's and go; a line with a few
 * spaces between words (a title) keeps them.
 */
function closeLetterSpacing(s: string): string {
  const han = s.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  const spaced = s.match(SPACED_PAIR)?.length ?? 0;
  // Spaced out, only a space between two Latin letters or digits was the writer's (Word 2019).
  return han >= 4 && spaced * 2 >= han ? s.replace(/(?<![A-Za-z0-9])[ \u3000\u00a0]+|[ \u3000\u00a0]+(?![A-Za-z0-9])/g, '') : s;
}

export function normalizeLine(raw: string): string {
  let s = closeLetterSpacing(raw.replace(EDGE_SPACE, ''));
  s = foldFullWidthAlnum(s);
  s = s.replace(/[「『]/g, (c) => (c === '「' ? '“' : '‘')).replace(/[」』]/g, (c) => (c === '」' ? '”' : '’'));
  s = curlQuotes(s);
  s = widenPunctuation(s);
  // Numbering dots are written 1. 1． 1、 — one form keeps the heading patterns simple.
  s = s.replace(/^(\d{1,3})\s*[．.]\s*(?!\d)/, '$1.');
  // Stray spaces: inside a marker (（ 一 ）, 1 、), next to full-width punctuation, between a
  // Chinese character and a number (整改措施 14 条). Spaces between two Chinese words stay: titles use them.
  s = s.replace(/^（\s*([一二三四五六七八九十]{1,3}|\d{1,3})\s*）\s*/, '（$1）');
  s = s.replace(/^(\d{1,3}|[一二三四五六七八九十]{1,3})\s+([、）])\s*/, '$1$2');
  s = s.replace(/^(\d{1,3}[.、）]|[一二三四五六七八九十]{1,3}、)\s+/, '$1');
  s = s.replace(/([，。；：、！？（“‘《])[ \t\u3000\u00a0]+/g, '$1').replace(/[ \t\u3000\u00a0]+([，。；：、！？）”’》])/g, '$1');
  s = s.replace(/([\u4e00-\u9fff])[ \t\u3000\u00a0]+(?=\d)/g, '$1').replace(/(\d)[ \t\u3000\u00a0]+(?=[\u4e00-\u9fff])/g, '$1');
  return s.replace(EDGE_SPACE, '');
}

/** A page number a PDF viewer copies along with the text: — 3 — / - 3 - / 第3页 / 3/12. */
const PAGE_NUMBER = /^(?:[-—–－]{1,2}\s*\d{1,3}\s*[-—–－]{1,2}|第\s*\d{1,3}\s*页(?:\s*[，,/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/;

/** Splits into lines (any newline convention) and normalises each, keeping 1-based line numbers. */
export function toLines(text: string): Line[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((raw, i) => ({ no: i + 1, text: normalizeLine(raw) }))
    .filter((l) => !PAGE_NUMBER.test(l.text));
}
