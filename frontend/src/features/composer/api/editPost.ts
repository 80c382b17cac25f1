import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Post } from '@/types/api';

export interface EditPostRequest {
  body: string;
  reason?: string | null;
}

/** PATCH /posts/{id} → the post; earlier text is kept as a revision. */
export function editPost(id: number, body: EditPostRequest): Promise<Post> {
  return api<Post>(`/posts/${id}`, { method: 'PATCH', body });
}

export function useEditPost(id: number) {
  return useMutation({ mutationFn: (body: EditPostRequest) => editPost(id, body) });
}
