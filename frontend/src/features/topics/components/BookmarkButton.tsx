import * as Popover from '@radix-ui/react-popover';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/Button';
import { TextField } from '@/components/Field';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import type { Post } from '@/types/api';
import { useBookmark } from '../api/bookmark';

/** Bookmark a post with an optional private note, or remove the bookmark. */
export function BookmarkButton({ post }: { post: Post }) {
  const { t } = useI18n();
  const errors = useErrorText();
  const bookmark = useBookmark(post);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');

  const save = (e: FormEvent) => {
    e.preventDefault();
    bookmark.mutate({ on: true, note }, { onSuccess: () => setOpen(false) });
  };

  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) bookmark.reset();
      }}
    >
      <Popover.Trigger
        className="post-action"
        aria-pressed={post.bookmarked}
        aria-label={post.bookmarked ? t('bookmark.edit') : t('bookmark.add')}
        title={post.bookmarked ? t('bookmark.edit') : t('bookmark.add')}
      >
        <span aria-hidden="true">{post.bookmarked ? '★' : '☆'}</span>
        <span className="post-action__label">{t('bookmark.label')}</span>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="popover bookmark-popover" sideOffset={6} align="end">
          <form onSubmit={save} className="bookmark-popover__form">
            <p className="popover__title">{post.bookmarked ? t('bookmark.edit') : t('bookmark.add')}</p>
            <TextField
              label={t('bookmark.note')}
              hint={t('bookmark.noteHint')}
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.target.value)}
            />
            {bookmark.isError && <p className="field__error">{errors.problem(bookmark.error)}</p>}
            <div className="bookmark-popover__actions">
              {post.bookmarked && (
                <Button
                  variant="ghost"
                  size="sm"
                  busy={bookmark.isPending}
                  onClick={() => bookmark.mutate({ on: false }, { onSuccess: () => setOpen(false) })}
                >
                  {t('bookmark.remove')}
                </Button>
              )}
              <Button type="submit" variant="primary" size="sm" busy={bookmark.isPending}>
                {post.bookmarked ? t('bookmark.saveNote') : t('bookmark.save')}
              </Button>
            </div>
          </form>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
