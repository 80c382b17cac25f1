import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Alert } from '@/components/Alert';
import { Button } from '@/components/Button';
import { CookedContent } from '@/components/CookedContent';
import { TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { ErrorState, LoadingState } from '@/components/States';
import { useErrorText } from '@/lib/errors';
import { useFormErrors } from '@/lib/forms';
import { useI18n } from '@/lib/i18n';
import { codePoints } from '@/lib/text';
import { uuid } from '@/lib/uuid';
import type { Post, Topic } from '@/types/api';
import { useCreateReply } from '../api/createReply';
import { useCreateTopic } from '../api/createTopic';
import { deleteDraft, draftKey, saveDraft, useDraft } from '../api/drafts';
import { useEditPost } from '../api/editPost';
import { editTopic } from '../api/editTopic';
import { usePostSource } from '../api/getPost';
import { usePreview } from '../api/preview';
import { BODY_MAX, TITLE_MAX, cleanTitle, composerErrors } from '../rules';
import { TagsInput } from './TagsInput';
import './composer.css';

export interface ReplyTarget {
  postId: number;
  postNumber: number;
  handle: string;
}

export type ComposerMode =
  | { kind: 'topic'; board: string; boardName: string; group?: undefined }
  | { kind: 'topic'; group: string; groupName: string; board?: undefined }
  | { kind: 'reply'; topicId: number; topicTitle: string; replyTo: ReplyTarget | null }
  | {
      kind: 'edit';
      topicId: number;
      postId: number;
      postNumber: number;
      /** The topic's title and tags, when editing the first post of a topic the caller may retitle. */
      topic: { title: string; tags: string[] } | null;
    };

export type ComposerResult =
  { kind: 'topic'; topic: Topic } | { kind: 'reply'; post: Post } | { kind: 'edit'; post: Post };

/** Markdown to add to the body (a quote); `seq` tells two equal insertions apart. */
export interface ComposerInsert {
  text: string;
  seq: number;
}

const SAVE_DELAY_MS = 1200;
const GROUP_DRAFT = /^[a-z0-9][a-z0-9-]{0,44}[a-z0-9]$/;
const PREVIEW_DELAY_MS = 350;

export function draftKeyOf(mode: ComposerMode): string {
  switch (mode.kind) {
    case 'topic':
      if (mode.group === undefined) return `new-topic:${mode.board}`;
      // The server's keys name boards only; a group's draft gets a prefix no board slug has.
      return GROUP_DRAFT.test(mode.group) ? `new-topic:g-${mode.group}` : 'new-topic';
    case 'reply':
      return `reply:${mode.topicId}`;
    default:
      return `edit:${mode.postId}`;
  }
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function Counter({ count, max, id }: { count: number; max: number; id?: string }) {
  const { t, formatNumber } = useI18n();
  const over = count > max;
  return (
    <span id={id} className={['counter', over && 'counter--over'].filter(Boolean).join(' ')}>
      {t('composer.counter', { count: formatNumber(count), max: formatNumber(max) })}
    </span>
  );
}

function Preview({ body }: { body: string }) {
  const { t } = useI18n();
  const errors = useErrorText();
  const debounced = useDebounced(body, PREVIEW_DELAY_MS);
  const preview = usePreview(debounced);
  const stale = debounced !== body || preview.isFetching;
  return (
    <section className="composer__preview" aria-label={t('composer.preview')} aria-busy={stale}>
      <p className="composer__preview-label">
        {t('composer.preview')}
        {stale && body.trim() !== '' && <span className="muted"> · {t('composer.previewUpdating')}</span>}
      </p>
      {body.trim() === '' ? (
        <p className="muted composer__preview-empty">{t('composer.previewEmpty')}</p>
      ) : preview.isError ? (
        <p className="field__error">{errors.problem(preview.error)}</p>
      ) : preview.data !== undefined ? (
        <CookedContent html={preview.data} className="composer__preview-body" />
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </section>
  );
}

function wideScreen(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(min-width: 64rem)').matches;
}

/**
 * Writes a new topic, a reply or an edit. The text is kept as a server-side draft while typing
 * (restored when the composer opens again, deleted once sent); a live preview shows it as the
 * server will render it; creating sends an Idempotency-Key, one per composer session.
 */
export function Composer({
  mode,
  insert,
  onDone,
  onCancel,
}: {
  mode: ComposerMode;
  insert?: ComposerInsert | null;
  onDone: (result: ComposerResult) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const key = draftKeyOf(mode);
  const hasTitle = mode.kind === 'topic' || (mode.kind === 'edit' && mode.topic !== null);
  const replyToId = mode.kind === 'reply' ? (mode.replyTo?.postId ?? null) : null;
  const formId = useId();
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const [idempotencyKey, setIdempotencyKey] = useState(uuid);
  const createTopic = useCreateTopic(idempotencyKey);
  const createReply = useCreateReply(mode.kind === 'reply' ? mode.topicId : 0, idempotencyKey);
  const edit = useEditPost(mode.kind === 'edit' ? mode.postId : 0);
  const [topicEditError, setTopicEditError] = useState<unknown>(null);
  const submission = mode.kind === 'topic' ? createTopic : mode.kind === 'reply' ? createReply : edit;
  const pending = submission.isPending;

  const draft = useDraft(key, true);
  const source = usePostSource(mode.kind === 'edit' ? mode.postId : null);

  const [title, setTitle] = useState(mode.kind === 'edit' ? (mode.topic?.title ?? '') : '');
  const [tags, setTags] = useState<string[]>(mode.kind === 'edit' ? (mode.topic?.tags ?? []) : []);
  const [body, setBody] = useState('');
  const [reason, setReason] = useState('');
  const [ready, setReady] = useState(false);
  const [restored, setRestored] = useState(false);
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [showPreview, setShowPreview] = useState(wideScreen);
  const lastSaved = useRef<string | null>(null);
  // Set at once on submit, before React re-renders the busy button: a fast double click sends once.
  const inFlight = useRef(false);
  const appliedInsert = useRef<number | null>(null);

  const form = useFormErrors(
    {
      error: submission.error ?? topicEditError,
      reset: () => {
        submission.reset();
        setTopicEditError(null);
      },
    },
    ['title', 'tags', 'body', 'reason'],
  );

  const snapshot = useCallback(
    () => JSON.stringify({ body, title: hasTitle ? title : null, tags: hasTitle ? tags : [] }),
    [body, title, tags, hasTitle],
  );

  // Restore: the saved draft wins; an edit otherwise starts from the post's current text.
  const sourceReady = mode.kind !== 'edit' || source.isSuccess;
  if (!ready && !draft.isPending && sourceReady) {
    const saved = draft.data ?? null;
    const original = mode.kind === 'edit' ? (source.data?.body ?? '') : '';
    if (saved && (saved.body !== '' || (saved.title ?? '') !== '')) {
      setBody(saved.body);
      if (hasTitle && saved.title != null) setTitle(saved.title);
      if (hasTitle && saved.tags) setTags(saved.tags);
      setRestored(saved.body !== original);
    } else {
      setBody(original);
    }
    setReady(true);
  }

  // A quote asked for while the composer was open (or that opened it) goes in once it is ready.
  useEffect(() => {
    if (!ready || !insert || appliedInsert.current === insert.seq) return;
    appliedInsert.current = insert.seq;
    setBody((current) => {
      const sep = current === '' || current.endsWith('\n\n') ? '' : current.endsWith('\n') ? '\n' : '\n\n';
      return current + sep + insert.text;
    });
    requestAnimationFrame(() => {
      const el = bodyRef.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    });
  }, [ready, insert]);

  useEffect(() => {
    if (ready && !insert) bodyRef.current?.focus({ preventScroll: false });
    // Only when it first becomes ready.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);

  // Keep the draft on the server a moment after typing stops.
  useEffect(() => {
    if (!ready) return;
    const current = snapshot();
    if (lastSaved.current === null) {
      lastSaved.current = current;
      return;
    }
    if (current === lastSaved.current) return;
    const timer = window.setTimeout(() => {
      setSaveState('saving');
      saveDraft(key, {
        body,
        title: hasTitle ? title : null,
        tags: hasTitle ? tags : [],
        replyTo: replyToId,
      }).then(
        () => {
          lastSaved.current = current;
          setSaveState('saved');
        },
        () => setSaveState('failed'),
      );
    }, SAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [ready, snapshot, key, body, title, tags, hasTitle, replyToId]);

  const finish = (result: ComposerResult) => {
    lastSaved.current = snapshot();
    void deleteDraft(key).catch(() => undefined);
    queryClient.removeQueries({ queryKey: draftKey(key) });
    setIdempotencyKey(uuid());
    onDone(result);
  };

  const submit = () => {
    const errors = composerErrors({
      title: hasTitle ? title : null,
      tags: hasTitle ? tags : null,
      body,
    });
    if (inFlight.current || !form.passes(errors)) return;
    inFlight.current = true;
    const settled = () => {
      inFlight.current = false;
    };
    if (mode.kind === 'topic') {
      createTopic.mutate(
        {
          ...(mode.group === undefined ? { board: mode.board } : { group: mode.group }),
          title: cleanTitle(title),
          body,
          tags,
        },
        { onSuccess: (topic) => finish({ kind: 'topic', topic }), onSettled: settled },
      );
    } else if (mode.kind === 'reply') {
      createReply.mutate(
        { body, replyTo: replyToId },
        { onSuccess: (post) => finish({ kind: 'reply', post }), onSettled: settled },
      );
    } else {
      const topicChange =
        mode.topic && (cleanTitle(title) !== mode.topic.title || tags.join(',') !== mode.topic.tags.join(','))
          ? { title: cleanTitle(title), tags }
          : null;
      edit.mutate(
        { body, reason: reason.trim() || null },
        {
          onSuccess: async (post) => {
            if (topicChange) {
              try {
                await editTopic(mode.topicId, topicChange);
              } catch (error) {
                setTopicEditError(error);
                return;
              }
            }
            finish({ kind: 'edit', post });
          },
          onSettled: settled,
        },
      );
    }
  };

  /** Closing keeps what was typed: a change the timer has not saved yet is saved now. */
  const cancel = () => {
    if (ready && lastSaved.current !== null && snapshot() !== lastSaved.current) {
      void saveDraft(key, {
        body,
        title: hasTitle ? title : null,
        tags: hasTitle ? tags : [],
        replyTo: replyToId,
      }).catch(() => undefined);
    }
    onCancel();
  };

  const discard = () => {
    lastSaved.current = null;
    void deleteDraft(key).catch(() => undefined);
    queryClient.removeQueries({ queryKey: draftKey(key) });
    onCancel();
  };

  const heading =
    mode.kind === 'topic'
      ? t('composer.newTopicIn', { board: mode.group === undefined ? mode.boardName : mode.groupName })
      : mode.kind === 'reply'
        ? mode.replyTo
          ? t('composer.replyToPost', { handle: mode.replyTo.handle, number: mode.replyTo.postNumber })
          : t('composer.replyToTopic', { title: mode.topicTitle })
        : t('composer.editPost', { number: mode.postNumber });

  if (draft.isError || source.isError) {
    return (
      <section className="composer" aria-labelledby={`${formId}-heading`}>
        <h2 className="composer__heading" id={`${formId}-heading`}>
          {heading}
        </h2>
        <ErrorState
          error={draft.error ?? source.error}
          onRetry={() => void (draft.isError ? draft.refetch() : source.refetch())}
        />
      </section>
    );
  }

  const titleLength = codePoints(cleanTitle(title));
  const bodyLength = codePoints(body);
  const submitLabel =
    mode.kind === 'topic'
      ? t('composer.submitTopic')
      : mode.kind === 'reply'
        ? t('composer.submitReply')
        : t('composer.submitEdit');

  return (
    <section className="composer" aria-labelledby={`${formId}-heading`}>
      <h2 className="composer__heading" id={`${formId}-heading`}>
        {heading}
      </h2>
      {!ready ? (
        <LoadingState />
      ) : (
        <Form onSubmit={submit} failure={submission.error ?? topicEditError} className="composer__form">
          {restored && (
            <Alert
              tone="info"
              action={
                <Button size="sm" variant="ghost" onClick={discard}>
                  {t('composer.discardDraft')}
                </Button>
              }
            >
              {t('composer.draftRestored')}
            </Alert>
          )}
          {hasTitle && (
            <>
              <TextField
                label={t('composer.title')}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                error={form.field('title')}
                hint={<Counter count={titleLength} max={TITLE_MAX} />}
                maxLength={TITLE_MAX * 2}
                autoComplete="off"
              />
              <TagsInput tags={tags} onChange={setTags} error={form.field('tags')} />
            </>
          )}
          <div
            className={['composer__split', showPreview && 'composer__split--preview']
              .filter(Boolean)
              .join(' ')}
          >
            <div className="field composer__write">
              <label className="field__label" htmlFor={`${formId}-body`}>
                {t('composer.body')}
              </label>
              <textarea
                ref={bodyRef}
                id={`${formId}-body`}
                className="field__control composer__textarea"
                value={body}
                onChange={(e) => setBody(e.target.value)}
                aria-invalid={form.field('body') ? true : undefined}
                aria-describedby={`${formId}-body-error ${formId}-body-hint`}
                rows={10}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    e.currentTarget.form?.requestSubmit();
                  }
                }}
              />
              {form.field('body') && (
                <p className="field__error" id={`${formId}-body-error`}>
                  {form.field('body')}
                </p>
              )}
              <p className="field__hint composer__hint" id={`${formId}-body-hint`}>
                <Counter count={bodyLength} max={BODY_MAX} />
                <span>{t('composer.markdownHint')}</span>
              </p>
            </div>
            {showPreview && <Preview body={body} />}
          </div>
          {mode.kind === 'edit' && (
            <TextField
              label={t('composer.reason')}
              hint={t('composer.reasonHint')}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
              error={form.field('reason')}
            />
          )}
          <FormError error={form.form} />
          <FormActions>
            <Button type="submit" variant="primary" busy={pending}>
              {submitLabel}
            </Button>
            <Button variant="ghost" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              aria-expanded={showPreview}
              onClick={() => setShowPreview((v) => !v)}
              className="composer__preview-toggle"
            >
              {showPreview ? t('composer.hidePreview') : t('composer.showPreview')}
            </Button>
            <span className="composer__save muted" role="status">
              {saveState === 'saving'
                ? t('composer.draftSaving')
                : saveState === 'saved'
                  ? t('composer.draftSaved')
                  : saveState === 'failed'
                    ? t('composer.draftFailed')
                    : ''}
            </span>
          </FormActions>
        </Form>
      )}
    </section>
  );
}
