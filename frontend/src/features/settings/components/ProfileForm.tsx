import { useState } from 'react';
import { Alert } from '@/components/Alert';
import { Button } from '@/components/Button';
import { SelectField, TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { useFormErrors } from '@/lib/forms';
import { isLocale, useI18n } from '@/lib/i18n';
import { required } from '@/lib/validation';
import type { Locale, User } from '@/types/api';
import { useUpdateMe } from '../api/updateMe';

export function ProfileForm({ user }: { user: User }) {
  const { t } = useI18n();
  const update = useUpdateMe();
  const errors = useFormErrors(update, ['displayName', 'locale']);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [locale, setLocale] = useState<Locale>(user.locale);
  // Saved values can change elsewhere (the header's language switch): start over from them.
  const [saved, setSaved] = useState({ displayName: user.displayName, locale: user.locale });
  if (saved.displayName !== user.displayName || saved.locale !== user.locale) {
    setSaved({ displayName: user.displayName, locale: user.locale });
    setDisplayName(user.displayName);
    setLocale(user.locale);
  }

  const submit = () => {
    if (!errors.passes(required('displayName', displayName))) return;
    update.mutate({ displayName: displayName.trim(), locale });
  };

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
        error={errors.field('displayName')}
      />
      <SelectField
        label={t('field.locale.label')}
        hint={t('field.locale.hint')}
        name="locale"
        value={locale}
        onChange={(e) => isLocale(e.target.value) && setLocale(e.target.value)}
        error={errors.field('locale')}
      >
        <option value="zh-CN" lang="zh-CN">
          简体中文
        </option>
        <option value="en" lang="en">
          English
        </option>
      </SelectField>
      <FormError error={errors.form} />
      {update.isSuccess && <Alert tone="success">{t('settings.saved')}</Alert>}
      <FormActions>
        <Button type="submit" variant="primary" busy={update.isPending}>
          {t('common.save')}
        </Button>
      </FormActions>
    </Form>
  );
}
