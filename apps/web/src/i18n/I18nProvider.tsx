import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from '@rectify/domain';
import { setApiLocale } from '../api/client';
import type { MessageKey } from './messages';
import { DEFAULT_LOCALE, initialLocale, isLocaleLoaded, loadLocale, LOCALE_STORAGE_KEY, translate, type Params } from './translate';

export type TFunction = (key: MessageKey, params?: Params) => string;

/** Switches the language once its catalogue has loaded; rejects (and keeps the current one) if it cannot load. */
export type SetLocale = (locale: Locale) => Promise<void>;

interface I18nValue {
  locale: Locale;
  setLocale: SetLocale;
  t: TFunction;
}

const I18nContext = createContext<I18nValue | null>(null);

function applyLocale(locale: Locale) {
  setApiLocale(locale);
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') {
    document.documentElement.lang = locale;
    document.title = `${translate(locale, 'app.title')} · ${translate(locale, 'app.brand')}`;
  }
}

/**
 * The language of the first render. main.tsx loads the saved one before rendering; if that failed
 * (offline), the page starts in Chinese rather than in a Chinese labelled English. A fixed locale
 * (tests) must have been loaded: a test that forgot would otherwise pass on Chinese text.
 */
function firstLocale(fixed: Locale | undefined): Locale {
  if (fixed) {
    if (!isLocaleLoaded(fixed)) throw new Error(`I18nProvider locale="${fixed}": await loadLocale('${fixed}') first`);
    return fixed;
  }
  const saved = initialLocale();
  return isLocaleLoaded(saved) ? saved : DEFAULT_LOCALE;
}

export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = firstLocale(fixed);
    applyLocale(l);
    return l;
  });
  // The last choice wins: English still loading must not override a later click on 中文.
  const lastChoice = useRef<Locale>(locale);

  useEffect(() => applyLocale(locale), [locale]);

  const setLocale = useCallback<SetLocale>(async (next) => {
    lastChoice.current = next;
    await loadLocale(next);
    if (lastChoice.current !== next) return;
    applyLocale(next);
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() must be used inside <I18nProvider>');
  return value;
}

export const useT = (): TFunction => useI18n().t;
export const useLocale = (): [Locale, SetLocale] => {
  const { locale, setLocale } = useI18n();
  return [locale, setLocale];
};
