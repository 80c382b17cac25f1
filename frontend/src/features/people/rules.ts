import { ApiError, isApiError } from '@/lib/api';
import { codePoints } from '@/lib/text';
import { fieldError } from '@/lib/validation';
import type { FieldError, ProfileLink } from '@/types/api';

// The limits of the profile contract, checked first so a slip costs no round trip.
export const FIELDS_MAX = 10;
export const FIELD_LENGTH_MAX = 40;
export const LANGUAGES_MAX = 8;
export const LINKS_MAX = 5;
export const BIO_MAX = 5000;
export const SHORT_TEXT_MAX = 120;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** A field of expertise as the server stores it (like a tag, spaces as -), or null. */
export function normaliseField(raw: string): string | null {
  const value = raw.trim().replace(/^#+/, '').normalize('NFC').toLowerCase().replace(/\s+/g, '-');
  const n = codePoints(value);
  return n >= 1 && n <= FIELD_LENGTH_MAX ? value : null;
}

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
  if (codePoints(v.bio) > BIO_MAX) errors.push(fieldError('bio', 'length'));
  if (v.fields.length > FIELDS_MAX) errors.push(fieldError('fields', 'size'));
  if (v.languages.length > LANGUAGES_MAX) errors.push(fieldError('languages', 'size'));
  if (v.links.length > LINKS_MAX) errors.push(fieldError('links', 'size'));
  else if (v.links.some((l) => l.url.trim() !== '' && !isHttpUrl(l.url)))
    errors.push(fieldError('links', 'url'));
  if (codePoints(v.affiliation.trim()) > SHORT_TEXT_MAX) errors.push(fieldError('affiliation', 'length'));
  if (codePoints(v.location.trim()) > SHORT_TEXT_MAX) errors.push(fieldError('location', 'length'));
  return errors;
}

/**
 * The server may name an item of a list (`links[2].url`, `fields.0`): the form shows such errors
 * at the list, so the field is cut back to the list's name.
 */
export function listFieldErrors(error: unknown): unknown {
  if (!isApiError(error) || error.errors.length === 0) return error;
  return new ApiError({
    type: error.type,
    title: error.title,
    status: error.status,
    detail: error.detail,
    retryAfterSeconds: error.retryAfterSeconds,
    errors: error.errors.map((e) => ({ ...e, field: e.field.replace(/[[.].*$/, '') })),
  });
}
