import { codePoints } from '@/lib/text';
import { fieldError } from '@/lib/validation';
import type { FieldError, ProfileLink } from '@/types/api';

// The limits of the profile contract, checked first so a slip costs no round trip.
export const FIELDS_MAX = 10;
export const LANGUAGES_MAX = 8;
export const LINKS_MAX = 5;
export const BIO_MAX = 5000;
export const AFFILIATION_MAX = 120;
export const LOCATION_MAX = 80;
export const LINK_LABEL_MAX = 40;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** A BCP-47-ish language code (zh-CN, en, yue-Hant), case as usual; null when it is not one. */
export function normaliseLanguage(raw: string): string | null {
  const value = raw.trim();
  if (!LANGUAGE.test(value)) return null;
  const [first = '', ...rest] = value.split('-');
  return [first.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-');
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
}

export interface ProfileValues {
  bio: string;
  fields: readonly string[];
  languages: readonly string[];
  links: readonly ProfileLink[];
  affiliation: string;
  location: string;
}

export function profileErrors(v: ProfileValues): FieldError[] {
  const errors: FieldError[] = [];
  if (codePoints(v.bio) > BIO_MAX) errors.push(fieldError('bio', 'size'));
  if (v.fields.length > FIELDS_MAX) errors.push(fieldError('fields', 'size'));
  if (v.languages.length > LANGUAGES_MAX) errors.push(fieldError('languages', 'size'));
  if (v.links.length > LINKS_MAX) errors.push(fieldError('links', 'size'));
  else if (v.links.some((l) => l.url.trim() !== '' && !isHttpUrl(l.url)))
    errors.push(fieldError('links', 'url'));
  if (codePoints(v.affiliation.trim()) > AFFILIATION_MAX) errors.push(fieldError('affiliation', 'size'));
  if (codePoints(v.location.trim()) > LOCATION_MAX) errors.push(fieldError('location', 'size'));
  if (v.links.some((l) => codePoints(l.label) > LINK_LABEL_MAX)) errors.push(fieldError('links', 'size'));
  return errors;
}
