import { useLayoutEffect, useState, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Locale } from '@rectify/domain';
import { ApiError } from '../api/client';
import { I18nProvider, useLocale } from '../i18n';
import { FeedbackProvider } from '../shared/feedback';
import { CurrentRoundProvider } from './CurrentRound';
import { FONT_VARIABLE, fontFamilies, theme } from './theme';

/**
 * Readers who ask their system for less motion get antd without animations (the e2e browser asks
 * too: a click on a menu or modal that is still sliding in is a classic source of flaky tests).
 */
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
// A theme of its own, whose styles antd makes in the browser (the build-time sheet holds the default theme's).
const appTheme = reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme;

// antd/locale/* resolves to a CommonJS build that silently yields English under Vite 8:
// the es/ path is the one that really loads the Chinese texts.
const antdLocales = { 'zh-CN': zhCN, en: enUS } as const;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * antd's theme and locale, the locale's fonts, the base text style antd's App would set (see .rectify-app), and the
 * app's notices (FeedbackProvider, in place of antd's App, whose message, notification and Modal
 * would weigh on every first screen).
 */
function AntdConfig({ children }: { children: ReactNode }) {
  const [locale] = useLocale();
  useLayoutEffect(() => document.documentElement.style.setProperty(FONT_VARIABLE, fontFamilies[locale]), [locale]);
  return (
    <ConfigProvider locale={antdLocales[locale]} theme={appTheme}>
      <div className="rectify-app">
        <FeedbackProvider>{children}</FeedbackProvider>
      </div>
    </ConfigProvider>
  );
}

export function Providers({
  children,
  queryClient,
  locale,
}: {
  children: ReactNode;
  queryClient?: QueryClient;
  locale?: Locale;
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale}>
        <AntdConfig>
          <CurrentRoundProvider>{children}</CurrentRoundProvider>
        </AntdConfig>
      </I18nProvider>
    </QueryClientProvider>
  );
}
