import { useInfiniteQuery } from '@tanstack/react-query';
import { apiPage } from '@/lib/api';
import type { Group, Page } from '@/types/api';
import { groupKeys, pageParams, type GroupFilters } from './keys';

/** GET /groups?discipline=&field=&q=&sort=: the directory (secret groups only for their members). */
export function getGroups(filters: GroupFilters, cursor: string | null): Promise<Page<Group>> {
  const { discipline, field, q, sort } = filters;
  return apiPage<Group>(`/groups?${pageParams(cursor, { discipline, field, q: q.trim(), sort })}`);
}

export function useGroups(filters: GroupFilters) {
  return useInfiniteQuery({
    queryKey: groupKeys.list(filters),
    queryFn: ({ pageParam }) => getGroups(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 30_000,
  });
}
