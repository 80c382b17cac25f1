import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TopicListItem } from '@/types/api';
import { Button } from '@/components/Button';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useI18n } from '@/lib/i18n';
import { useHomeFeed, useHot, useTrendingTags } from '../api/feed';

/** The signed-in home: what the people, boards, groups and tags one follows post. */
/** `renderTopics` draws the cards (app/ passes the topic list's rows). */
export function HomeFeed({ renderTopics }: { renderTopics: (topics: TopicListItem[]) => ReactNode }) {
  const { t } = useI18n();
  const feed = useHomeFeed(true);
  if (feed.isPending) return <LoadingState />;
  if (feed.isError) return <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />;
  const topics = feed.data.pages.flatMap((p) => p.items);
  if (topics.length === 0) {
    return (
      <EmptyState title={t('feed.empty')} icon="✦" action={<Link to="/latest">{t('home.allLatest')}</Link>} />
    );
  }
  return (
    <>
      <div data-testid="home-feed">{renderTopics(topics)}</div>
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
