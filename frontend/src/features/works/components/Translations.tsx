import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/Button';
import { TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { useI18n } from '@/lib/i18n';
import type { WorkFull } from '../api/types';
import { useDecideTranslation, useLinkTranslation, useTranslations } from '../api/works';
import { Authors } from './WorkCard';

/** The translations of a work; its authors grant or decline permission here. */
export function TranslationList({ work }: { work: WorkFull }) {
  const { t } = useI18n();
  const list = useTranslations(work.id);
  const decide = useDecideTranslation(work.id);
  const items = list.data ?? [];
  if (items.length === 0) return null;
  return (
    <section className="translations" aria-labelledby="translations-title">
      <h2 id="translations-title">{t('works.translations')}</h2>
      <ul>
        {items.map((tr) => (
          <li key={tr.work.id}>
            <Link to={`/works/${tr.work.id}`}>{tr.work.title}</Link> (
            {t(`works.language.${tr.work.language}`)}) {t('works.translatedBy')}{' '}
            <Authors authors={tr.translators} />{' '}
            <span className="work-badge">{t(`works.translation.${tr.state}`)}</span>
            {work.permissions.canEdit && tr.state !== 'granted' && (
              <Button
                size="sm"
                variant="primary"
                busy={decide.isPending}
                onClick={() => decide.mutate({ translationId: tr.work.id, state: 'granted' })}
              >
                {t('works.translation.grant')}
              </Button>
            )}
            {work.permissions.canEdit && tr.state !== 'declined' && (
              <Button
                size="sm"
                busy={decide.isPending}
                onClick={() => decide.mutate({ translationId: tr.work.id, state: 'declined' })}
              >
                {t('works.translation.decline')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** In the editor: link this work as a translation of another (by the original's id or address). */
export function LinkTranslation({ work }: { work: WorkFull }) {
  const { t } = useI18n();
  const link = useLinkTranslation(work.id);
  const [original, setOriginal] = useState('');
  if (work.translationOf) {
    return (
      <p>
        {t('works.translationOf')}{' '}
        <Link to={`/works/${work.translationOf.id}`}>{work.translationOf.title}</Link> ·{' '}
        {work.translationState && t(`works.translation.${work.translationState}`)}
      </p>
    );
  }
  const id = Number(/(\d+)\/?$/.exec(original.trim())?.[1] ?? NaN);
  return (
    <Form onSubmit={() => Number.isFinite(id) && link.mutate(id)} failure={link.error}>
      <FormError error={link.error} />
      <TextField
        label={t('works.translation.original')}
        hint={t('works.translation.originalHint')}
        name="original"
        value={original}
        onChange={(e) => setOriginal(e.target.value)}
      />
      <FormActions>
        <Button type="submit" busy={link.isPending}>
          {t('works.translation.link')}
        </Button>
      </FormActions>
    </Form>
  );
}

/**
 * On a translation's own page: "Translation of …", its permission while not granted, and the
 * original's authors' grant / decline buttons.
 */
export function TranslationOf({ work }: { work: WorkFull }) {
  const { t } = useI18n();
  const original = work.translationOf;
  const decide = useDecideTranslation(original?.id ?? 0);
  if (!original) return null;
  const state = work.translationState;
  return (
    <p className="translation-of">
      {t('works.translationOf')} <Link to={`/works/${original.id}`}>{original.title}</Link>
      {state && state !== 'granted' && <span className="work-badge">{t(`works.translation.${state}`)}</span>}
      {work.permissions.canDecideTranslation && state !== 'granted' && (
        <Button
          size="sm"
          variant="primary"
          busy={decide.isPending}
          onClick={() => decide.mutate({ translationId: work.id, state: 'granted' })}
        >
          {t('works.translation.grant')}
        </Button>
      )}
      {work.permissions.canDecideTranslation && state !== 'declined' && (
        <Button
          size="sm"
          busy={decide.isPending}
          onClick={() => decide.mutate({ translationId: work.id, state: 'declined' })}
        >
          {t('works.translation.decline')}
        </Button>
      )}
    </p>
  );
}
