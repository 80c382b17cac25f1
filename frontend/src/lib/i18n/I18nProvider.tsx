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
  formatNumber: (n: number) => string;
}

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
    const numbers = new Intl.NumberFormat(locale);
    return {
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      formatDate: (iso) => dates.format(new Date(iso)),
      formatNumber: (n) => numbers.format(n),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
