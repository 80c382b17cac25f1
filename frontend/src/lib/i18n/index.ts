export { I18nProvider, type I18n } from './I18nProvider';
export { useI18n } from './useI18n';
export {
  LOCALES,
  isLocale,
  isMessageKey,
  localeFromLanguages,
  translate,
  type MessageKey,
  type MessageParams,
  type Translate,
} from './translate';
