import { Segmented } from 'antd';
import type { Locale } from '@rectify/domain';
import { useLocale, useT } from '../i18n';

/** 中文 / English, wherever the page offers the choice (the header, the sign-in page). */
export function LanguageSwitch() {
  const t = useT();
  const [locale, setLocale] = useLocale();
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('app.language')}
      data-testid="language-switch"
      value={locale}
      onChange={(value) => setLocale(value)}
      options={[
        { label: t('lang.zhCN'), value: 'zh-CN' },
        { label: t('lang.en'), value: 'en' },
      ]}
    />
  );
}
