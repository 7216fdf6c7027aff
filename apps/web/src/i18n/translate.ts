import type { Locale } from '@rectify/domain';
import { en, zhCN, type MessageKey } from './messages';

export type Params = Record<string, string | number>;

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_STORAGE_KEY = 'rectify.locale';

const catalogs: Record<Locale, Partial<Record<MessageKey, string>>> = { 'zh-CN': zhCN, en };

function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The message for `key` in `locale`; a message missing there falls back to zh-CN (always
 * complete), and an unknown key shows itself so the gap is visible rather than blank.
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
