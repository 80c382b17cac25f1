import { codePoints } from '@/lib/text';
import { fieldError } from '@/lib/validation';
import type { FieldError } from '@/types/api';

// The server's limits (TopicRules, PostWriter): checked first so a slip costs no round trip.
export const TITLE_MIN = 6;
export const TITLE_MAX = 200;
export const BODY_MAX = 32_000;
export const TAGS_MAX = 5;
const TAG = /^[\p{L}\p{M}\p{N}_-]{2,30}$/u;

/** A tag as the server stores it (trimmed, without #, NFC, lower case), or null if it is not one. */
export function normalizeTag(raw: string): string | null {
  const tag = raw.trim().replace(/^#+/, '').normalize('NFC').toLowerCase();
  const n = codePoints(tag);
  return n >= 2 && n <= 30 && TAG.test(tag) ? tag : null;
}

/** The title as the server cleans it: runs of white space become one space. */
export function cleanTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ');
}

export interface ComposerValues {
  /** null when this composer has no title (replies, edits of later posts). */
  title: string | null;
  tags: readonly string[] | null;
  body: string;
}

/** What stops this composer from being sent, as the server's field errors would say it. */
export function composerErrors({ title, tags, body }: ComposerValues): FieldError[] {
  const errors: FieldError[] = [];
  if (title !== null) {
    const n = codePoints(cleanTitle(title));
    if (n === 0) errors.push(fieldError('title', 'required'));
    else if (n < TITLE_MIN || n > TITLE_MAX) errors.push(fieldError('title', 'length'));
  }
  if (tags !== null && tags.length > TAGS_MAX) errors.push(fieldError('tags', 'size'));
  if (body.trim() === '') errors.push(fieldError('body', 'required'));
  else if (codePoints(body.normalize('NFC')) > BODY_MAX) errors.push(fieldError('body', 'length'));
  return errors;
}
