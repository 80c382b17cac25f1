import { useEffect, useRef, type FormEvent, type FormHTMLAttributes, type ReactNode } from 'react';
import { useErrorText } from '@/lib/errors';
import { Alert } from './Alert';
import './Form.css';

function focusFirstInvalid(form: HTMLFormElement | null) {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/**
 * A form that validates itself (no browser bubbles: they would not follow the site's language).
 * After a failed attempt the first invalid field takes the focus, so keyboard and screen-reader
 * users land on what needs fixing; `failure` is the server's answer, which arrives later.
 */
export function Form({
  onSubmit,
  failure,
  children,
  className,
  ...rest
}: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> & {
  onSubmit: () => void;
  failure?: unknown;
  children: ReactNode;
}) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (failure) focusFirstInvalid(ref.current);
  }, [failure]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onSubmit();
    // Client-side errors render on this click; look for them once React has committed.
    requestAnimationFrame(() => focusFirstInvalid(ref.current));
  };
  return (
    <form
      ref={ref}
      noValidate
      className={['form', className].filter(Boolean).join(' ')}
      onSubmit={submit}
      {...rest}
    >
      {children}
    </form>
  );
}

/** The failure of a whole form, translated; nothing when there is none. */
export function FormError({ error }: { error: unknown }) {
  const errors = useErrorText();
  if (error === null || error === undefined) return null;
  return <Alert tone="error">{errors.problem(error)}</Alert>;
}

export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form__actions">{children}</div>;
}
