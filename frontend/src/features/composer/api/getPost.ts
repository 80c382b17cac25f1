import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Post } from '@/types/api';

/** GET /posts/{id}: one post with its raw Markdown, to edit it. */
export function getPost(id: number): Promise<Post> {
  return api<Post>(`/posts/${id}`);
}

export function usePostSource(id: number | null) {
  return useQuery({
    ...queryOptions({ queryKey: ['post', id, 'source'], queryFn: () => getPost(id!) }),
    enabled: id !== null,
    staleTime: 0,
    gcTime: 0,
  });
}
