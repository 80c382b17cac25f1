import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Avatar } from '@/components/Avatar';
import { Badges } from '@/components/Badges';
import { Button } from '@/components/Button';
import { RelativeTime } from '@/components/RelativeTime';
import { EmptyState, ErrorState } from '@/components/States';
import { useI18n } from '@/lib/i18n';
import type { TopicListItem, TopicPeriod, TopicSort } from '@/types/api';
import { useTopicList } from '../api/getTopicList';
import type { TopicSource } from '../api/keys';
import { PlaceChip, StatusIcons, TagList, topicPath } from './TopicBits';
import './topics.css';

const SORTS: readonly TopicSort[] = ['latest', 'new', 'top', 'hot'];
const PERIODS: readonly TopicPeriod[] = ['day', 'week', 'month', 'year', 'all'];

function asSort(value: string | null): TopicSort {
  return SORTS.includes(value as TopicSort) ? (value as TopicSort) : 'latest';
}

function asPeriod(value: string | null): TopicPeriod {
  return PERIODS.includes(value as TopicPeriod) ? (value as TopicPeriod) : 'week';
}

export function TopicRow({ topic, showBoard }: { topic: TopicListItem; showBoard: boolean }) {
  const { t, formatNumber } = useI18n();
  const unread = topic.unreadCount ?? 0;
  const pinned = topic.pinned !== 'none';
  const lastPoster = topic.lastPoster ?? topic.author;
  return (
    <li className={['topic-row', pinned && 'topic-row--pinned'].filter(Boolean).join(' ')}>
      <div className="topic-row__main">
        <h3 className="topic-row__title">
          <StatusIcons pinned={topic.pinned} locked={topic.locked} closed={topic.closed} />
          <Link to={topicPath(topic)} className="topic-row__link">
            {topic.title}
          </Link>
          {topic.isNew && <span className="badge badge--new">{t('topics.new')}</span>}
          {!topic.isNew && unread > 0 && (
            <Link
              to={topicPath(topic, (topic.lastReadPostNumber ?? 0) + 1)}
              className="badge badge--unread"
              aria-label={t('topics.unreadLabel', { count: formatNumber(unread) })}
            >
              {formatNumber(unread)}
            </Link>
          )}
        </h3>
        {pinned && topic.excerpt && <p className="topic-row__excerpt">{topic.excerpt}</p>}
        <div className="topic-row__meta">
          {showBoard && <PlaceChip topic={topic} />}
          <TagList tags={topic.tags} />
          <span className="topic-row__by">
            <Avatar user={topic.author} size="sm" />
            <span>{topic.author.displayName || topic.author.handle}</span>
            <Badges badges={topic.author.badges} />
          </span>
        </div>
      </div>
      <dl className="topic-row__stats">
        <div className="topic-row__stat">
          <dt>{t('topics.replies')}</dt>
          <dd>{formatNumber(topic.replyCount)}</dd>
        </div>
        <div className="topic-row__stat topic-row__stat--views">
          <dt>{t('topics.views')}</dt>
          <dd>{formatNumber(topic.viewCount)}</dd>
        </div>
        <div className="topic-row__stat topic-row__stat--activity">
          <dt>{t('topics.activity')}</dt>
          <dd>
            <Link to={topicPath(topic, topic.highestPostNumber)} className="topic-row__last">
              <RelativeTime iso={topic.lastPostedAt} />
            </Link>
            <span className="visually-hidden">
              {' '}
              {t('topics.lastBy', { name: lastPoster.displayName || lastPoster.handle })}
            </span>
          </dd>
        </div>
      </dl>
    </li>
  );
}

function ListSkeleton({ rows }: { rows: number }) {
  const { t } = useI18n();
  return (
    <ul className="topic-list" aria-busy="true" aria-label={t('topics.loading')}>
      {Array.from({ length: rows }, (_, i) => (
        <li key={i} className="topic-row topic-row--skeleton" aria-hidden="true">
          <div className="topic-row__main">
            <span className="skeleton skeleton--title" />
            <span className="skeleton skeleton--short" />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Latest/New/Top/Hot as links (shareable addresses), and the period of Top. */
export function SortTabs({
  sort,
  period,
  sorts = SORTS,
}: {
  sort: TopicSort;
  period: TopicPeriod;
  sorts?: readonly TopicSort[];
}) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const href = (s: TopicSort) => {
    const next = new URLSearchParams(params);
    if (s === 'latest') next.delete('sort');
    else next.set('sort', s);
    if (s !== 'top') next.delete('period');
    const q = next.toString();
    return q ? `?${q}` : '?';
  };
  return (
    <div className="sort-bar">
      <nav className="sort-tabs" aria-label={t('topics.sortLabel')}>
        {sorts.map((s) => (
          <Link
            key={s}
            to={href(s)}
            className="sort-tabs__tab"
            aria-current={s === sort ? 'page' : undefined}
            replace
            preventScrollReset
          >
            {t(`topics.sort.${s}`)}
          </Link>
        ))}
      </nav>
      {sort === 'top' && (
        <label className="period-picker">
          <span className="visually-hidden">{t('topics.periodLabel')}</span>
          <select
            className="field__control field__control--select period-picker__select"
            value={period}
            onChange={(e) => {
              const next = new URLSearchParams(params);
              next.set('period', e.target.value);
              setParams(next, { replace: true, preventScrollReset: true });
            }}
          >
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`topics.period.${p}`)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

/** Reads the sort and period of a list from the address. */
export function useListParams(): { sort: TopicSort; period: TopicPeriod } {
  const [params] = useSearchParams();
  return { sort: asSort(params.get('sort')), period: asPeriod(params.get('period')) };
}

/**
 * A topic list with its sort tabs: pinned topics first (the server puts them there), then pages
 * by keyset cursor, loaded as the end of the list scrolls into view or with "Load more".
 */
export function TopicList({
  source,
  emptyTitle,
  emptyBody,
  emptyAction,
  sortable = true,
  sorts = SORTS,
}: {
  source: TopicSource;
  emptyTitle?: string;
  emptyBody?: string;
  emptyAction?: ReactNode;
  /** False for lists with one order only (a person's topics). */
  sortable?: boolean;
  /** The orders this source offers (group lists have no hot). */
  sorts?: readonly TopicSort[];
}) {
  const { t } = useI18n();
  const params = useListParams();
  const { sort, period } = !sortable
    ? { sort: 'new' as const, period: 'all' as const }
    : sorts.includes(params.sort)
      ? params
      : { ...params, sort: 'latest' as const };
  const list = useTopicList(source, sort, period);
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isError } = list;

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage && !isError) void fetchNextPage();
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, isError]);

  const topics = list.data?.pages.flatMap((p) => p.items) ?? [];
  const showBoard = source.kind !== 'board' && source.kind !== 'group';

  return (
    <section className="topic-list-section" aria-label={t('topics.listLabel')}>
      {sortable && <SortTabs sort={sort} period={period} sorts={sorts} />}
      {list.isPending ? (
        <ListSkeleton rows={6} />
      ) : list.isError && topics.length === 0 ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : topics.length === 0 ? (
        <EmptyState title={emptyTitle ?? t('topics.empty.title')} action={emptyAction} icon="☄">
          {emptyBody ?? t(sort === 'top' || sort === 'hot' ? 'topics.empty.sorted' : 'topics.empty.body')}
        </EmptyState>
      ) : (
        <>
          <ul className="topic-list">
            {topics.map((topic) => (
              <TopicRow key={topic.id} topic={topic} showBoard={showBoard} />
            ))}
          </ul>
          <div ref={sentinel} className="topic-list__more">
            {list.hasNextPage ? (
              <Button onClick={() => void list.fetchNextPage()} busy={list.isFetchingNextPage}>
                {t('topics.loadMore')}
              </Button>
            ) : (
              <p className="muted topic-list__end">{t('topics.end')}</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** The few latest topics of one board, for the home page. */
export function LatestTopics({ slug, count = 3 }: { slug: string; count?: number }) {
  const { t } = useI18n();
  const list = useTopicList({ kind: 'board', slug }, 'latest', 'all', count);
  if (list.isPending) return <p className="board-latest__state muted">{t('common.loading')}</p>;
  if (list.isError) return null;
  // Pinned topics come above the limit on the first page; the home page shows the freshest.
  const topics = (list.data.pages[0]?.items ?? []).filter((x) => x.pinned === 'none').slice(0, count);
  if (topics.length === 0) return <p className="board-latest__state muted">{t('boards.noTopics')}</p>;
  return (
    <ul className="board-latest" aria-label={t('boards.latestLabel')}>
      {topics.map((topic) => (
        <li key={topic.id} className="board-latest__item">
          <Link to={topicPath(topic)} className="board-latest__link">
            {topic.title}
          </Link>
          <RelativeTime iso={topic.lastPostedAt} className="board-latest__time" />
        </li>
      ))}
    </ul>
  );
}
