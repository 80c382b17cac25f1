import { useState } from 'react';
import { Alert } from '@/components/Alert';
import { Button } from '@/components/Button';
import { TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { useFormErrors } from '@/lib/forms';
import { useI18n } from '@/lib/i18n';
import { fieldError, passwordRules, required } from '@/lib/validation';
import { useChangePassword } from '../api/changePassword';

const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

export function PasswordForm() {
  const { t } = useI18n();
  const change = useChangePassword();
  const errors = useFormErrors(change, ['currentPassword', 'newPassword']);
  const [values, setValues] = useState(EMPTY);

  const submit = () => {
    const checked = errors.passes([
      ...required('currentPassword', values.currentPassword),
      ...passwordRules('newPassword', values.newPassword),
      ...(values.repeat !== values.newPassword ? [fieldError('repeat', 'mismatch')] : []),
    ]);
    if (!checked) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      { onSuccess: () => setValues(EMPTY) },
    );
  };

  const field = (name: keyof typeof EMPTY) => ({
    name,
    type: 'password',
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    error: errors.field(name),
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
      <FormError error={errors.form} />
      {change.isSuccess && <Alert tone="success">{t('settings.password.done')}</Alert>}
      <FormActions>
        <Button type="submit" variant="primary" busy={change.isPending}>
          {t('settings.password.submit')}
        </Button>
      </FormActions>
    </Form>
  );
}
