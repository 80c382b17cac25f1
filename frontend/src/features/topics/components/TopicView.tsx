import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/components/Alert';
import { Button, ButtonLink } from '@/components/Button';
import { RelativeTime } from '@/components/RelativeTime';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useI18n } from '@/lib/i18n';
import type { Post, Topic } from '@/types/api';
import { useTopic } from '../api/getTopic';
import { usePosts } from '../api/getPosts';
import type { PostView } from '../api/keys';
import { useReadTracking } from '../api/useReadTracking';
import { PostItem, type PostActions } from './PostItem';
import { PlaceChip, StatusIcons, TagList, topicPath } from './TopicBits';
import './topics.css';

function useView(): [PostView, (v: PostView) => void] {
  const [params, setParams] = useSearchParams();
  const view: PostView = params.get('view') === 'tree' ? 'tree' : 'flat';
  const set = (v: PostView) => {
    const next = new URLSearchParams(params);
    if (v === 'tree') next.set('view', 'tree');
    else next.delete('view');
    setParams(next, { replace: true, preventScrollReset: true });
  };
  return [view, set];
}

function ViewToggle({ view, onChange }: { view: PostView; onChange: (v: PostView) => void }) {
  const { t } = useI18n();
  return (
    <div className="segmented" role="group" aria-label={t('topic.viewLabel')}>
      {(['flat', 'tree'] as const).map((v) => (
        <button
          key={v}
          type="button"
          className="segmented__option"
          aria-pressed={view === v}
          onClick={() => onChange(v)}
        >
          {t(v === 'flat' ? 'topic.viewFlat' : 'topic.viewTree')}
        </button>
      ))}
    </div>
  );
}

function Posts({
  topic,
  view,
  target,
  actions,
}: {
  topic: Topic;
  view: PostView;
  target: number | null;
  actions: PostActions;
}) {
  const { t } = useI18n();
  // The page a reader lands on: from the post asked for; it changes only when that post is not
  // already on screen (a jump far away), so following a link to a loaded post just scrolls.
  const [near, setNear] = useState<number | null>(target);
  const posts = usePosts(topic.id, view, view === 'flat' ? near : null);
  const observe = useReadTracking(topic);
  const sentinel = useRef<HTMLDivElement>(null);
  const scrolledTo = useRef<number | null>(null);
  const items: Post[] = posts.data?.pages.flatMap((p) => p.items) ?? [];
  const loaded = (n: number) => items.some((p) => p.postNumber === n);

  if (target !== null && target !== near && posts.isSuccess && !loaded(target) && view === 'flat') {
    setNear(target);
  }

  useEffect(() => {
    if (target === null || scrolledTo.current === target || !posts.isSuccess) return;
    const el = document.getElementById(`post-${target}`);
    if (!el) return;
    scrolledTo.current = target;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  });

  const { hasNextPage, isFetchingNextPage, fetchNextPage, isError } = posts;
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage && !isError) void fetchNextPage();
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, isError]);

  if (posts.isPending) return <LoadingState label={t('topic.loadingPosts')} />;
  if (posts.isError && items.length === 0) {
    return <ErrorState error={posts.error} onRetry={() => void posts.refetch()} />;
  }

  if (items.length === 0) {
    return (
      <EmptyState
        title={t('topic.noSuchPost')}
        icon="✧"
        action={
          <ButtonLink to={topicPath(topic)} variant="secondary">
            {t('topic.toStart')}
          </ButtonLink>
        }
      />
    );
  }

  return (
    <>
      {posts.hasPreviousPage && (
        <div className="posts__more posts__more--before">
          <Button onClick={() => void posts.fetchPreviousPage()} busy={posts.isFetchingPreviousPage}>
            {t('topic.loadEarlier')}
          </Button>
        </div>
      )}
      <div className={`posts posts--${view}`}>
        {items.map((post) => (
          <PostItem
            key={post.id}
            post={post}
            topic={topic}
            actions={actions}
            highlighted={post.postNumber === target && target !== 1}
            observe={observe}
          />
        ))}
      </div>
      <div ref={sentinel} className="posts__more">
        {posts.hasNextPage && (
          <Button onClick={() => void posts.fetchNextPage()} busy={posts.isFetchingNextPage}>
            {t('topic.loadLater')}
          </Button>
        )}
      </div>
    </>
  );
}

/**
 * One topic: its title and state, the moderator menu when allowed, its posts (flat or threaded),
 * and, from the route, what goes under them (the reply box).
 */
export function TopicView({
  topicId,
  postNumber,
  actions,
  moderation,
  footer,
}: {
  topicId: number;
  postNumber: number | null;
  actions: PostActions;
  moderation?: (topic: Topic) => ReactNode;
  footer?: (topic: Topic) => ReactNode;
}) {
  const { t, formatNumber } = useI18n();
  const topic = useTopic(topicId);
  const [view, setView] = useView();

  if (topic.isPending) return <LoadingState />;
  if (topic.isError) return <ErrorState error={topic.error} onRetry={() => void topic.refetch()} />;
  const data = topic.data;

  return (
    <div className="topic">
      <title>{`${data.title} · ${t('app.name')}`}</title>
      <header className="topic__header">
        <h1 className="topic__title">
          <StatusIcons pinned={data.pinned} locked={data.locked} closed={data.closed} />
          <Link to={topicPath(data)} className="topic__title-link">
            {data.title}
          </Link>
        </h1>
        <div className="topic__meta">
          <PlaceChip topic={data} />
          <TagList tags={data.tags} />
        </div>
        <div className="topic__bar">
          <p className="topic__stats muted">
            {t(data.replyCount === 1 ? 'topic.replies.one' : 'topic.replies', {
              count: formatNumber(data.replyCount),
            })}
            <span aria-hidden="true"> · </span>
            {t(data.viewCount === 1 ? 'topic.views.one' : 'topic.views', {
              count: formatNumber(data.viewCount),
            })}
            <span aria-hidden="true"> · </span>
            <span>
              {t('topic.created')} <RelativeTime iso={data.createdAt} />
            </span>
          </p>
          <div className="topic__tools">
            <ViewToggle view={view} onChange={setView} />
            {moderation?.(data)}
          </div>
        </div>
      </header>

      {data.deleted && <Alert tone="warning">{t('topic.deletedNotice')}</Alert>}
      {data.locked && (
        <Alert tone="warning" title={t('topic.lockedTitle')}>
          {t('topic.lockedBody')}
        </Alert>
      )}
      {data.closed && !data.locked && (
        <Alert tone="info" title={t('topic.closedTitle')}>
          {t('topic.closedBody')}
        </Alert>
      )}

      <Posts key={view} topic={data} view={view} target={postNumber} actions={actions} />
      {footer?.(data)}
    </div>
  );
}
