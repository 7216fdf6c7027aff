/**
 * Text as it is stored: what arrives from a client is normalised once, at the API's boundary, so
 * that "looks empty" and "is empty" agree and equal-looking strings compare equal.
 */

/** Zero-width characters and the byte-order mark: invisible, never meaningful in this app's text. */
const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
/** C0 controls (NUL included) and DEL, except tab, line feed and carriage return. */
const isControl = (code: number) => (code <= 0x1f && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the string contains half of a UTF-16 surrogate pair (not text any encoder can write). */
export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

/**
 * NFC, without zero-width characters, BOM, NUL and other control characters (tab and line breaks
 * stay), trimmed at both ends (Unicode whitespace, the ideographic space U+3000 included).
 * A required field that is empty after this is refused by its schema's minLength.
 */
export function normaliseText(text: string): string {
  let kept = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (!INVISIBLE.has(code) && !isControl(code)) kept += char;
  }
  return kept.trim();
}

/**
 * Fields whose value is used exactly as typed: passwords (a leading space is part of a password;
 * changing it would lock the owner out).
 */
export const VERBATIM_FIELDS: ReadonlySet<string> = new Set(['password', 'currentPassword', 'newPassword']);
