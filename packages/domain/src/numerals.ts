/** Chinese numerals as official documents use them: 一…十, 十一…十九, 二十…九十九. */
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`unsupported numeral: ${n}`);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '');
  const rest = n % 100;
  const head = DIGITS[Math.floor(n / 100)] + '百';
  if (rest === 0) return head;
  if (rest < 10) return head + '零' + DIGITS[rest];
  return head + (rest < 20 ? '一' : '') + toChineseNumeral(rest);
}

/** 一, 二, … → 1, 2, …; undefined when the text is not a Chinese numeral. */
export function fromChineseNumeral(text: string): number | undefined {
  if (!/^[零一二两三四五六七八九十百]+$/.test(text)) return undefined;
  const value = (ch: string) => (ch === '两' ? 2 : DIGITS.indexOf(ch));
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = value(ch);
  }
  return total + current;
}

/** First-level heading prefix: 一、 */
export const sectionNumber = (n: number) => `${toChineseNumeral(n)}、`;
/** Second-level heading prefix: （一） */
export const subsectionNumber = (n: number) => `（${toChineseNumeral(n)}）`;
/** Enumeration of measures within a paragraph: 一是 */
export const enumerationWord = (n: number) => `${toChineseNumeral(n)}是`;
