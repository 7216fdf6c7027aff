export { I18nProvider, useLocale, useT, type TFunction } from './I18nProvider';
export { translate, initialLocale, LOCALE_STORAGE_KEY } from './translate';
export type { MessageKey } from './messages';
