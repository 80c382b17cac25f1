import type { FieldError } from '@/types/api';

// The same rules and codes as the server's, checked first so a typo costs no round trip.

export const HANDLE_PATTERN = /^[A-Za-z0-9_]{3,30}$/;
export const PASSWORD_MIN = 10;

export function fieldError(field: string, code: string): FieldError {
  return { field, code, message: '' };
}

export function required(field: string, value: string): FieldError[] {
  return value.trim() === '' ? [fieldError(field, 'required')] : [];
}

export function handleRules(value: string): FieldError[] {
  if (value.trim() === '') return [fieldError('handle', 'required')];
  return HANDLE_PATTERN.test(value.trim()) ? [] : [fieldError('handle', 'pattern')];
}

export function emailRules(field: string, value: string): FieldError[] {
  if (value.trim() === '') return [fieldError(field, 'required')];
  return /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/.test(value.trim()) ? [] : [fieldError(field, 'email')];
}

export function passwordRules(field: string, value: string): FieldError[] {
  if (value === '') return [fieldError(field, 'required')];
  return [...value].length < PASSWORD_MIN ? [fieldError(field, 'too_short')] : [];
}

/** Field errors keyed by field, first one wins; empty when the form may be sent. */
export function byField(errors: FieldError[]): Record<string, FieldError> {
  const out: Record<string, FieldError> = {};
  for (const e of errors) out[e.field] ??= e;
  return out;
}
