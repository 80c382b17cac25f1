import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPage } from '@/lib/api';
import type { Page, Reactors } from '@/types/api';
import { topicKeys } from './keys';

/** GET /posts/{id}/reactions: per kind, the count and the first members who reacted. */
export function getReactors(postId: number): Promise<Page<Reactors>> {
  return apiPage<Reactors>(`/posts/${postId}/reactions`);
}

export const reactorsQuery = (postId: number) =>
  queryOptions({
    queryKey: topicKeys.reactors(postId),
    queryFn: () => getReactors(postId),
    staleTime: 30_000,
  });

export function useReactors(postId: number, enabled: boolean) {
  return useQuery({ ...reactorsQuery(postId), enabled });
}
