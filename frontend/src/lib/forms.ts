import { useState } from 'react';
import { ApiError, isApiError } from '@/lib/api';
import type { FieldError } from '@/types/api';
import { splitErrors, useErrorText } from './errors';
import { byField } from './validation';

interface Submission {
  error: unknown;
  reset: () => void;
}

export interface FormErrors {
  /** Shows the client-side check's errors; true when there are none and the form may be sent. */
  passes: (errors: FieldError[]) => boolean;
  /** The translated error of one field: the client's check first, then the server's answer. */
  field: (name: string) => string | undefined;
  /** The failure that belongs to no shown field, for <FormError>. */
  form: unknown;
}

/** The errors of a form whose submission is `submission` (a react-query mutation). */
export function useFormErrors(submission: Submission, shownFields: readonly string[]): FormErrors {
  const errorText = useErrorText();
  const [invalid, setInvalid] = useState<Record<string, FieldError>>({});
  const server = splitErrors(submission.error, shownFields);
  return {
    passes: (errors) => {
      const map = byField(errors);
      setInvalid(map);
      const ok = Object.keys(map).length === 0;
      // A stale server error must not linger next to fresh client-side ones.
      if (!ok) submission.reset();
      return ok;
    },
    field: (name) => errorText.field(invalid[name] ?? server.fields[name]),
    form: server.form,
  };
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
