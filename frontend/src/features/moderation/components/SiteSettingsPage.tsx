import { useState, type FormEvent } from 'react';
import { Button } from '@/components/Button';
import { TextField } from '@/components/Field';
import { Page } from '@/components/Page';
import { ErrorState, LoadingState } from '@/components/States';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { isApiError } from '@/lib/api';
import { usePatchSettings, useSiteSettings } from '../api/moderation';
import './moderation.css';

interface WatchedWord {
  word: string;
  action: string;
}

/** "word action" per line ↔ the watchedWords setting. */
export function parseWatchedWords(text: string): WatchedWord[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const at = line.lastIndexOf(' ');
      return at > 0
        ? { word: line.slice(0, at).trim(), action: line.slice(at + 1) }
        : { word: line, action: 'flag' };
    });
}

/** Admins: thresholds, limits and word lists, validated by the server and audit-logged. */
export function SiteSettingsPage() {
  const { t } = useI18n();
  const errors = useErrorText();
  const settings = useSiteSettings();
  const patch = usePatchSettings();
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [words, setWords] = useState<string | null>(null);

  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const { values, defaults } = settings.data;
  const numeric = Object.keys(defaults).filter((k) => typeof defaults[k] === 'number');
  const currentWords = ((values.watchedWords as WatchedWord[] | undefined) ?? [])
    .map((w) => `${w.word} ${w.action}`)
    .join('\n');

  const save = (e: FormEvent) => {
    e.preventDefault();
    const changes: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(edits)) changes[k] = v.trim() === '' ? v : Number(v);
    if (words !== null) changes.watchedWords = parseWatchedWords(words);
    patch.mutate(changes, {
      onSuccess: () => {
        setEdits({});
        setWords(null);
      },
    });
  };
  const fieldError = (key: string) => {
    if (!isApiError(patch.error)) return undefined;
    const e = patch.error.errors.find((x) => x.field === key);
    return e ? e.message || errors.field(e) : undefined;
  };

  return (
    <Page title={t('moderation.settings.title')} width="form" lead={t('moderation.settings.lead')}>
      <form onSubmit={save} noValidate>
        {numeric.map((key) => (
          <TextField
            key={key}
            label={key}
            inputMode="numeric"
            value={edits[key] ?? String(values[key] ?? defaults[key])}
            hint={t('moderation.settings.default', { value: String(defaults[key]) })}
            error={fieldError(key)}
            onChange={(e) => setEdits({ ...edits, [key]: e.target.value })}
          />
        ))}
        <div className="field">
          <label className="field__label" htmlFor="watched-words">
            watchedWords
          </label>
          <textarea
            id="watched-words"
            className="field__control"
            rows={5}
            value={words ?? currentWords}
            onChange={(e) => setWords(e.target.value)}
          />
          <p className="field__hint">{t('moderation.settings.wordsHint')}</p>
          {fieldError('watchedWords') && <p className="field__error">{fieldError('watchedWords')}</p>}
        </div>
        {patch.isError && !(isApiError(patch.error) && patch.error.errors.length > 0) && (
          <p className="field__error" role="alert">
            {errors.problem(patch.error)}
          </p>
        )}
        {patch.isSuccess && <p role="status">{t('moderation.settings.saved')}</p>}
        <Button type="submit" variant="primary" busy={patch.isPending}>
          {t('common.save')}
        </Button>
      </form>
    </Page>
  );
}
