import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/Alert';
import { Button } from '@/components/Button';
import { TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { splitErrors, useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { byField, emailRules } from '@/lib/validation';
import type { FieldError } from '@/types/api';
import { useRequestPasswordReset } from '../api/requestPasswordReset';
import './auth.css';

export function ForgotPasswordForm() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const reset = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const [invalid, setInvalid] = useState<Record<string, FieldError>>({});

  if (reset.isSuccess) {
    return (
      <Alert tone="success" title={t('forgot.done.title')}>
        <p>{t('forgot.done.body', { email: email.trim() })}</p>
        <p>
          <Link to="/signin">{t('forgot.backToSignIn')}</Link>
        </p>
      </Alert>
    );
  }

  const submit = () => {
    const errors = byField(emailRules('email', email));
    setInvalid(errors);
    if (Object.keys(errors).length > 0) {
      reset.reset();
      return;
    }
    reset.mutate(email.trim());
  };

  const server = splitErrors(reset.error, ['email']);
  return (
    <Form onSubmit={submit} failure={reset.error} aria-label={t('forgot.title')}>
      <TextField
        label={t('field.email.label')}
        name="email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errorText.field(invalid.email ?? server.fields.email)}
      />
      <FormError error={server.form} />
      <FormActions>
        <Button type="submit" variant="primary" block busy={reset.isPending}>
          {t('forgot.submit')}
        </Button>
      </FormActions>
      <p className="auth-switch">
        <Link to="/signin">{t('forgot.backToSignIn')}</Link>
      </p>
    </Form>
  );
}
