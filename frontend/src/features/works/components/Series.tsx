import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '@/components/Button';
import { CookedContent } from '@/components/CookedContent';
import { SelectField, TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { ErrorState, LoadingState } from '@/components/States';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import type { WorkFull } from '../api/types';
import {
  useCreateSeries,
  useMySeries,
  useReorderSeries,
  useSeries,
  useSeriesWork,
  useSubscribeSeries,
  useUpdateSeries,
  useUserWorks,
} from '../api/works';
import { Authors, WorkCard } from './WorkCard';
import '../works.css';

/** "Part 2 of Trilogy" with the previous and next works the reader may read. */
function SeriesLine({ seriesId, workId }: { seriesId: number; workId: number }) {
  const { t } = useI18n();
  const series = useSeries(seriesId);
  if (!series.data) return null;
  const works = series.data.works;
  const index = works.findIndex((w) => w.id === workId);
  if (index < 0) return null;
  const previous = works[index - 1];
  const next = works[index + 1];
  return (
    <nav className="series-nav" aria-label={t('works.series.navLabel', { title: series.data.title })}>
      {previous && (
        <Link to={`/works/${previous.id}`} rel="prev" className="series-nav__prev">
          ← {previous.title}
        </Link>
      )}
      <span className="series-nav__part">
        {t('works.series.part', { n: index + 1 })} <Link to={`/series/${seriesId}`}>{series.data.title}</Link>
      </span>
      {next && (
        <Link to={`/works/${next.id}`} rel="next" className="series-nav__next">
          {next.title} →
        </Link>
      )}
    </nav>
  );
}

/** On the work page: one line per series the work belongs to. */
export function SeriesNav({ work }: { work: WorkFull }) {
  if (work.series.length === 0) return null;
  return (
    <>
      {work.series.map((s) => (
        <SeriesLine key={s.id} seriesId={s.id} workId={work.id} />
      ))}
    </>
  );
}

function SeriesTitleForm({
  id,
  title,
  summary,
  onDone,
}: {
  id: number;
  title: string;
  summary: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const update = useUpdateSeries(id);
  const [value, setValue] = useState(title);
  const [text, setText] = useState(summary);
  return (
    <Form
      onSubmit={() => update.mutate({ title: value, summary: text }, { onSuccess: onDone })}
      failure={update.error}
    >
      <TextField
        label={t('works.series.title')}
        name="title"
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <label className="field">
        <span className="field__label">{t('works.series.summary')}</span>
        <textarea
          className="field__control work-textarea"
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <FormError error={update.error} />
      <FormActions>
        <Button type="submit" variant="primary" busy={update.isPending}>
          {t('works.series.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </FormActions>
    </Form>
  );
}

/** The creator adds one of their works that is not in the series yet. */
function AddWork({ seriesId, handle, present }: { seriesId: number; handle: string; present: number[] }) {
  const { t } = useI18n();
  const works = useUserWorks(handle);
  const add = useSeriesWork();
  const [choice, setChoice] = useState('');
  const candidates = (works.data?.pages.flatMap((p) => p.items) ?? []).filter((w) => !present.includes(w.id));
  if (candidates.length === 0) return null;
  return (
    <Form
      onSubmit={() =>
        choice &&
        add.mutate({ seriesId, workId: Number(choice), on: true }, { onSuccess: () => setChoice('') })
      }
      failure={add.error}
    >
      <SelectField
        label={t('works.series.addWork')}
        value={choice}
        onChange={(e) => setChoice(e.target.value)}
      >
        <option value="">{t('works.series.pickWork')}</option>
        {candidates.map((w) => (
          <option key={w.id} value={w.id}>
            {w.title}
          </option>
        ))}
      </SelectField>
      <FormError error={add.error} />
      <FormActions>
        <Button type="submit" busy={add.isPending} disabled={!choice}>
          {t('works.series.add')}
        </Button>
      </FormActions>
    </Form>
  );
}

/** The series page: its works in order; its creator reorders, adds and removes them. */
export function SeriesView({ id }: { id: number }) {
  const { t, formatNumber } = useI18n();
  const { user } = useSession();
  const series = useSeries(id);
  const reorder = useReorderSeries(id);
  const remove = useSeriesWork();
  const subscribe = useSubscribeSeries(id);
  const [editing, setEditing] = useState(false);
  if (series.isPending) return <LoadingState />;
  if (series.isError) return <ErrorState error={series.error} onRetry={() => void series.refetch()} />;
  const s = series.data;
  const ids = s.works.map((w) => w.id);
  const move = (from: number, to: number) => {
    const next = [...ids];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    reorder.mutate(next);
  };
  return (
    <article className="series" aria-labelledby="series-title">
      <header className="series__head">
        {editing ? (
          <SeriesTitleForm
            id={s.id}
            title={s.title}
            summary={s.summary ?? ''}
            onDone={() => setEditing(false)}
          />
        ) : (
          <>
            <p className="muted">{t('works.series.kicker')}</p>
            <h1 id="series-title">{s.title}</h1>
            <p>
              {t('works.by')} <Authors authors={s.authors.length > 0 ? s.authors : [s.creator]} />
              {' · '}
              {t('works.series.stats', {
                works: formatNumber(s.works.length),
                words: formatNumber(s.wordCount),
              })}
            </p>
            {s.summaryHtml && <CookedContent html={s.summaryHtml} />}
          </>
        )}
        <div className="reader-actions">
          {user && (
            <Button
              aria-pressed={s.subscribed}
              busy={subscribe.isPending}
              onClick={() => subscribe.mutate(!s.subscribed)}
            >
              {s.subscribed ? t('works.series.unsubscribe') : t('works.series.subscribe')}
            </Button>
          )}
          {s.canEdit && !editing && (
            <Button onClick={() => setEditing(true)}>{t('works.series.edit')}</Button>
          )}
        </div>
      </header>
      {s.works.length === 0 ? (
        <p className="muted">{t('works.series.empty')}</p>
      ) : (
        <ol className="series__works">
          {s.works.map((w, i) => (
            <li key={w.id} className="series__work">
              <p className="series__part">{t('works.series.partN', { n: i + 1 })}</p>
              <WorkCard work={w} />
              {s.canEdit && (
                <div className="chapter-admin__actions">
                  <Button
                    size="sm"
                    disabled={i === 0 || reorder.isPending}
                    aria-label={t('works.series.up', { title: w.title })}
                    onClick={() => move(i, i - 1)}
                  >
                    ↑
                  </Button>
                  <Button
                    size="sm"
                    disabled={i === s.works.length - 1 || reorder.isPending}
                    aria-label={t('works.series.down', { title: w.title })}
                    onClick={() => move(i, i + 1)}
                  >
                    ↓
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    busy={remove.isPending}
                    onClick={() => remove.mutate({ seriesId: s.id, workId: w.id, on: false })}
                  >
                    {t('works.series.remove')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <FormError error={reorder.error ?? remove.error} />
      {s.canEdit && user && <AddWork seriesId={s.id} handle={user.handle} present={ids} />}
    </article>
  );
}

/** In the work editor: the series this work is in, add it to one of mine, or start a new one. */
export function SeriesPanel({ work }: { work: WorkFull }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const mine = useMySeries();
  const create = useCreateSeries();
  const change = useSeriesWork();
  const [choice, setChoice] = useState('');
  const [title, setTitle] = useState('');
  const inSeries = work.series.map((s) => s.id);
  const others = (mine.data ?? []).filter((s) => !inSeries.includes(s.id));
  return (
    <div className="series-panel">
      {work.series.length > 0 && (
        <ul className="series-panel__list">
          {work.series.map((s) => (
            <li key={s.id}>
              <Link to={`/series/${s.id}`}>{s.title}</Link>{' '}
              {(mine.data ?? []).some((m) => m.id === s.id) && (
                <Button
                  size="sm"
                  variant="ghost"
                  busy={change.isPending}
                  onClick={() => change.mutate({ seriesId: s.id, workId: work.id, on: false })}
                >
                  {t('works.series.remove')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <Form
          onSubmit={() =>
            choice &&
            change.mutate(
              { seriesId: Number(choice), workId: work.id, on: true },
              { onSuccess: () => setChoice('') },
            )
          }
          failure={change.error}
        >
          <SelectField
            label={t('works.series.addTo')}
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
          >
            <option value="">{t('works.series.pick')}</option>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </SelectField>
          <FormActions>
            <Button type="submit" busy={change.isPending} disabled={!choice}>
              {t('works.series.add')}
            </Button>
          </FormActions>
        </Form>
      )}
      <FormError error={change.error} />
      <Form
        onSubmit={() =>
          title.trim() &&
          create.mutate(
            { title: title.trim() },
            {
              onSuccess: (series) =>
                change.mutate(
                  { seriesId: series.id, workId: work.id, on: true },
                  { onSuccess: () => navigate(`/series/${series.id}`) },
                ),
            },
          )
        }
        failure={create.error}
      >
        <TextField
          label={t('works.series.new')}
          hint={t('works.series.newHint')}
          name="seriesTitle"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <FormError error={create.error} />
        <FormActions>
          <Button type="submit" busy={create.isPending} disabled={!title.trim()}>
            {t('works.series.create')}
          </Button>
        </FormActions>
      </Form>
    </div>
  );
}
