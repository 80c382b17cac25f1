import { describe, expect, it } from 'vitest';
import { en } from './en';
import { localeFromLanguages, translate } from './translate';
import { zhCN } from './zh-CN';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('have exactly the same keys in zh-CN and en', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty messages', () => {
    for (const catalogue of [en, zhCN]) {
      for (const [key, value] of Object.entries(catalogue)) {
        expect(value.trim(), key).not.toBe('');
      }
    }
  });

  it('use the same placeholders for each key in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'signUp.done.body', { email: 'a@b.cn' })).toBe(
      'We sent a verification link to a@b.cn. Open it, then sign in.',
    );
    expect(translate('zh-CN', 'tokens.expiry.days', { days: 30 })).toBe('30 天');
  });

  it('leaves unknown placeholders visible rather than empty', () => {
    expect(translate('en', 'signUp.done.body')).toContain('{email}');
  });
});

describe('localeFromLanguages', () => {
  it('picks Chinese for any zh variant and English otherwise', () => {
    expect(localeFromLanguages(['zh-CN'])).toBe('zh-CN');
    expect(localeFromLanguages(['zh-TW', 'en'])).toBe('zh-CN');
    expect(localeFromLanguages(['zh'])).toBe('zh-CN');
    expect(localeFromLanguages(['en-GB', 'zh-CN'])).toBe('en');
    expect(localeFromLanguages(['de'])).toBe('en');
    expect(localeFromLanguages([])).toBe('en');
  });
});
