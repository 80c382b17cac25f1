import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/Alert';
import { Button } from '@/components/Button';
import { TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { useFormErrors } from '@/lib/forms';
import { useI18n } from '@/lib/i18n';
import { emailRules } from '@/lib/validation';
import { useRequestPasswordReset } from '../api/requestPasswordReset';
import './auth.css';

export function ForgotPasswordForm() {
  const { t } = useI18n();
  const reset = useRequestPasswordReset();
  const errors = useFormErrors(reset, ['email']);
  const [email, setEmail] = useState('');

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
    if (!errors.passes(emailRules('email', email))) return;
    reset.mutate(email.trim());
  };

  return (
    <Form onSubmit={submit} failure={reset.error} aria-label={t('forgot.title')}>
      <TextField
        label={t('field.email.label')}
        name="email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.field('email')}
      />
      <FormError error={errors.form} />
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
