import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate, normaliseText } from '../src/text.js';

describe('text normalisation at the boundary', () => {
  it('trims Unicode whitespace, drops invisible and control characters, composes to NFC', () => {
    expect(normaliseText('\uFEFF  Cafe\u0301\u200B 方面\u0000\u3000 ')).toBe('Caf\u00e9 方面');
    expect(normaliseText('\u200B\u200C\u200D\u2060\uFEFF\u0000\u0007')).toBe('');
    expect(normaliseText('第一行\n\t第二行\r\n')).toBe('第一行\n\t第二行');
  });

  it('keeps paired surrogates and finds lone ones', () => {
    expect(hasLoneSurrogate('😀 整改')).toBe(false);
    expect(normaliseText(' 😀 ')).toBe('😀');
    expect(hasLoneSurrogate('\uD800')).toBe(true);
    expect(hasLoneSurrogate('a\uDC00b')).toBe(true);
    expect(hasLoneSurrogate('\uDE00\uD83D')).toBe(true);
  });
});
