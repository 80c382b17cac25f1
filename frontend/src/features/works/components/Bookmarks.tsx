import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/Button';
import { CookedContent } from '@/components/CookedContent';
import { Dialog } from '@/components/Dialog';
import { TextField } from '@/components/Field';
import { Form, FormError } from '@/components/Form';
import { RelativeTime } from '@/components/RelativeTime';
import { isApiError } from '@/lib/api';
import { splitErrors, useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import type { WorkFull } from '../api/types';
import { useSaveBookmark, useToggle, useWorkBookmarks } from '../api/works';

const NOTE_MAX = 5000;
const TAGS_MAX = 20;

/** "comfort read, hard SF" → the reader's own tags (commas or the ideographic comma separate them). */
export function splitBookmarkTags(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((t) => t.trim().replace(/\s+/g, ' '))
    .filter((t) => t !== '');
}

/**
 * The bookmark button of the work page: it opens a small form (note, tags, private) to create or
 * change the bookmark, or remove it.
 */
export function BookmarkButton({ work }: { work: WorkFull }) {
  const { t } = useI18n();
  const errors = useErrorText();
  const mine = work.viewer?.bookmark ?? null;
  const save = useSaveBookmark(work.id);
  const remove = useToggle(work.id, 'bookmark');
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const [priv, setPriv] = useState(false);

  const start = () => {
    setNote(mine?.note ?? '');
    setTags((mine?.tags ?? []).join(', '));
    setPriv(mine?.isPrivate ?? false);
    save.reset();
    setOpen(true);
  };
  const tooLong = [...note].length > NOTE_MAX;
  // tags[i] errors show under the tags field, like tags.
  const tagFields = isApiError(save.error)
    ? save.error.errors.map((e) => e.field).filter((f) => f.startsWith('tags['))
    : [];
  const split = splitErrors(save.error, ['note', 'tags', ...tagFields]);
  const tagError = split.fields.tags ?? (tagFields[0] ? split.fields[tagFields[0]] : undefined);
  const tooMany = splitBookmarkTags(tags).length > TAGS_MAX;
  // Topic tags have their own "tags.size" message (five); a bookmark takes twenty.
  const tagText =
    tooMany || (tagError?.field === 'tags' && tagError.code === 'size')
      ? t('works.bookmark.tagsTooMany', { max: TAGS_MAX })
      : errors.field(tagError);
  // Post bookmarks have their own "note.length" message (500); a work's bookmark takes 5,000.
  const noteText =
    tooLong || split.fields.note?.code === 'length'
      ? t('works.bookmark.noteTooLong', { max: NOTE_MAX })
      : errors.field(split.fields.note);
  const submit = () => {
    if (tooLong || tooMany) return;
    save.mutate({ note, tags: splitBookmarkTags(tags), private: priv }, { onSuccess: () => setOpen(false) });
  };
  return (
    <>
      <Button aria-pressed={mine !== null} onClick={start}>
        {mine ? t('works.bookmark.edit') : t('works.bookmark')}
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={mine ? t('works.bookmark.edit') : t('works.bookmark')}
        description={t('works.bookmark.lead')}
        actions={
          <>
            {mine && (
              <Button
                variant="danger"
                busy={remove.isPending}
                onClick={() => remove.mutate({ on: false }, { onSuccess: () => setOpen(false) })}
              >
                {t('works.unbookmark')}
              </Button>
            )}
            <Button variant="primary" type="submit" form="work-bookmark-form" busy={save.isPending}>
              {t('works.bookmark.save')}
            </Button>
          </>
        }
      >
        <Form id="work-bookmark-form" onSubmit={submit} failure={save.error}>
          <div className="field">
            <label className="field__label" htmlFor={`${formId}-note`}>
              {t('works.bookmark.note')}
            </label>
            <textarea
              id={`${formId}-note`}
              className="field__control work-textarea"
              name="note"
              rows={5}
              value={note}
              aria-invalid={noteText ? true : undefined}
              aria-describedby={`${formId}-note-help`}
              onChange={(e) => setNote(e.target.value)}
            />
            <span id={`${formId}-note-help`} className={noteText ? 'field__error' : 'field__hint'}>
              {noteText ?? t('works.bookmark.noteHint')}
            </span>
          </div>
          <TextField
            label={t('works.bookmark.tags')}
            hint={t('works.bookmark.tagsHint')}
            name="tags"
            value={tags}
            error={tagText}
            onChange={(e) => setTags(e.target.value)}
          />
          <label className="check-row">
            <input
              type="checkbox"
              name="private"
              checked={priv}
              onChange={(e) => setPriv(e.target.checked)}
            />
            <span>
              <span className="check-row__label">{t('works.bookmark.private')}</span>
              <span className="field__hint">{t('works.bookmark.privateHint')}</span>
            </span>
          </label>
          <FormError error={split.form} />
        </Form>
      </Dialog>
    </>
  );
}

/** The work's bookmarks: public ones with their notes and tags, and the caller's private one. */
export function WorkBookmarkList({ work }: { work: WorkFull }) {
  const { t, formatNumber } = useI18n();
  // Nothing to ask for while nobody has bookmarked it.
  const list = useWorkBookmarks(work.id, work.bookmarks > 0);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (work.bookmarks === 0 && items.length === 0) return null;
  return (
    <section className="work-bookmarks" aria-labelledby="work-bookmarks-title">
      <h2 id="work-bookmarks-title">{t('works.bookmarks.title', { count: formatNumber(work.bookmarks) })}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('works.bookmarks.allPrivate')}</p>
      ) : (
        <ul className="work-bookmarks__list">
          {items.map((b) => (
            <li key={b.user.id} className="work-bookmarks__item">
              <p className="work-bookmarks__who">
                <Link to={`/u/${encodeURIComponent(b.user.handle)}`}>
                  {b.user.displayName || b.user.handle}
                </Link>{' '}
                <span className="muted">
                  <RelativeTime iso={b.createdAt} />
                </span>
                {b.isPrivate && <span className="work-badge">{t('works.bookmark.privateBadge')}</span>}
              </p>
              {b.tags.length > 0 && (
                <ul className="work-tags" aria-label={t('works.bookmark.tags')}>
                  {b.tags.map((tag) => (
                    <li key={tag} className="work-tag">
                      {tag}
                    </li>
                  ))}
                </ul>
              )}
              {b.noteHtml && <CookedContent html={b.noteHtml} className="work-bookmarks__note" />}
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <Button size="sm" busy={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t('topics.loadMore')}
        </Button>
      )}
    </section>
  );
}
