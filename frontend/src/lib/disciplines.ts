import type { Discipline } from '@/types/api';

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
