import { createContext, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '@/types/api';
import { isLocale, localeFromLanguages, translate, type Translate } from './translate';

const STORAGE_KEY = 'sb.locale';

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
  /** A date (ISO string) in the current locale, e.g. 2025年3月4日 or Mar 4, 2025. */
  formatDate: (iso: string) => string;
  /** Date and time, for the title of a relative time: 2025年3月4日 14:05 or Mar 4, 2025, 2:05 PM. */
  formatDateTime: (iso: string) => string;
  /** How long ago (or until), e.g. 3 分钟前 or 3 min. ago; older than a month, the date. */
  formatRelative: (iso: string, now?: number) => string;
  formatNumber: (n: number) => string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const I18nContext = createContext<I18n | null>(null);

function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function initialLocale(): Locale {
  return storedLocale() ?? localeFromLanguages(navigator.languages ?? [navigator.language]);
}

export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(() => fixed ?? initialLocale());

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
    const numbers = new Intl.NumberFormat(locale);
    const t: Translate = (key, params) => translate(locale, key, params);
    return {
      locale,
      setLocale,
      t,
      formatDate: (iso) => dates.format(new Date(iso)),
      formatDateTime: (iso) => dateTimes.format(new Date(iso)),
      formatRelative: (iso, now = Date.now()) => {
        const ms = new Date(iso).getTime() - now;
        const abs = Math.abs(ms);
        if (abs < MINUTE) return t('time.justNow');
        if (abs < HOUR) return relative.format(Math.round(ms / MINUTE), 'minute');
        if (abs < DAY) return relative.format(Math.round(ms / HOUR), 'hour');
        if (abs < 30 * DAY) return relative.format(Math.round(ms / DAY), 'day');
        return dates.format(new Date(iso));
      },
      formatNumber: (n) => numbers.format(n),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
