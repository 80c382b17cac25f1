import type { Discipline } from '@/types/api';
import { codePoints } from './text';

/** The disciplines a profile or a group may name, in the order forms list them. */
export const DISCIPLINES: readonly Discipline[] = [
  'writer',
  'translator',
  'illustrator',
  'scientist',
  'engineer',
  'film_tv',
  'games',
  'animation',
  'publishing',
  'researcher',
  'student',
  'reader',
];

export function isDiscipline(value: unknown): value is Discipline {
  return typeof value === 'string' && (DISCIPLINES as readonly string[]).includes(value);
}

const FIELD = /^[\p{L}\p{M}\p{N}_-]+$/u;
export const FIELD_MAX = 40;

/**
 * A field of expertise as the server stores it ("Synthetic Biology" → "synthetic-biology"): lower
 * case, runs of spaces as -, 2–40 letters, digits, - or _; null when it cannot be one.
 */
export function normaliseField(raw: string): string | null {
  const value = raw.trim().replace(/^#+/, '').normalize('NFC').toLowerCase().replace(/\s+/g, '-');
  const n = codePoints(value);
  return n >= 2 && n <= FIELD_MAX && FIELD.test(value) ? value : null;
}
