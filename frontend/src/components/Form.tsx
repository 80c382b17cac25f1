import type { FormEvent, FormHTMLAttributes, ReactNode } from 'react';
import { useErrorText } from '@/lib/errors';
import { Alert } from './Alert';
import './Form.css';

/** A form that validates itself (no browser bubbles: they would not follow the site's language). */
export function Form({
  onSubmit,
  children,
  className,
  ...rest
}: Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit'> & { onSubmit: () => void; children: ReactNode }) {
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form noValidate className={['form', className].filter(Boolean).join(' ')} onSubmit={submit} {...rest}>
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
