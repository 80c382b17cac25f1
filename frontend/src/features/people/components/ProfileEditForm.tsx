import { useMemo, useState } from 'react';
import { Alert } from '@/components/Alert';
import { Button } from '@/components/Button';
import { CheckboxGroup, ChipsInput } from '@/components/ChipsInput';
import { TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { DISCIPLINES, normaliseField } from '@/lib/disciplines';
import { listFieldErrors, useFormErrors } from '@/lib/forms';
import { useI18n } from '@/lib/i18n';
import { codePoints } from '@/lib/text';
import type { Discipline, ProfileLink, User } from '@/types/api';
import { useUpdateProfile } from '../api/updateProfile';
import {
  AFFILIATION_MAX,
  BIO_MAX,
  FIELDS_MAX,
  LANGUAGES_MAX,
  LINK_LABEL_MAX,
  LINKS_MAX,
  LOCATION_MAX,
  normaliseLanguage,
  profileErrors,
} from '../rules';
import './people.css';

const FIELDS = ['bio', 'disciplines', 'fields', 'affiliation', 'languages', 'links', 'location'] as const;

function LinksEditor({
  links,
  onChange,
  error,
}: {
  links: ProfileLink[];
  onChange: (links: ProfileLink[]) => void;
  error?: string;
}) {
  const { t } = useI18n();
  const set = (i: number, change: Partial<ProfileLink>) =>
    onChange(links.map((l, j) => (j === i ? { ...l, ...change } : l)));
  return (
    <fieldset className="field links-editor" aria-invalid={error ? true : undefined}>
      <legend className="field__label">{t('profile.links')}</legend>
      {links.map((link, i) => (
        <div key={i} className="links-editor__row">
          <TextField
            label={t('profile.edit.linkLabel', { n: i + 1 })}
            value={link.label}
            maxLength={LINK_LABEL_MAX}
            onChange={(e) => set(i, { label: e.target.value })}
          />
          <TextField
            label={t('profile.edit.linkUrl', { n: i + 1 })}
            type="url"
            inputMode="url"
            placeholder="https://"
            value={link.url}
            aria-invalid={error ? true : undefined}
            onChange={(e) => set(i, { url: e.target.value })}
          />
          <Button
            size="sm"
            variant="ghost"
            className="links-editor__remove"
            onClick={() => onChange(links.filter((_, j) => j !== i))}
          >
            {t('profile.edit.removeLink', { n: i + 1 })}
          </Button>
        </div>
      ))}
      {error && <p className="field__error">{error}</p>}
      {links.length < LINKS_MAX && (
        <div>
          <Button size="sm" onClick={() => onChange([...links, { label: '', url: '' }])}>
            {t('profile.edit.addLink')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}

/** Bio, disciplines, fields, affiliation, languages, links and location: PATCH /me. */
export function ProfileEditForm({ user }: { user: User }) {
  const { t, formatNumber } = useI18n();
  const update = useUpdateProfile();
  // Memoised: the form refocuses the first invalid field whenever its failure changes.
  const failure = useMemo(() => listFieldErrors(update.error), [update.error]);
  const submission = { error: failure, reset: update.reset };
  const errors = useFormErrors(submission, FIELDS);
  const [bio, setBio] = useState(user.bio ?? '');
  const [disciplines, setDisciplines] = useState<Discipline[]>(user.disciplines ?? []);
  const [fields, setFields] = useState<string[]>(user.fields ?? []);
  const [affiliation, setAffiliation] = useState(user.affiliation ?? '');
  const [languages, setLanguages] = useState<string[]>(user.languages ?? []);
  const [links, setLinks] = useState<ProfileLink[]>(user.links ?? []);
  const [location, setLocation] = useState(user.location ?? '');

  const submit = () => {
    const filled = links
      .map((l) => ({ label: l.label.trim(), url: l.url.trim() }))
      .filter((l) => l.url !== '' || l.label !== '');
    if (!errors.passes(profileErrors({ bio, fields, languages, links: filled, affiliation, location })))
      return;
    update.mutate({
      bio,
      disciplines,
      fields,
      affiliation: affiliation.trim(),
      languages,
      links: filled,
      location: location.trim(),
    });
  };

  return (
    <Form onSubmit={submit} failure={submission.error} aria-label={t('profile.edit.title')}>
      <div className="field">
        <label className="field__label" htmlFor="profile-bio">
          {t('profile.edit.bio')}
        </label>
        <textarea
          id="profile-bio"
          className="field__control profile-bio-input"
          rows={6}
          value={bio}
          onChange={(e) => setBio(e.target.value)}
          aria-invalid={errors.field('bio') ? true : undefined}
          aria-describedby="profile-bio-hint"
        />
        {errors.field('bio') && <p className="field__error">{errors.field('bio')}</p>}
        <p className="field__hint" id="profile-bio-hint">
          {t('profile.edit.bioHint', {
            count: formatNumber(codePoints(bio)),
            max: formatNumber(BIO_MAX),
          })}
        </p>
      </div>
      <CheckboxGroup
        legend={t('profile.disciplines')}
        hint={t('profile.edit.disciplinesHint')}
        options={DISCIPLINES}
        value={disciplines}
        onChange={setDisciplines}
        labelOf={(d) => t(`discipline.${d}`)}
        error={errors.field('disciplines')}
      />
      <ChipsInput
        label={t('profile.fields')}
        hint={t('profile.edit.fieldsHint', { max: FIELDS_MAX })}
        placeholder={t('profile.edit.fieldsPlaceholder')}
        values={fields}
        onChange={setFields}
        max={FIELDS_MAX}
        normalise={normaliseField}
        invalidText={t('field.fields.pattern')}
        error={errors.field('fields')}
      />
      <TextField
        label={t('profile.affiliation')}
        hint={t('profile.edit.affiliationHint')}
        value={affiliation}
        maxLength={AFFILIATION_MAX * 2}
        onChange={(e) => setAffiliation(e.target.value)}
        error={errors.field('affiliation')}
      />
      <ChipsInput
        label={t('profile.languages')}
        hint={t('profile.edit.languagesHint', { max: LANGUAGES_MAX })}
        placeholder="zh-CN, en…"
        values={languages}
        onChange={setLanguages}
        max={LANGUAGES_MAX}
        normalise={normaliseLanguage}
        invalidText={t('field.languages.pattern')}
        error={errors.field('languages')}
      />
      <LinksEditor links={links} onChange={setLinks} error={errors.field('links')} />
      <TextField
        label={t('profile.location')}
        hint={t('profile.edit.locationHint')}
        value={location}
        maxLength={LOCATION_MAX * 2}
        onChange={(e) => setLocation(e.target.value)}
        error={errors.field('location')}
      />
      <FormError error={errors.form} />
      {update.isSuccess && <Alert tone="success">{t('settings.saved')}</Alert>}
      <FormActions>
        <Button type="submit" variant="primary" busy={update.isPending}>
          {t('profile.edit.save')}
        </Button>
      </FormActions>
    </Form>
  );
}
