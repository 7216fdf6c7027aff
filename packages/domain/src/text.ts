/**
 * Text as it is stored: what arrives from a client is normalised once, at the API's boundary, so
 * that "looks empty" and "is empty" agree and equal-looking strings compare equal.
 */

/** Zero-width characters and the byte-order mark: invisible, never meaningful in this app's text. */
const INVISIBLE = /[\u200B\u200C\u200D\u2060\uFEFF]/g;
/** C0 controls (NUL included) and DEL, except tab, line feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
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
  return text.normalize('NFC').replace(INVISIBLE, '').replace(CONTROL, '').trim();
}

/**
 * Fields whose value is used exactly as typed: passwords (a leading space is part of a password;
 * changing it would lock the owner out).
 */
export const VERBATIM_FIELDS: ReadonlySet<string> = new Set(['password', 'currentPassword', 'newPassword']);
