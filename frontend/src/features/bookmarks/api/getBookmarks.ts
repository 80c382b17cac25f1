import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiPage } from '@/lib/api';
import type { Bookmark, Page } from '@/types/api';

export type BookmarkKind = 'post' | 'work' | '';

export interface BookmarkFilter {
  kind: BookmarkKind;
  tag: string;
}

/** GET /me/bookmarks: the caller's bookmarks (posts and works), newest first. */
export function getBookmarks(filter: BookmarkFilter, cursor: string | null): Promise<Page<Bookmark>> {
  const params = new URLSearchParams({ limit: '30' });
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.tag) params.set('tag', filter.tag);
  if (cursor) params.set('cursor', cursor);
  return apiPage<Bookmark>(`/me/bookmarks?${params}`);
}

export function bookmarksQuery(filter: BookmarkFilter) {
  return infiniteQueryOptions({
    queryKey: ['me', 'bookmarks', filter],
    queryFn: ({ pageParam }) => getBookmarks(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useBookmarks(enabled: boolean, filter: BookmarkFilter = { kind: '', tag: '' }) {
  return useInfiniteQuery({ ...bookmarksQuery(filter), enabled });
}
