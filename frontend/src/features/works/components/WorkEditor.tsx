import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Button, ButtonLink } from '@/components/Button';
import { SelectField, TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { Panel } from '@/components/Page';
import { Alert } from '@/components/Alert';
import { RightsEditor } from './Rights';
import { ErrorState, LoadingState } from '@/components/States';
import { useI18n } from '@/lib/i18n';
import {
  WORK_LANGUAGES,
  WORK_RATINGS,
  WORK_STATUSES,
  WORK_TYPES,
  WORK_VISIBILITIES,
  type Chapter,
  type WorkFull,
  type WorkInput,
  type WorkLanguage,
} from '../api/types';
import {
  useChapter,
  useCreateTranslation,
  useCreateWork,
  useDeleteChapter,
  useDeleteWork,
  useSaveChapter,
  useUpdateWork,
  useWork,
} from '../api/works';
import { splitTags } from '../readerPrefs';
import { CoauthorsPanel, CoverPanel } from './Coauthors';
import { SeriesPanel } from './Series';
import { LinkTranslation } from './Translations';
import '../works.css';

function TextArea({
  label,
  value,
  onChange,
  rows = 4,
  name,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  rows?: number;
  name: string;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <textarea
        className="field__control work-textarea"
        name={name}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

const emptyWork: WorkInput = {
  title: '',
  summary: '',
  type: 'short_story',
  language: 'zh-Hans',
  genres: [],
  tags: [],
  rating: 'general',
  warnings: [],
  status: 'in_progress',
  visibility: 'draft',
};

function fromWork(w: WorkFull): WorkInput {
  return {
    title: w.title,
    summary: w.summary ?? '',
    type: w.type,
    language: w.language,
    genres: w.genres,
    tags: w.tags,
    rating: w.rating,
    warnings: w.warnings,
    status: w.status,
    visibility: w.visibility,
  };
}

/** A new work started from a translation request: the original's metadata in another language. */
function translationOf(original: WorkFull, language: WorkLanguage): WorkInput {
  return {
    ...fromWork(original),
    title: '',
    summary: '',
    language,
    status: 'in_progress',
    visibility: 'draft',
  };
}

/** Title, summary, type, language, tags, rating, warnings, status, visibility (and board, once). */
function MetadataForm({
  work,
  translation,
}: {
  work: WorkFull | null;
  /** A new translation of this original into this language ("Translate this"). */
  translation?: { original: WorkFull; language: WorkLanguage };
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const create = useCreateWork();
  const createTranslation = useCreateTranslation(translation?.original.id ?? 0);
  const update = useUpdateWork(work?.id ?? 0);
  const [input, setInput] = useState<WorkInput>(
    work
      ? fromWork(work)
      : translation
        ? translationOf(translation.original, translation.language)
        : emptyWork,
  );
  const [genres, setGenres] = useState(input.genres.join(', '));
  const [tags, setTags] = useState(input.tags.join(', '));
  const [warnings, setWarnings] = useState(input.warnings.join(', '));
  const [board, setBoard] = useState(work?.board ?? '');
  const set = (change: Partial<WorkInput>) => setInput({ ...input, ...change });
  const mutation = work ? update : translation ? createTranslation : create;

  const submit = () => {
    const body: WorkInput = {
      ...input,
      genres: splitTags(genres),
      tags: splitTags(tags),
      warnings: splitTags(warnings),
    };
    if (board.trim() && !work?.topicId) body.board = board.trim();
    if (work) {
      update.mutate(body);
    } else if (translation) {
      // The editor of the new work shows the link (or lets the translator link again if it failed).
      createTranslation.mutate(body, { onSuccess: ({ work: w }) => navigate(`/works/${w.id}/edit`) });
    } else {
      create.mutate(body, { onSuccess: (w) => navigate(`/works/${w.id}/edit`) });
    }
  };

  return (
    <Form onSubmit={submit} failure={mutation.error}>
      {translation && (
        <Alert tone="info">
          {t('works.request.translating', {
            title: translation.original.title,
            language: t(`works.language.${translation.language}`),
          })}
        </Alert>
      )}
      <FormError error={mutation.error} />
      <TextField
        label={t('works.field.title')}
        name="title"
        value={input.title}
        onChange={(e) => set({ title: e.target.value })}
      />
      <TextArea
        label={t('works.field.summary')}
        name="summary"
        value={input.summary}
        onChange={(v) => set({ summary: v })}
      />
      <SelectField
        label={t('works.field.type')}
        name="type"
        value={input.type}
        onChange={(e) => set({ type: e.target.value as WorkInput['type'] })}
      >
        {WORK_TYPES.map((v) => (
          <option key={v} value={v}>
            {t(`works.type.${v}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('works.field.language')}
        name="language"
        value={input.language}
        onChange={(e) => set({ language: e.target.value as WorkInput['language'] })}
      >
        {WORK_LANGUAGES.map((v) => (
          <option key={v} value={v}>
            {t(`works.language.${v}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('works.field.genres')}
        hint={t('works.filters.tagsHint')}
        name="genres"
        value={genres}
        onChange={(e) => setGenres(e.target.value)}
      />
      <TextField
        label={t('works.field.tags')}
        name="tags"
        value={tags}
        onChange={(e) => setTags(e.target.value)}
      />
      <SelectField
        label={t('works.field.rating')}
        name="rating"
        value={input.rating}
        onChange={(e) => set({ rating: e.target.value as WorkInput['rating'] })}
      >
        {WORK_RATINGS.map((v) => (
          <option key={v} value={v}>
            {t(`works.rating.${v}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('works.field.warnings')}
        name="warnings"
        value={warnings}
        onChange={(e) => setWarnings(e.target.value)}
      />
      <SelectField
        label={t('works.field.status')}
        name="status"
        value={input.status}
        onChange={(e) => set({ status: e.target.value as WorkInput['status'] })}
      >
        {WORK_STATUSES.map((v) => (
          <option key={v} value={v}>
            {t(`works.status.${v}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('works.field.visibility')}
        name="visibility"
        value={input.visibility}
        onChange={(e) => set({ visibility: e.target.value as WorkInput['visibility'] })}
      >
        {WORK_VISIBILITIES.map((v) => (
          <option key={v} value={v}>
            {t(`works.visibility.${v}`)}
          </option>
        ))}
      </SelectField>
      {!work?.topicId && (
        <TextField
          label={t('works.field.board')}
          hint={t('works.field.boardHint')}
          name="board"
          value={board}
          onChange={(e) => setBoard(e.target.value)}
        />
      )}
      <FormActions>
        <Button type="submit" variant="primary" busy={mutation.isPending}>
          {work ? t('common.save') : t('works.create')}
        </Button>
        {work && <ButtonLink to={`/works/${work.id}`}>{t('works.view')}</ButtonLink>}
      </FormActions>
      {update.isSuccess && <p role="status">{t('works.saved')}</p>}
    </Form>
  );
}

function ChapterForm({
  workId,
  chapter,
  onDone,
}: {
  workId: number;
  chapter: Chapter | null;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const save = useSaveChapter(workId);
  const [title, setTitle] = useState(chapter?.title ?? '');
  const [body, setBody] = useState(chapter?.body ?? '');
  const [before, setBefore] = useState(chapter?.notesBefore ?? '');
  const [after, setAfter] = useState(chapter?.notesAfter ?? '');
  const [publishAt, setPublishAt] = useState('');
  const submit = () =>
    save.mutate(
      {
        position: chapter?.position ?? null,
        input: {
          title,
          body,
          notesBefore: before,
          notesAfter: after,
          ...(publishAt ? { publishAt: new Date(publishAt).toISOString() } : {}),
        },
      },
      {
        onSuccess: () => {
          if (!chapter) {
            setTitle('');
            setBody('');
            setBefore('');
            setAfter('');
            setPublishAt('');
          }
          onDone();
        },
      },
    );
  return (
    <Form
      onSubmit={submit}
      failure={save.error}
      aria-label={chapter ? t('works.chapter.edit') : t('works.chapter.add')}
    >
      <FormError error={save.error} />
      <TextField
        label={t('works.chapter.title')}
        name="chapterTitle"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextArea
        label={t('works.chapter.notesBefore')}
        name="notesBefore"
        value={before}
        onChange={setBefore}
        rows={2}
      />
      <TextArea
        label={t('works.chapter.body')}
        name="chapterBody"
        value={body}
        onChange={setBody}
        rows={14}
      />
      <TextArea
        label={t('works.chapter.notesAfter')}
        name="notesAfter"
        value={after}
        onChange={setAfter}
        rows={2}
      />
      {(!chapter || chapter.publishedAt === null) && (
        <TextField
          label={t('works.chapter.publishAt')}
          hint={t('works.chapter.publishAtHint')}
          type="datetime-local"
          name="publishAt"
          value={publishAt}
          onChange={(e) => setPublishAt(e.target.value)}
        />
      )}
      <FormActions>
        <Button type="submit" variant="primary" busy={save.isPending}>
          {chapter ? t('common.save') : t('works.chapter.publish')}
        </Button>
        {chapter && <Button onClick={onDone}>{t('common.cancel')}</Button>}
      </FormActions>
    </Form>
  );
}

/** Chapter n's text, loaded when its author opens it for editing. */
function EditChapter({ workId, position, onDone }: { workId: number; position: number; onDone: () => void }) {
  const chapter = useChapter(workId, position);
  if (chapter.isPending) return <LoadingState />;
  if (chapter.isError) return <ErrorState error={chapter.error} onRetry={() => void chapter.refetch()} />;
  return <ChapterForm key={chapter.data.id} workId={workId} chapter={chapter.data} onDone={onDone} />;
}

/** The table of contents from the work itself: no chapter text until one is opened. */
function ChapterList({ work }: { work: WorkFull }) {
  const { t } = useI18n();
  const save = useSaveChapter(work.id);
  const remove = useDeleteChapter(work.id);
  const [editing, setEditing] = useState<number | null>(null);
  const list = work.chapters;
  return (
    <ol className="chapter-admin">
      {list.map((c, i) => (
        <li key={c.id}>
          {editing === c.position ? (
            <EditChapter workId={work.id} position={c.position} onDone={() => setEditing(null)} />
          ) : (
            <div className="chapter-admin__row">
              <span>
                {c.position}. {c.title || t('works.chapter.untitled', { n: c.position })}{' '}
                <small>
                  {t('works.stats.wordsCount', { count: c.wordCount })}
                  {c.publishedAt === null && ` · ${t('works.chapter.scheduledShort')}`}
                </small>
              </span>
              <span className="chapter-admin__actions">
                <Button size="sm" onClick={() => setEditing(c.position)}>
                  {t('works.chapter.edit')}
                </Button>
                <Button
                  size="sm"
                  disabled={i === 0}
                  aria-label={t('works.chapter.up')}
                  onClick={() => save.mutate({ position: c.position, input: { position: c.position - 1 } })}
                >
                  ↑
                </Button>
                <Button
                  size="sm"
                  disabled={i === list.length - 1}
                  aria-label={t('works.chapter.down')}
                  onClick={() => save.mutate({ position: c.position, input: { position: c.position + 1 } })}
                >
                  ↓
                </Button>
                <Button
                  size="sm"
                  variant="danger"
                  onClick={() => {
                    if (window.confirm(t('works.chapter.confirmDelete'))) remove.mutate(c.position);
                  }}
                >
                  {t('works.chapter.delete')}
                </Button>
              </span>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** The editor of a new work (no id) or an existing one: metadata, then chapters. */
/**
 * A new work; with ?translationOf={id}&language={lang} (a translation request's "Translate this")
 * it is pre-filled from the original and linked to it as its translation when created.
 */
function NewWork() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const originalId = Number(params.get('translationOf'));
  const asked = params.get('language');
  const isTranslation = Number.isInteger(originalId) && originalId > 0;
  const original = useWork(originalId, isTranslation);
  if (!isTranslation) {
    return (
      <Panel title={t('works.metadata')}>
        <MetadataForm work={null} />
      </Panel>
    );
  }
  if (original.isPending) return <LoadingState />;
  if (original.isError) return <ErrorState error={original.error} />;
  const fallback = WORK_LANGUAGES.find((l) => l !== original.data.language && l !== 'other') ?? 'en';
  const language = WORK_LANGUAGES.find((l) => l === asked && l !== original.data.language) ?? fallback;
  return (
    <Panel title={t('works.metadata')}>
      <MetadataForm work={null} translation={{ original: original.data, language }} />
    </Panel>
  );
}

export function WorkEditor({ id }: { id: number | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const work = useWork(id ?? 0, id !== null);
  const del = useDeleteWork(id ?? 0);
  if (id === null) {
    return <NewWork />;
  }
  if (work.isPending) return <LoadingState />;
  if (work.isError) return <ErrorState error={work.error} />;
  const w = work.data;
  return (
    <>
      <Panel title={t('works.metadata')}>
        <MetadataForm key={w.id} work={w} />
      </Panel>
      <Panel title={t('works.cover.title')}>
        <CoverPanel work={w} />
      </Panel>
      <Panel title={t('works.coauthor.panel')}>
        <CoauthorsPanel work={w} />
      </Panel>
      <Panel title={t('works.series.panel')}>
        <SeriesPanel work={w} />
      </Panel>
      <Panel title={t('works.translation.panel')}>
        <LinkTranslation work={w} />
      </Panel>
      <Panel title={t('ip.rights.edit')}>
        <RightsEditor key={w.id} work={w} />
      </Panel>
      <Panel title={t('works.chapters')}>
        <ChapterList work={w} />
      </Panel>
      <Panel title={t('works.chapter.add')}>
        <ChapterForm workId={w.id} chapter={null} onDone={() => undefined} />
      </Panel>
      {w.permissions.canDelete && (
        <Panel title={t('works.delete')} tone="danger">
          <Button
            variant="danger"
            busy={del.isPending}
            onClick={() => {
              if (window.confirm(t('works.confirmDelete')))
                del.mutate(undefined, { onSuccess: () => navigate('/works') });
            }}
          >
            {t('works.delete')}
          </Button>
        </Panel>
      )}
    </>
  );
}
