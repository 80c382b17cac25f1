import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPage } from '@/lib/api';
import type { Board, Page } from '@/types/api';

/** GET /boards: the boards the caller may read, in display order. */
export function getBoards(): Promise<Page<Board>> {
  return apiPage<Board>('/boards');
}

export const boardsQuery = queryOptions({ queryKey: ['boards'], queryFn: getBoards, staleTime: 5 * 60_000 });

export function useBoards() {
  return useQuery(boardsQuery);
}
