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

export const theme: ThemeConfig = {
  token: {
    colorPrimary: brand.primary,
    colorLink: brand.primary,
    colorError: '#cf1322',
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    colorBgLayout: brand.pageBg,
    // antd's greys (#8c8c8c, 3.4:1 on white) fail WCAG AA for text: darker ones, ≥ 4.5:1 on white and on the page grey.
    colorTextSecondary: '#595959',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#6b6b6b',
  },
  components: {
    Layout: { headerBg: brand.header, headerHeight: 56, headerPadding: '0 24px' },
    Menu: {
      darkItemBg: brand.header,
      darkItemSelectedBg: brand.primary,
      darkPopupBg: brand.header,
    },
    Card: { headerFontSize: 15 },
    Statistic: { contentFontSize: 26 },
  },
};
