import { api } from '@/lib/api';
import { fieldError } from '@/lib/validation';
import type { FieldError } from '@/types/api';

// Reporting is offered on posts, topics, profiles and groups, so it is shared (the review side is
// the moderation feature's).

export type ReportTargetType = 'post' | 'topic' | 'user' | 'group' | 'work';
export const REPORT_REASONS = [
  'spam',
  'harassment',
  'off_topic',
  'inappropriate',
  'copyright',
  'other',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_NOTE_MAX = 1000;

export interface FileReportRequest {
  targetType: ReportTargetType;
  targetId: number;
  reason: ReportReason;
  note?: string;
  originalUrl?: string;
  originalWorkId?: number;
  originalEntryId?: number;
}

/** The claimed original of a copyright report, as the server takes it. */
export type ClaimedOriginal =
  { originalUrl: string } | { originalWorkId: number } | { originalEntryId: number };

/**
 * Reads the report form's "original" field: a work id (digits), an address of a work or of a
 * registry certificate on this site (then its id), or any other http(s) address. Null when it is
 * none of them.
 */
export function parseOriginal(input: string, origin: string): ClaimedOriginal | null {
  const value = input.trim();
  if (/^\d{1,15}$/.test(value)) return { originalWorkId: Number(value) };
  if (!/^https?:\/\/\S+\.\S+|^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//i.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.origin === origin) {
    const work = /^\/works\/(\d+)(\/|$)/.exec(url.pathname);
    if (work) return { originalWorkId: Number(work[1]) };
    const entry = /^\/registry\/entries\/(\d+)(\/|$)/.exec(url.pathname);
    if (entry) return { originalEntryId: Number(entry[1]) };
  }
  return { originalUrl: value };
}

/** POST /reports → 201. */
export function fileReport(body: FileReportRequest): Promise<unknown> {
  return api('/reports', { method: 'POST', body });
}

/**
 * The server's report rules, checked before sending: a reason, a note for "other", the original
 * (an address or a work id, see {@link parseOriginal}) for copyright.
 */
export function reportRules(
  reason: ReportReason | '',
  note: string,
  original: string,
  origin: string = window.location.origin,
): FieldError[] {
  const errors: FieldError[] = [];
  if (reason === '') errors.push(fieldError('reason', 'required'));
  if ([...note.trim()].length > REPORT_NOTE_MAX) errors.push(fieldError('note', 'report_too_long'));
  if (reason === 'other' && note.trim() === '') errors.push(fieldError('note', 'report_note_required'));
  if (reason === 'copyright' && parseOriginal(original, origin) === null) {
    errors.push(fieldError('originalUrl', 'report_url'));
  }
  return errors;
}
