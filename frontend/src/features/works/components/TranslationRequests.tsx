import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/Alert';
import { Button, ButtonLink } from '@/components/Button';
import { SelectField, TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { RelativeTime } from '@/components/RelativeTime';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { WORK_LANGUAGES, type WorkFull, type WorkLanguage } from '../api/types';
import { useRequestTranslation, useTranslationRequests } from '../api/works';
import { Authors } from './WorkCard';

/** On the work page: a signed-in reader asks for a translation into another language. */
export function RequestTranslation({ work }: { work: WorkFull }) {
  const { t } = useI18n();
  const ask = useRequestTranslation();
  const languages = WORK_LANGUAGES.filter((l) => l !== work.language && l !== 'other');
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useState<WorkLanguage>(languages[0] ?? 'en');
  const [note, setNote] = useState('');
  if (!work.viewer || work.translationOf || work.permissions.canEdit) return null;
  if (ask.isSuccess) {
    return (
      <Alert tone="success">
        {t('works.request.sent')} <Link to="/translation-requests">{t('works.request.browse')}</Link>
      </Alert>
    );
  }
  if (!open) {
    return (
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
        {t('works.request.ask')}
      </Button>
    );
  }
  return (
    <Form
      className="translation-request-form"
      onSubmit={() => ask.mutate({ workId: work.id, language, note })}
      failure={ask.error}
    >
      <SelectField
        label={t('works.request.language')}
        name="language"
        value={language}
        onChange={(e) => setLanguage(e.target.value as WorkLanguage)}
      >
        {languages.map((l) => (
          <option key={l} value={l}>
            {t(`works.language.${l}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('works.request.note')}
        name="note"
        value={note}
        maxLength={1000}
        onChange={(e) => setNote(e.target.value)}
      />
      <FormError error={ask.error} />
      <FormActions>
        <Button type="submit" variant="primary" busy={ask.isPending}>
          {t('works.request.submit')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </FormActions>
    </Form>
  );
}

/** Open translation requests that translators browse, filterable by the language asked for. */
export function TranslationRequestList() {
  const { t } = useI18n();
  const { user } = useSession();
  const [language, setLanguage] = useState<WorkLanguage | ''>('');
  const requests = useTranslationRequests(language);
  const items = requests.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="translation-requests">
      <SelectField
        label={t('works.request.filter')}
        name="language"
        value={language}
        onChange={(e) => setLanguage(e.target.value as WorkLanguage | '')}
      >
        <option value="">{t('works.request.anyLanguage')}</option>
        {WORK_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(`works.language.${l}`)}
          </option>
        ))}
      </SelectField>
      {requests.isPending ? (
        <LoadingState />
      ) : requests.isError ? (
        <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('works.request.empty')}>{t('works.request.emptyBody')}</EmptyState>
      ) : (
        <ul className="translation-requests__list">
          {items.map((r) => (
            <li key={r.id} className="translation-request">
              <h2 className="translation-request__title">
                <Link to={`/works/${r.work.id}`}>{r.work.title}</Link>
              </h2>
              <p className="translation-request__meta">
                {t('works.by')} <Authors authors={r.work.authors} />
                {' · '}
                {t('works.request.from', {
                  from: t(`works.language.${r.work.language}`),
                  to: t(`works.language.${r.language}`),
                })}
              </p>
              {r.note && <p className="translation-request__note">{r.note}</p>}
              <p className="muted">
                {t('works.request.askedBy', { handle: r.requester.handle })}{' '}
                <RelativeTime iso={r.createdAt} />
              </p>
              {user && (
                <ButtonLink
                  size="sm"
                  variant="primary"
                  to={`/works/new?translationOf=${r.work.id}&language=${encodeURIComponent(r.language)}`}
                >
                  {t('works.request.translate')}
                </ButtonLink>
              )}
            </li>
          ))}
        </ul>
      )}
      {requests.hasNextPage && (
        <Button busy={requests.isFetchingNextPage} onClick={() => void requests.fetchNextPage()}>
          {t('topics.loadMore')}
        </Button>
      )}
      <p className="field__hint">{t('works.request.howTo')}</p>
    </div>
  );
}
