import { describe, expect, it } from 'vitest';
import { enumerationWord, fromChineseNumeral, localeFromAcceptLanguage, roundTitle, sectionNumber, subsectionNumber, toChineseNumeral } from '../src/index.js';

describe('Chinese numerals', () => {
  it('writes the numerals official documents use', () => {
    const expected = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'];
    expect(expected.map((_, i) => toChineseNumeral(i + 1))).toEqual(expected);
    expect(toChineseNumeral(20)).toBe('二十');
    expect(toChineseNumeral(47)).toBe('四十七');
    expect(toChineseNumeral(105)).toBe('一百零五');
    expect(toChineseNumeral(110)).toBe('一百一十');
  });
  it('reads them back', () => {
    for (const n of [1, 5, 10, 11, 14, 20, 39, 47, 99, 105, 110]) expect(fromChineseNumeral(toChineseNumeral(n))).toBe(n);
    expect(fromChineseNumeral('两')).toBe(2);
    expect(fromChineseNumeral('abc')).toBeUndefined();
  });
  it('builds heading prefixes', () => {
    expect(sectionNumber(3)).toBe('三、');
    expect(subsectionNumber(5)).toBe('（五）');
    expect(enumerationWord(2)).toBe('二是');
  });
});

describe('titles and locales', () => {
  it('composes the round title as the report writes it', () => {
    expect(roundTitle({ committee: '中共城中区十一届委员会', roundName: '第三轮', groupName: '第一巡察组' })).toBe(
      '中共城中区十一届委员会第三轮巡察第一巡察组',
    );
  });
  it('prefers Chinese unless the client asks for English first', () => {
    expect(localeFromAcceptLanguage(undefined)).toBe('zh-CN');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('en;q=0.5,zh-CN;q=0.9')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('fr')).toBe('zh-CN');
  });
});
