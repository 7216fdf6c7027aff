import { describe, expect, it } from 'vitest';
import { en, zhCN, type MessageKey } from './messages';
import { initialLocale, LOCALE_STORAGE_KEY, translate } from './translate';

describe('translate', () => {
  it('gives Chinese by default and English on request', () => {
    expect(translate('zh-CN', 'nav.dashboard')).toBe('整改看板');
    expect(translate('en', 'nav.dashboard')).toBe('Dashboard');
  });

  it('falls back to the Chinese message when English lacks one', () => {
    const key = 'nav.tree' as MessageKey;
    const saved = en[key];
    delete en[key];
    try {
      expect(translate('en', key)).toBe(zhCN[key]);
    } finally {
      en[key] = saved;
    }
  });

  it('shows the key itself for an unknown key rather than nothing', () => {
    expect(translate('en', 'no.such.key' as MessageKey)).toBe('no.such.key');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'dashboard.daysOverdue', { n: 12 })).toBe('超期 12 天');
    expect(translate('en', 'dashboard.completionDetail', { closed: 46, total: 47 })).toBe('46 of 47 closed');
    expect(translate('en', 'dashboard.completionDetail', { closed: 46 })).toBe('46 of {total} closed');
  });

  it('has an English message for every Chinese one', () => {
    const missing = (Object.keys(zhCN) as MessageKey[]).filter((k) => en[k] === undefined);
    expect(missing).toEqual([]);
  });
});

describe('initialLocale', () => {
  const storage = (value: string | null) => ({ getItem: (k: string) => (k === LOCALE_STORAGE_KEY ? value : null) });
  it('is zh-CN unless English was chosen and saved', () => {
    expect(initialLocale(storage(null))).toBe('zh-CN');
    expect(initialLocale(storage('fr'))).toBe('zh-CN');
    expect(initialLocale(storage('en'))).toBe('en');
    expect(
      initialLocale({
        getItem: () => {
          throw new Error('denied');
        },
      }),
    ).toBe('zh-CN');
  });
});
