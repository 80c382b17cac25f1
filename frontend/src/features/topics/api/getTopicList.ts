import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiPage } from '@/lib/api';
import type { Page, TopicListItem, TopicPeriod, TopicSort } from '@/types/api';
import { topicKeys, type TopicSource } from './keys';

function basePath(source: TopicSource): string {
  switch (source.kind) {
    case 'board':
      return `/boards/${encodeURIComponent(source.slug)}/topics`;
    case 'tag':
      return `/tags/${encodeURIComponent(source.tag)}/topics`;
    case 'group':
      return `/groups/${encodeURIComponent(source.slug)}/topics`;
    case 'user':
      return `/users/${encodeURIComponent(source.handle)}/topics`;
    default:
      return '/topics';
  }
}

/**
 * GET /topics, /boards/{slug}/topics, /tags/{tag}/topics, /groups/{slug}/topics or
 * /users/{handle}/topics: one keyset page. Pinned topics come first, on the first page only.
 */
export function getTopicList(
  source: TopicSource,
  sort: TopicSort,
  period: TopicPeriod,
  limit: number,
  cursor: string | null,
): Promise<Page<TopicListItem>> {
  const params = new URLSearchParams({ sort, limit: String(limit) });
  if (sort === 'top') params.set('period', period);
  if (cursor) params.set('cursor', cursor);
  return apiPage<TopicListItem>(`${basePath(source)}?${params}`);
}

export const topicListQuery = (source: TopicSource, sort: TopicSort, period: TopicPeriod, limit = 30) =>
  infiniteQueryOptions({
    queryKey: topicKeys.list(source, sort, period, limit),
    queryFn: ({ pageParam }) => getTopicList(source, sort, period, limit, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 30_000,
  });

export function useTopicList(source: TopicSource, sort: TopicSort, period: TopicPeriod, limit = 30) {
  return useInfiniteQuery(topicListQuery(source, sort, period, limit));
}
