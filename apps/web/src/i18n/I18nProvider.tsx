import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from '@rectify/domain';
import { setApiLocale } from '../api/client';
import type { MessageKey } from './messages';
import { initialLocale, LOCALE_STORAGE_KEY, translate, type Params } from './translate';

export type TFunction = (key: MessageKey, params?: Params) => string;

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
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

export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = fixed ?? initialLocale();
    applyLocale(l);
    return l;
  });

  useEffect(() => applyLocale(locale), [locale]);

  const setLocale = useCallback((next: Locale) => {
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
export const useLocale = (): [Locale, (l: Locale) => void] => {
  const { locale, setLocale } = useI18n();
  return [locale, setLocale];
};
