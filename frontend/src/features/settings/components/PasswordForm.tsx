import { useState } from 'react';
import { Alert } from '@/components/Alert';
import { Button } from '@/components/Button';
import { TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { splitErrors, useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { byField, fieldError, passwordRules, required } from '@/lib/validation';
import type { FieldError } from '@/types/api';
import { useChangePassword } from '../api/changePassword';

const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

export function PasswordForm() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const change = useChangePassword();
  const [values, setValues] = useState(EMPTY);
  const [invalid, setInvalid] = useState<Record<string, FieldError>>({});

  const submit = () => {
    const errors = byField([
      ...required('currentPassword', values.currentPassword),
      ...passwordRules('newPassword', values.newPassword),
      ...(values.repeat !== values.newPassword ? [fieldError('repeat', 'mismatch')] : []),
    ]);
    setInvalid(errors);
    if (Object.keys(errors).length > 0) {
      change.reset();
      return;
    }
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      { onSuccess: () => setValues(EMPTY) },
    );
  };

  const server = splitErrors(change.error, ['currentPassword', 'newPassword']);
  const field = (name: keyof typeof EMPTY) => ({
    name,
    type: 'password',
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    error: errorText.field(invalid[name] ?? server.fields[name]),
  });

  return (
    <Form onSubmit={submit} failure={change.error} aria-label={t('settings.password.title')}>
      <TextField
        label={t('field.currentPassword.label')}
        autoComplete="current-password"
        {...field('currentPassword')}
      />
      <TextField
        label={t('field.newPassword.label')}
        hint={t('field.password.hint')}
        autoComplete="new-password"
        {...field('newPassword')}
      />
      <TextField label={t('field.repeat.label')} autoComplete="new-password" {...field('repeat')} />
      <FormError error={server.form} />
      {change.isSuccess && <Alert tone="success">{t('settings.password.done')}</Alert>}
      <FormActions>
        <Button type="submit" variant="primary" busy={change.isPending}>
          {t('settings.password.submit')}
        </Button>
      </FormActions>
    </Form>
  );
}
