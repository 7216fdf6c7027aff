export { I18nProvider, useLocale, useT, type SetLocale, type TFunction } from './I18nProvider';
export { translate, initialLocale, loadLocale, LOCALE_STORAGE_KEY } from './translate';
export type { MessageKey } from './messages';
