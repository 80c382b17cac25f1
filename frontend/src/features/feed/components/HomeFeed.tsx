import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { FeedItem, TopicListItem } from '@/types/api';
import { Button } from '@/components/Button';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useI18n } from '@/lib/i18n';
import { useHomeFeed, useHot, useTrendingTags } from '../api/feed';
import './feed.css';

/**
 * The signed-in home: what the people, boards, groups and tags one follows post, replies in watched
 * topics, announcements of one's groups and new chapters. `renderTopics` draws topic cards (app/
 * passes the topic list's rows).
 */
export function HomeFeed({ renderTopics }: { renderTopics: (topics: TopicListItem[]) => ReactNode }) {
  const { t } = useI18n();
  const feed = useHomeFeed(true);
  if (feed.isPending) return <LoadingState />;
  if (feed.isError) return <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />;
  const items = feed.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <EmptyState title={t('feed.empty')} icon="✦" action={<Link to="/latest">{t('home.allLatest')}</Link>} />
    );
  }
  return (
    <>
      <div data-testid="home-feed">
        {items.map((item) => (
          <FeedEntry key={item.key} item={item} renderTopics={renderTopics} />
        ))}
      </div>
      {feed.hasNextPage && (
        <Button
          variant="secondary"
          onClick={() => void feed.fetchNextPage()}
          disabled={feed.isFetchingNextPage}
        >
          {t('feed.more')}
        </Button>
      )}
    </>
  );
}

function FeedEntry({
  item,
  renderTopics,
}: {
  item: FeedItem;
  renderTopics: (topics: TopicListItem[]) => ReactNode;
}) {
  const { t } = useI18n();
  if (item.kind === 'chapter' && item.chapter) {
    const c = item.chapter;
    return (
      <article className="feed-item feed-item--chapter" data-kind="chapter">
        <p className="feed-item__label">
          {c.position === 1
            ? t('feed.kind.newWork', { handle: c.author.handle })
            : t('feed.kind.newChapter', { handle: c.author.handle, position: c.position })}
        </p>
        <Link to={`/works/${c.workId}`} className="feed-item__title">
          {c.workTitle}
          {c.title ? ` · ${c.title}` : ''}
        </Link>
      </article>
    );
  }
  if (!item.topic) return null;
  if (item.kind === 'reply' && item.post) {
    const p = item.post;
    return (
      <article className="feed-item feed-item--reply" data-kind="reply">
        <p className="feed-item__label">{t('feed.kind.reply', { handle: p.author.handle })}</p>
        <Link to={`/t/${item.topic.slug}/${item.topic.id}/${p.postNumber}`} className="feed-item__title">
          {item.topic.title}
        </Link>
        <p className="feed-item__excerpt">{p.excerpt}</p>
      </article>
    );
  }
  return (
    <div className="feed-item" data-kind={item.kind}>
      {item.kind === 'announcement' && <p className="feed-item__label">{t('feed.kind.announcement')}</p>}
      {renderTopics([item.topic])}
    </div>
  );
}

/** Hot topics (time-decayed) and the trending tags of the day. */
export function HotTopics({
  board = null,
  renderTopics,
}: {
  board?: string | null;
  renderTopics: (topics: TopicListItem[]) => ReactNode;
}) {
  const { t } = useI18n();
  const hot = useHot(board);
  const tags = useTrendingTags();
  return (
    <>
      {tags.data && tags.data.length > 0 && (
        <div className="trending-tags" aria-label={t('hot.trendingTags')}>
          <span>{t('hot.trendingTags')}: </span>
          {tags.data.map((x) => (
            <Link key={x.tag} to={`/tag/${encodeURIComponent(x.tag)}`} className="trending-tags__tag">
              #{x.tag}
            </Link>
          ))}
        </div>
      )}
      {hot.isPending ? (
        <LoadingState />
      ) : hot.isError ? (
        <ErrorState error={hot.error} onRetry={() => void hot.refetch()} />
      ) : hot.data.length === 0 ? (
        <EmptyState title={t('hot.empty')} icon="✦" />
      ) : (
        renderTopics(hot.data)
      )}
    </>
  );
}
