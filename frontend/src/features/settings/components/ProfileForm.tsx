import { useState } from 'react';
import { Alert } from '@/components/Alert';
import { Button } from '@/components/Button';
import { SelectField, TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { splitErrors, useErrorText } from '@/lib/errors';
import { isLocale, useI18n } from '@/lib/i18n';
import { byField, required } from '@/lib/validation';
import type { FieldError, Locale, User } from '@/types/api';
import { useUpdateMe } from '../api/updateMe';

export function ProfileForm({ user }: { user: User }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const update = useUpdateMe();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [invalid, setInvalid] = useState<Record<string, FieldError>>({});

  const submit = () => {
    const errors = byField(required('displayName', displayName));
    setInvalid(errors);
    if (Object.keys(errors).length > 0) {
      update.reset();
      return;
    }
    update.mutate({ displayName: displayName.trim(), locale });
  };

  const server = splitErrors(update.error, ['displayName', 'locale']);
  return (
    <Form onSubmit={submit} failure={update.error} aria-label={t('settings.profile.title')}>
      <TextField label={t('field.handle.label')} value={`@${user.handle}`} readOnly disabled />
      <TextField
        label={t('field.displayName.label')}
        name="displayName"
        autoComplete="nickname"
        maxLength={60}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        error={errorText.field(invalid.displayName ?? server.fields.displayName)}
      />
      <SelectField
        label={t('field.locale.label')}
        hint={t('field.locale.hint')}
        name="locale"
        value={locale}
        onChange={(e) => isLocale(e.target.value) && setLocale(e.target.value)}
        error={errorText.field(server.fields.locale)}
      >
        <option value="zh-CN" lang="zh-CN">
          简体中文
        </option>
        <option value="en" lang="en">
          English
        </option>
      </SelectField>
      <FormError error={server.form} />
      {update.isSuccess && <Alert tone="success">{t('settings.saved')}</Alert>}
      <FormActions>
        <Button type="submit" variant="primary" busy={update.isPending}>
          {t('common.save')}
        </Button>
      </FormActions>
    </Form>
  );
}
