import { useState } from 'react';
import { Segmented } from 'antd';
import type { Locale } from '@rectify/domain';
import { useLocale, useT } from '../i18n';
import { useFeedback } from './feedback';

/**
 * The reader's choice of language: English is fetched when first chosen, so `shown` is the chosen
 * language at once while `locale` (the page) follows when it has loaded; a failed load says so and
 * keeps the current language.
 */
export function useLanguageChoice() {
  const t = useT();
  const { message } = useFeedback();
  const [locale, setLocale] = useLocale();
  const [loading, setLoading] = useState<Locale | null>(null);
  const choose = (next: Locale) => {
    setLoading(next);
    void setLocale(next)
      .catch(() => message.error(t('error.network')))
      .finally(() => setLoading((current) => (current === next ? null : current)));
  };
  return { locale, shown: loading ?? locale, loading: loading !== null, choose };
}

/** 中文 / English, wherever the page offers the choice (the header, the sign-in page). */
export function LanguageSwitch() {
  const t = useT();
  const { shown, choose } = useLanguageChoice();
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('app.language')}
      data-testid="language-switch"
      value={shown}
      onChange={choose}
      options={[
        { label: t('lang.zhCN'), value: 'zh-CN' },
        { label: t('lang.en'), value: 'en' },
      ]}
    />
  );
}
