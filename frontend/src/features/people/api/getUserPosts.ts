import { useInfiniteQuery } from '@tanstack/react-query';
import { apiPage } from '@/lib/api';
import type { ActivityItem, Page } from '@/types/api';
import { pageParams, peopleKeys } from './keys';

/** GET /users/{handle}/posts: the posts the caller may read, newest first; 403 when hidden. */
export function getUserPosts(handle: string, cursor: string | null): Promise<Page<ActivityItem>> {
  return apiPage<ActivityItem>(`/users/${encodeURIComponent(handle)}/posts?${pageParams(cursor)}`);
}

export function useUserPosts(handle: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: peopleKeys.posts(handle),
    queryFn: ({ pageParam }) => getUserPosts(handle, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    staleTime: 30_000,
  });
}
