import { useState } from 'react';
import { Alert } from '@/components/Alert';
import { Button } from '@/components/Button';
import { SelectField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { useFormErrors } from '@/lib/forms';
import { useI18n } from '@/lib/i18n';
import type { MentionPolicy, User } from '@/types/api';
import { useUpdateProfile } from '../api/updateProfile';

const POLICIES: readonly MentionPolicy[] = ['everyone', 'following', 'nobody'];

/** Who sees my followers and activity, and who may mention me. */
export function PrivacyForm({ user }: { user: User }) {
  const { t } = useI18n();
  const update = useUpdateProfile();
  const errors = useFormErrors(update, ['hideFollowers', 'hideActivity', 'mentionPolicy']);
  const [hideFollowers, setHideFollowers] = useState(user.hideFollowers ?? false);
  const [hideActivity, setHideActivity] = useState(user.hideActivity ?? false);
  const [mentionPolicy, setMentionPolicy] = useState<MentionPolicy>(user.mentionPolicy ?? 'everyone');

  return (
    <Form
      onSubmit={() => update.mutate({ hideFollowers, hideActivity, mentionPolicy })}
      failure={update.error}
      aria-label={t('privacy.title')}
    >
      <label className="check-row">
        <input type="checkbox" checked={hideFollowers} onChange={(e) => setHideFollowers(e.target.checked)} />
        <span>
          <span className="check-row__label">{t('privacy.hideFollowers')}</span>
          <span className="field__hint">{t('privacy.hideFollowersHint')}</span>
        </span>
      </label>
      <label className="check-row">
        <input type="checkbox" checked={hideActivity} onChange={(e) => setHideActivity(e.target.checked)} />
        <span>
          <span className="check-row__label">{t('privacy.hideActivity')}</span>
          <span className="field__hint">{t('privacy.hideActivityHint')}</span>
        </span>
      </label>
      <SelectField
        label={t('privacy.mentionPolicy')}
        value={mentionPolicy}
        onChange={(e) => setMentionPolicy(e.target.value as MentionPolicy)}
        error={errors.field('mentionPolicy')}
      >
        {POLICIES.map((p) => (
          <option key={p} value={p}>
            {t(`privacy.mention.${p}`)}
          </option>
        ))}
      </SelectField>
      <FormError error={errors.form} />
      {update.isSuccess && <Alert tone="success">{t('settings.saved')}</Alert>}
      <FormActions>
        <Button type="submit" variant="primary" busy={update.isPending}>
          {t('privacy.save')}
        </Button>
      </FormActions>
    </Form>
  );
}
