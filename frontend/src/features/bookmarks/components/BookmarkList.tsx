import { Link, useSearchParams } from 'react-router';
import { Button, ButtonLink } from '@/components/Button';
import { CookedContent } from '@/components/CookedContent';
import { RelativeTime } from '@/components/RelativeTime';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import type { Bookmark } from '@/types/api';
import { useBookmarks, type BookmarkKind } from '../api/getBookmarks';
import { useRemoveBookmark } from '../api/removeBookmark';
import './bookmarks.css';

function postPath(b: Bookmark): string {
  const base = `/t/${encodeURIComponent(b.topicSlug ?? '')}/${b.topicId}`;
  return (b.postNumber ?? 1) > 1 ? `${base}/${b.postNumber}` : base;
}

function PostBookmark({ bookmark }: { bookmark: Bookmark }) {
  const { t } = useI18n();
  const errors = useErrorText();
  const remove = useRemoveBookmark();
  return (
    <li className="bookmark">
      <h2 className="bookmark__title">
        <Link to={postPath(bookmark)}>{bookmark.topicTitle}</Link>
        {(bookmark.postNumber ?? 1) > 1 && (
          <span className="bookmark__number muted"> #{bookmark.postNumber}</span>
        )}
      </h2>
      <p className="bookmark__meta muted">
        @{bookmark.author?.handle}
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
          onClick={() => remove.mutate(bookmark.postId ?? 0)}
          aria-label={t('bookmarks.removeLabel', { title: bookmark.topicTitle ?? '' })}
        >
          {t('bookmark.remove')}
        </Button>
        {remove.isError && <span className="field__error">{errors.problem(remove.error)}</span>}
      </div>
    </li>
  );
}

/** A bookmarked work: its title and authors, the reader's tags (each filters the list) and note. */
function WorkBookmark({ bookmark, onTag }: { bookmark: Bookmark; onTag: (tag: string) => void }) {
  const { t } = useI18n();
  const errors = useErrorText();
  const remove = useRemoveBookmark();
  const saved = bookmark.work;
  if (!saved) return null;
  return (
    <li className="bookmark bookmark--work">
      <h2 className="bookmark__title">
        <Link to={`/works/${saved.work.id}`}>{saved.work.title}</Link>
        {saved.bookmark.isPrivate && <span className="bookmark__private">{t('bookmarks.private')}</span>}
      </h2>
      <p className="bookmark__meta muted">
        {t('bookmarks.work')} · {saved.work.authors.map((a) => `@${a.handle}`).join(', ')}
        <span aria-hidden="true"> · </span>
        {t('bookmarks.saved')} <RelativeTime iso={bookmark.createdAt} />
      </p>
      {saved.bookmark.tags.length > 0 && (
        <ul className="bookmark__tags" aria-label={t('bookmarks.tags')}>
          {saved.bookmark.tags.map((tag) => (
            <li key={tag}>
              <button
                type="button"
                className="bookmark__tag"
                onClick={() => onTag(tag)}
                aria-label={t('bookmarks.filterByTag', { tag })}
              >
                {tag}
              </button>
            </li>
          ))}
        </ul>
      )}
      {saved.bookmark.noteHtml && <CookedContent html={saved.bookmark.noteHtml} className="bookmark__note" />}
      <div className="bookmark__actions">
        <Button
          size="sm"
          variant="ghost"
          busy={remove.isPending}
          onClick={() => remove.mutate({ workId: saved.work.id })}
          aria-label={t('bookmarks.removeLabel', { title: saved.work.title })}
        >
          {t('bookmark.remove')}
        </Button>
        {remove.isError && <span className="field__error">{errors.problem(remove.error)}</span>}
      </div>
    </li>
  );
}

const KINDS: readonly BookmarkKind[] = ['', 'work', 'post'];

/** The caller's bookmarks, newest first, with their notes; works can be filtered by tag. */
export function BookmarkList() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tag = params.get('tag') ?? '';
  const kindParam = params.get('kind');
  const kind: BookmarkKind = tag ? 'work' : kindParam === 'post' || kindParam === 'work' ? kindParam : '';
  const bookmarks = useBookmarks(true, { kind, tag });
  const setFilter = (next: { kind?: BookmarkKind; tag?: string }) => {
    const p = new URLSearchParams();
    const k = next.kind ?? kind;
    const tg = next.tag ?? tag;
    if (k) p.set('kind', k);
    if (tg) p.set('tag', tg);
    setParams(p);
  };
  const filters = (
    <div className="bookmarks__filters" role="group" aria-label={t('bookmarks.filter')}>
      {KINDS.map((k) => (
        <Button
          key={k || 'all'}
          size="sm"
          variant={kind === k && !tag ? 'primary' : 'secondary'}
          aria-pressed={kind === k && !tag}
          onClick={() => setFilter({ kind: k, tag: '' })}
        >
          {t(`bookmarks.kind.${k || 'all'}` as 'bookmarks.kind.all')}
        </Button>
      ))}
      {tag && (
        <span className="bookmarks__tag-filter">
          {t('bookmarks.taggedWith', { tag })}{' '}
          <Button size="sm" variant="ghost" onClick={() => setFilter({ tag: '' })}>
            {t('bookmarks.clearTag')}
          </Button>
        </span>
      )}
    </div>
  );
  if (bookmarks.isPending)
    return (
      <>
        {filters}
        <LoadingState />
      </>
    );
  if (bookmarks.isError)
    return <ErrorState error={bookmarks.error} onRetry={() => void bookmarks.refetch()} />;
  const items = bookmarks.data.pages.flatMap((p) => p.items);
  if (items.length === 0 && !kind && !tag) {
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
      {filters}
      {items.length === 0 && <p className="muted">{t('bookmarks.noneHere')}</p>}
      <ul className="bookmarks">
        {items.map((b) =>
          b.kind === 'work' ? (
            <WorkBookmark key={`w${b.work?.work.id}`} bookmark={b} onTag={(tg) => setFilter({ tag: tg })} />
          ) : (
            <PostBookmark key={`p${b.postId}`} bookmark={b} />
          ),
        )}
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
