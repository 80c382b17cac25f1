import { useInfiniteQuery } from '@tanstack/react-query';
import { apiPage } from '@/lib/api';
import type { Page, Work } from '@/types/api';
import { pageParams, peopleKeys } from './keys';

/** GET /users/{handle}/works: the user's works. */
export function getUserWorks(handle: string, cursor: string | null): Promise<Page<Work>> {
  return apiPage<Work>(`/users/${encodeURIComponent(handle)}/works?${pageParams(cursor)}`);
}

export function useUserWorks(handle: string) {
  return useInfiniteQuery({
    queryKey: peopleKeys.works(handle),
    queryFn: ({ pageParam }) => getUserWorks(handle, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 60_000,
  });
}
