import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/Alert';
import { Button, ButtonLink } from '@/components/Button';
import { TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { ProblemType, isApiError } from '@/lib/api';
import { useApplySession } from '@/lib/auth';
import { useErrorText } from '@/lib/errors';
import { useFormErrors } from '@/lib/forms';
import { useI18n } from '@/lib/i18n';
import { fieldError, passwordRules } from '@/lib/validation';
import { useConfirmPasswordReset } from '../api/confirmPasswordReset';
import './auth.css';

export function ResetPasswordForm({ token }: { token: string | null }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const applySession = useApplySession();
  const confirm = useConfirmPasswordReset();
  const errors = useFormErrors(confirm, ['password']);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');

  if (!token || (isApiError(confirm.error) && confirm.error.is(ProblemType.invalidToken))) {
    return (
      <Alert tone="error" title={t('reset.badLink.title')}>
        <p>{token ? errorText.problem(confirm.error) : t('reset.badLink.missing')}</p>
        <p>
          <Link to="/forgot-password">{t('reset.badLink.again')}</Link>
        </p>
      </Alert>
    );
  }
  if (confirm.isSuccess) {
    return (
      <Alert tone="success" title={t('reset.done.title')}>
        <p>{t('reset.done.body')}</p>
        <p>
          <ButtonLink to="/signin" variant="primary" size="sm">
            {t('nav.signIn')}
          </ButtonLink>
        </p>
      </Alert>
    );
  }

  const submit = () => {
    const checked = errors.passes([
      ...passwordRules('password', password),
      ...(repeat !== password ? [fieldError('repeat', 'mismatch')] : []),
    ]);
    if (!checked) return;
    // Every session of the account ends, this browser's included.
    confirm.mutate({ token, password }, { onSuccess: () => applySession(null) });
  };

  return (
    <Form onSubmit={submit} failure={confirm.error} aria-label={t('reset.title')}>
      <TextField
        label={t('field.newPassword.label')}
        hint={t('field.password.hint')}
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.field('password')}
      />
      <TextField
        label={t('field.repeat.label')}
        name="repeat"
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
        error={errors.field('repeat')}
      />
      <FormError error={errors.form} />
      <FormActions>
        <Button type="submit" variant="primary" block busy={confirm.isPending}>
          {t('reset.submit')}
        </Button>
      </FormActions>
    </Form>
  );
}
