import type { Locale } from '@/types/api';
import { en, type MessageKey } from './en';
import { zhCN } from './zh-CN';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

/** Looks `key` up and fills `{name}` placeholders from `params`. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogues[locale][key];
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** zh* → 简体中文, anything else → English. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  const first = languages.find((l) => l !== '');
  return first !== undefined && first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
