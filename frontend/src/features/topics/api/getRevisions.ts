import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPage } from '@/lib/api';
import type { Page, Revision } from '@/types/api';
import { topicKeys } from './keys';

/** GET /posts/{id}/revisions: every version of the text, newest first. */
export function getRevisions(postId: number): Promise<Page<Revision>> {
  return apiPage<Revision>(`/posts/${postId}/revisions`);
}

export const revisionsQuery = (postId: number) =>
  queryOptions({ queryKey: topicKeys.revisions(postId), queryFn: () => getRevisions(postId) });

export function useRevisions(postId: number, enabled: boolean) {
  return useQuery({ ...revisionsQuery(postId), enabled });
}
