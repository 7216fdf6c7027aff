import type { Locale } from '@rectify/domain';
import type { ThemeConfig } from 'antd';

export const brand = {
  primary: '#1a4b8c',
  header: '#0f2f5c',
  accent: '#c8161d',
  closed: '#3f9c35',
  onTrack: '#3b7dd8',
  overdue: '#d4380d',
  pageBg: '#f2f4f7',
};

const CJK_FONTS = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC'";
const LATIN_FONTS = "'Segoe UI', Roboto, 'Helvetica Neue', Arial";

/**
 * Chinese pages take the CJK fonts first. English pages take the Latin ones first: a CJK font draws
 * ’ “ ” full width, so "round’s" read "round ’ s"; the CJK fonts stay behind them for unit names.
 */
export const fontFamilies: Record<Locale, string> = {
  'zh-CN': `-apple-system, BlinkMacSystemFont, ${CJK_FONTS}, ${LATIN_FONTS}, sans-serif`,
  en: `-apple-system, BlinkMacSystemFont, ${LATIN_FONTS}, ${CJK_FONTS}, sans-serif`,
};

/**
 * antd's font is this variable, set to the locale's stack on the document (app/Providers.tsx): one
 * theme for both languages, so one set of antd styles, made at build time (build/antdStaticStyle.ts).
 */
export const FONT_VARIABLE = '--rectify-font';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: brand.primary,
    colorLink: brand.primary,
    colorError: '#cf1322',
    borderRadius: 4,
    fontFamily: `var(${FONT_VARIABLE})`,
    colorBgLayout: brand.pageBg,
    // antd's greys (#8c8c8c, 3.4:1 on white) fail WCAG AA for text: darker ones, ≥ 4.5:1 on white and on the page grey.
    colorTextSecondary: '#595959',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#6b6b6b',
  },
  components: {
    Layout: { headerBg: brand.header, headerHeight: 56, headerPadding: '0 24px' },
    Card: { headerFontSize: 15 },
    Statistic: { contentFontSize: 26 },
  },
};
