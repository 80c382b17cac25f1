import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiPage } from '@/lib/api';
import type { Bookmark, Page } from '@/types/api';

/** GET /me/bookmarks: the caller's bookmarks, newest first. */
export function getBookmarks(cursor: string | null): Promise<Page<Bookmark>> {
  const params = new URLSearchParams({ limit: '30' });
  if (cursor) params.set('cursor', cursor);
  return apiPage<Bookmark>(`/me/bookmarks?${params}`);
}

export const bookmarksQuery = infiniteQueryOptions({
  queryKey: ['me', 'bookmarks'],
  queryFn: ({ pageParam }) => getBookmarks(pageParam),
  initialPageParam: null as string | null,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
});

export function useBookmarks(enabled: boolean) {
  return useInfiniteQuery({ ...bookmarksQuery, enabled });
}
