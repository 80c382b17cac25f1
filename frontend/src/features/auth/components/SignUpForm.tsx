import { useState, type ChangeEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/Alert';
import { Button, ButtonLink } from '@/components/Button';
import { TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { useFormErrors } from '@/lib/forms';
import { useI18n } from '@/lib/i18n';
import { emailRules, handleRules, passwordRules } from '@/lib/validation';
import { useRegister } from '../api/register';
import './auth.css';

const FIELDS = ['handle', 'displayName', 'email', 'password'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

export function SignUpForm() {
  const { t, locale } = useI18n();
  const registration = useRegister();
  const errors = useFormErrors(registration, FIELDS);
  const [values, setValues] = useState<Values>({ handle: '', displayName: '', email: '', password: '' });

  if (registration.isSuccess) {
    return (
      <Alert tone="success" title={t('signUp.done.title')}>
        <p>{t('signUp.done.body', { email: registration.data.email ?? values.email })}</p>
        <p>
          <ButtonLink to="/signin" variant="primary" size="sm">
            {t('signUp.done.signIn')}
          </ButtonLink>
        </p>
      </Alert>
    );
  }

  const submit = () => {
    const checked = errors.passes([
      ...handleRules(values.handle),
      ...emailRules('email', values.email),
      ...passwordRules('password', values.password),
    ]);
    if (!checked) return;
    registration.mutate({
      handle: values.handle.trim(),
      email: values.email.trim(),
      password: values.password,
      displayName: values.displayName.trim() === '' ? undefined : values.displayName.trim(),
      locale,
    });
  };

  const bind = (field: keyof Values) => ({
    name: field,
    value: values[field],
    error: errors.field(field),
    onChange: (e: ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [field]: e.target.value })),
  });

  return (
    <Form onSubmit={submit} failure={registration.error} aria-label={t('signUp.title')}>
      <TextField
        label={t('field.handle.label')}
        hint={t('field.handle.hint')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        {...bind('handle')}
      />
      <TextField
        label={t('field.displayName.label')}
        hint={t('field.displayName.hint')}
        autoComplete="nickname"
        maxLength={60}
        {...bind('displayName')}
      />
      <TextField
        label={t('field.email.label')}
        type="email"
        autoComplete="email"
        required
        {...bind('email')}
      />
      <TextField
        label={t('field.password.label')}
        hint={t('field.password.hint')}
        type="password"
        autoComplete="new-password"
        required
        {...bind('password')}
      />
      <FormError error={errors.form} />
      <FormActions>
        <Button type="submit" variant="primary" block busy={registration.isPending}>
          {t('signUp.submit')}
        </Button>
      </FormActions>
      <p className="auth-switch">
        {t('signUp.haveAccount')} <Link to="/signin">{t('nav.signIn')}</Link>
      </p>
    </Form>
  );
}
