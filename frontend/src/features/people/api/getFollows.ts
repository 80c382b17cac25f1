import { useInfiniteQuery } from '@tanstack/react-query';
import { apiPage } from '@/lib/api';
import type { FollowEntry, Page } from '@/types/api';
import { pageParams, peopleKeys, type FollowList } from './keys';

/** GET /users/{handle}/followers or /following; 403 when the owner hides them. */
export function getFollows(
  handle: string,
  list: FollowList,
  cursor: string | null,
): Promise<Page<FollowEntry>> {
  return apiPage<FollowEntry>(`/users/${encodeURIComponent(handle)}/${list}?${pageParams(cursor)}`);
}

export function useFollows(handle: string, list: FollowList, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: peopleKeys.follows(handle, list),
    queryFn: ({ pageParam }) => getFollows(handle, list, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    staleTime: 30_000,
  });
}
