import { useInfiniteQuery } from '@tanstack/react-query';
import { apiPage } from '@/lib/api';
import type { Group, Page } from '@/types/api';
import { groupKeys, pageParams } from './keys';

/** GET /users/{handle}/groups: the groups of a person that the caller may see. */
export function getUserGroups(handle: string, cursor: string | null): Promise<Page<Group>> {
  return apiPage<Group>(`/users/${encodeURIComponent(handle)}/groups?${pageParams(cursor)}`);
}

export function useUserGroups(handle: string) {
  return useInfiniteQuery({
    queryKey: groupKeys.userGroups(handle),
    queryFn: ({ pageParam }) => getUserGroups(handle, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 30_000,
  });
}
