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
}

/** POST /reports → 201. */
export function fileReport(body: FileReportRequest): Promise<unknown> {
  return api('/reports', { method: 'POST', body });
}

/** The server's report rules, checked before sending: a reason, a note for "other", a link for copyright. */
export function reportRules(reason: ReportReason | '', note: string, originalUrl: string): FieldError[] {
  const errors: FieldError[] = [];
  if (reason === '') errors.push(fieldError('reason', 'required'));
  if ([...note.trim()].length > REPORT_NOTE_MAX) errors.push(fieldError('note', 'report_too_long'));
  if (reason === 'other' && note.trim() === '') errors.push(fieldError('note', 'report_note_required'));
  if (reason === 'copyright' && !/^https?:\/\/\S+\.\S+/i.test(originalUrl.trim())) {
    errors.push(fieldError('originalUrl', 'report_url'));
  }
  return errors;
}
