import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, apiPage } from '@/lib/api';
import type { FeedItem, TopicListItem } from '@/types/api';

export const feedKeys = {
  home: () => ['feed', 'home'] as const,
  hot: (board: string | null) => ['feed', 'hot', board] as const,
  tags: () => ['feed', 'tags'] as const,
};

/**
 * GET /feed: the caller's home timeline (new topics by what they follow, replies in watched topics,
 * group announcements, new chapters), cursor-paged.
 */
export function useHomeFeed(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: feedKeys.home(),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '20' });
      if (pageParam) params.set('cursor', pageParam);
      return apiPage<FeedItem>(`/feed?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    staleTime: 10_000,
    refetchInterval: 30_000,
  });
}

/** GET /hot: time-decayed hot topics, site-wide or of one board. */
export function useHot(board: string | null) {
  return useQuery({
    queryKey: feedKeys.hot(board),
    queryFn: () =>
      apiPage<TopicListItem>(`/hot?limit=20${board ? `&board=${encodeURIComponent(board)}` : ''}`).then(
        (p) => p.items,
      ),
    staleTime: 60_000,
  });
}

export function useTrendingTags() {
  return useQuery({
    queryKey: feedKeys.tags(),
    queryFn: () =>
      api<{ items: { tag: string; count: number }[] }>('/hot/tags?limit=10').then((r) => r.items),
    staleTime: 60_000,
  });
}
