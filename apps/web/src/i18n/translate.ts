import type { Locale } from '@rectify/domain';
import { zhCN, type MessageKey, type Messages } from './messages';

export type Params = Record<string, string | number>;

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_STORAGE_KEY = 'rectify.locale';

/** zh-CN is in the entry chunk; English joins when loadLocale('en') has fetched it. */
const catalogs: Partial<Record<Locale, Messages>> = { 'zh-CN': zhCN };

/** Whether translate() can give `locale`'s own messages yet (zh-CN always can). */
export function isLocaleLoaded(locale: Locale): boolean {
  return catalogs[locale] !== undefined;
}

/**
 * Fetches `locale`'s catalogue (once; English is its own chunk, so Chinese readers never download
 * it). Call it before showing a locale: until then translate() falls back to Chinese.
 */
export async function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en' && !catalogs.en) catalogs.en = (await import('./en')).en;
}

function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The message for `key` in `locale`; a message missing there (or a locale not loaded yet) falls back
 * to zh-CN (always complete), and an unknown key shows itself so the gap is visible rather than blank.
 */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = catalogs[locale]?.[key] ?? zhCN[key] ?? key;
  return interpolate(template, params);
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

/** The saved choice, else zh-CN: Chinese is the default whatever the browser says. */
export function initialLocale(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Locale {
  try {
    const saved = storage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(saved) ? saved : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}
