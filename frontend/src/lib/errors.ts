import { useCallback, useMemo } from 'react';
import { ProblemType, isApiError } from '@/lib/api';
import { isMessageKey, useI18n, type Translate } from '@/lib/i18n';
import type { FieldError } from '@/types/api';

/** Fields that share their rules (and so their messages) with another. */
const FIELD_ALIASES: Record<string, string> = { newPassword: 'password' };

/** A field error in the reader's language: field-specific text, then the code's, then the server's. */
export function fieldErrorText(t: Translate, error: FieldError): string {
  const field = FIELD_ALIASES[error.field] ?? error.field;
  for (const key of [`field.${field}.${error.code}`, `code.${error.code}`]) {
    if (isMessageKey(key)) return t(key);
  }
  return error.message !== '' ? error.message : t('code.invalid');
}

/** What went wrong, translated by problem type, falling back to the server's own words. */
export function problemText(t: Translate, error: unknown): string {
  if (!isApiError(error)) return t('problem.unknown');
  if (error.is(ProblemType.rateLimited) && error.retryAfterSeconds !== null) {
    return t('problem.rate-limited.retry', { seconds: error.retryAfterSeconds });
  }
  const key = `problem.${error.type.replace(/^\/problems\//, '')}`;
  if (isMessageKey(key)) return t(key);
  return error.detail ?? error.title ?? t('problem.unknown');
}

export interface ErrorText {
  problem: (error: unknown) => string;
  field: (error: FieldError | undefined) => string | undefined;
}

export function useErrorText(): ErrorText {
  const { t } = useI18n();
  const field = useCallback(
    (e: FieldError | undefined) => (e === undefined ? undefined : fieldErrorText(t, e)),
    [t],
  );
  return useMemo(() => ({ problem: (error: unknown) => problemText(t, error), field }), [t, field]);
}

export interface SplitErrors {
  /** The first error of each field the form shows. */
  fields: Record<string, FieldError>;
  /** What the form shows above its button: anything not tied to a shown field. */
  form: unknown;
}

/** Splits a failure into errors shown next to their fields and one shown for the whole form. */
export function splitErrors(error: unknown, shownFields: readonly string[]): SplitErrors {
  const fields: Record<string, FieldError> = {};
  if (!isApiError(error)) return { fields, form: error ?? null };
  let unshown = false;
  for (const e of error.errors) {
    if (shownFields.includes(e.field)) fields[e.field] ??= e;
    else unshown = true;
  }
  const allShown = error.errors.length > 0 && !unshown;
  return { fields, form: allShown ? null : error };
}
