import { Link } from 'react-router';
import { Button, ButtonLink } from '@/components/Button';
import { RelativeTime } from '@/components/RelativeTime';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import type { Bookmark } from '@/types/api';
import { useBookmarks } from '../api/getBookmarks';
import { useRemoveBookmark } from '../api/removeBookmark';
import './bookmarks.css';

function postPath(b: Bookmark): string {
  const base = `/t/${encodeURIComponent(b.topicSlug)}/${b.topicId}`;
  return b.postNumber > 1 ? `${base}/${b.postNumber}` : base;
}

function BookmarkItem({ bookmark }: { bookmark: Bookmark }) {
  const { t } = useI18n();
  const errors = useErrorText();
  const remove = useRemoveBookmark();
  return (
    <li className="bookmark">
      <h2 className="bookmark__title">
        <Link to={postPath(bookmark)}>{bookmark.topicTitle}</Link>
        {bookmark.postNumber > 1 && <span className="bookmark__number muted"> #{bookmark.postNumber}</span>}
      </h2>
      <p className="bookmark__meta muted">
        @{bookmark.author.handle}
        <span aria-hidden="true"> · </span>
        {t('bookmarks.saved')} <RelativeTime iso={bookmark.createdAt} />
      </p>
      {bookmark.excerpt && <p className="bookmark__excerpt">{bookmark.excerpt}</p>}
      {bookmark.note && (
        <p className="bookmark__note">
          <span className="bookmark__note-label">{t('bookmarks.note')}</span> {bookmark.note}
        </p>
      )}
      <div className="bookmark__actions">
        <Button
          size="sm"
          variant="ghost"
          busy={remove.isPending}
          onClick={() => remove.mutate(bookmark.postId)}
          aria-label={t('bookmarks.removeLabel', { title: bookmark.topicTitle })}
        >
          {t('bookmark.remove')}
        </Button>
        {remove.isError && <span className="field__error">{errors.problem(remove.error)}</span>}
      </div>
    </li>
  );
}

/** The caller's bookmarks, newest first, with their notes. */
export function BookmarkList() {
  const { t } = useI18n();
  const bookmarks = useBookmarks(true);
  if (bookmarks.isPending) return <LoadingState />;
  if (bookmarks.isError)
    return <ErrorState error={bookmarks.error} onRetry={() => void bookmarks.refetch()} />;
  const items = bookmarks.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <EmptyState
        title={t('bookmarks.empty.title')}
        icon="☆"
        action={
          <ButtonLink to="/latest" variant="secondary">
            {t('bookmarks.empty.action')}
          </ButtonLink>
        }
      >
        {t('bookmarks.empty.body')}
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="bookmarks">
        {items.map((b) => (
          <BookmarkItem key={b.postId} bookmark={b} />
        ))}
      </ul>
      {bookmarks.hasNextPage && (
        <p className="bookmarks__more">
          <Button onClick={() => void bookmarks.fetchNextPage()} busy={bookmarks.isFetchingNextPage}>
            {t('topics.loadMore')}
          </Button>
        </p>
      )}
    </>
  );
}
