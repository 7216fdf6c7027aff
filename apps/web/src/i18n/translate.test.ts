import { beforeAll, describe, expect, it } from 'vitest';
import { zhCN, type MessageKey, type Messages } from './messages';
import { en } from './en';
import { initialLocale, isLocaleLoaded, loadLocale, LOCALE_STORAGE_KEY, translate } from './translate';

// First: the tests below load English.
describe('loadLocale', () => {
  it('has Chinese from the start; English falls back to it until loaded', async () => {
    expect(isLocaleLoaded('zh-CN')).toBe(true);
    expect(isLocaleLoaded('en')).toBe(false);
    expect(translate('en', 'nav.dashboard')).toBe('整改看板');
    await loadLocale('en');
    expect(isLocaleLoaded('en')).toBe(true);
    expect(translate('en', 'nav.dashboard')).toBe('Dashboard');
  });
});

describe('translate', () => {
  beforeAll(() => loadLocale('en'));

  it('gives Chinese by default and English on request', () => {
    expect(translate('zh-CN', 'nav.dashboard')).toBe('整改看板');
    expect(translate('en', 'nav.dashboard')).toBe('Dashboard');
  });

  it('falls back to the Chinese message when English lacks one', () => {
    const key = 'nav.tree' as MessageKey;
    const english: Partial<Messages> = en;
    const saved = en[key];
    delete english[key];
    try {
      expect(translate('en', key)).toBe(zhCN[key]);
    } finally {
      english[key] = saved;
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
