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
import { fieldError } from '@/lib/validation';
import type { Discipline, FieldError, Group, GroupVisibility } from '@/types/api';
import { useCreateGroup, useUpdateGroup } from '../api/saveGroup';
import './groups.css';

const VISIBILITIES: readonly GroupVisibility[] = ['public', 'restricted', 'secret'];
export const SLUG = /^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$/;
const NAME_MAX = 80;
const DESCRIPTION_MAX = 10_000;
const FIELDS_MAX = 10;

/** A slug suggested from the name: Latin letters and digits, runs of anything else as -. */
export function slugFrom(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
}

interface Values {
  slug: string;
  name: string;
  description: string;
  visibility: GroupVisibility;
  disciplines: Discipline[];
  fields: string[];
}

export function groupErrors(v: Values, creating: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (creating) {
    if (v.slug === '') errors.push(fieldError('slug', 'required'));
    else if (!SLUG.test(v.slug)) errors.push(fieldError('slug', 'pattern'));
  }
  const n = codePoints(v.name.trim());
  if (n === 0) errors.push(fieldError('name', 'required'));
  else if (n > NAME_MAX) errors.push(fieldError('name', 'length'));
  if (codePoints(v.description) > DESCRIPTION_MAX) errors.push(fieldError('description', 'length'));
  if (v.fields.length > FIELDS_MAX) errors.push(fieldError('fields', 'size'));
  return errors;
}

/**
 * Creates a group (`group` absent) or edits one. The visibility can be changed only by those who
 * may delete the group (its owner, administrators), as the server rules.
 */
export function GroupForm({ group, onSaved }: { group?: Group; onSaved: (group: Group) => void }) {
  const { t } = useI18n();
  const creating = group === undefined;
  const create = useCreateGroup();
  const update = useUpdateGroup(group?.slug ?? '');
  const mutation = creating ? create : update;
  // `fields[2]` is shown at the fields; memoised, as the form refocuses on every new failure.
  const failure = useMemo(() => listFieldErrors(mutation.error), [mutation.error]);
  const submission = { error: failure, reset: mutation.reset, isPending: mutation.isPending };
  const errors = useFormErrors(submission, [
    'slug',
    'name',
    'description',
    'visibility',
    'disciplines',
    'fields',
  ]);
  const [name, setName] = useState(group?.name ?? '');
  const [slug, setSlug] = useState(group?.slug ?? '');
  const [slugTouched, setSlugTouched] = useState(!creating);
  const [description, setDescription] = useState(group?.description ?? '');
  const [visibility, setVisibility] = useState<GroupVisibility>(group?.visibility ?? 'public');
  const [disciplines, setDisciplines] = useState<Discipline[]>(group?.disciplines ?? []);
  const [fields, setFields] = useState<string[]>(group?.fields ?? []);
  const canSetVisibility = creating || group.permissions.canDelete;

  const submit = () => {
    const values = { slug, name, description, visibility, disciplines, fields };
    if (!errors.passes(groupErrors(values, creating))) return;
    if (creating) {
      create.mutate({ ...values, name: name.trim() }, { onSuccess: onSaved });
    } else {
      update.mutate(
        {
          name: name.trim(),
          description,
          disciplines,
          fields,
          ...(canSetVisibility && visibility !== group.visibility ? { visibility } : {}),
        },
        { onSuccess: onSaved },
      );
    }
  };

  return (
    <Form
      onSubmit={submit}
      failure={submission.error}
      aria-label={t(creating ? 'groups.new' : 'group.editTitle')}
    >
      <TextField
        label={t('group.name')}
        value={name}
        maxLength={NAME_MAX * 2}
        onChange={(e) => {
          setName(e.target.value);
          if (!slugTouched) setSlug(slugFrom(e.target.value));
        }}
        error={errors.field('name')}
      />
      {creating ? (
        <TextField
          label={t('group.slug')}
          hint={t('group.slugHint', { slug: slug || 'my-group' })}
          value={slug}
          maxLength={50}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setSlugTouched(true);
            setSlug(e.target.value.toLowerCase());
          }}
          error={errors.field('slug')}
        />
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor="group-description">
          {t('group.description')}
        </label>
        <textarea
          id="group-description"
          className="field__control"
          rows={6}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          aria-invalid={errors.field('description') ? true : undefined}
        />
        {errors.field('description') && <p className="field__error">{errors.field('description')}</p>}
        <p className="field__hint">{t('group.descriptionHint')}</p>
      </div>
      {canSetVisibility && (
        <fieldset className="field visibility-choice">
          <legend className="field__label">{t('group.visibility')}</legend>
          {VISIBILITIES.map((v) => (
            <label key={v} className="check-row">
              <input
                type="radio"
                name="visibility"
                value={v}
                checked={visibility === v}
                onChange={() => setVisibility(v)}
              />
              <span>
                <span className="check-row__label">{t(`group.visibility.${v}`)}</span>
                <span className="field__hint">{t(`group.visibility.${v}.hint`)}</span>
              </span>
            </label>
          ))}
          {errors.field('visibility') && <p className="field__error">{errors.field('visibility')}</p>}
        </fieldset>
      )}
      <CheckboxGroup
        legend={t('group.bridges')}
        hint={t('group.bridgesHint')}
        options={DISCIPLINES}
        value={disciplines}
        onChange={setDisciplines}
        labelOf={(d) => t(`discipline.${d}`)}
        error={errors.field('disciplines')}
      />
      <ChipsInput
        label={t('group.fields')}
        hint={t('profile.edit.fieldsHint', { max: FIELDS_MAX })}
        placeholder={t('profile.edit.fieldsPlaceholder')}
        values={fields}
        onChange={setFields}
        max={FIELDS_MAX}
        normalise={normaliseField}
        invalidText={t('field.fields.pattern')}
        error={errors.field('fields')}
      />
      <FormError error={errors.form} />
      {!creating && update.isSuccess && <Alert tone="success">{t('settings.saved')}</Alert>}
      <FormActions>
        <Button type="submit" variant="primary" busy={submission.isPending}>
          {t(creating ? 'groups.create' : 'common.save')}
        </Button>
      </FormActions>
    </Form>
  );
}
