import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Board } from '@/types/api';

/** GET /boards/{slug}: one board with its counters and what the caller may do in it. */
export function getBoard(slug: string): Promise<Board> {
  return api<Board>(`/boards/${encodeURIComponent(slug)}`);
}

export const boardQuery = (slug: string) =>
  queryOptions({ queryKey: ['boards', slug], queryFn: () => getBoard(slug), staleTime: 60_000 });

export function useBoard(slug: string) {
  return useQuery(boardQuery(slug));
}
