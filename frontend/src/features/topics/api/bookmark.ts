import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Post } from '@/types/api';
import { updateCachedPost } from './getPosts';

/** PUT /posts/{id}/bookmark `{note?}` (sets or replaces the note) or DELETE it → 204. */
export function setBookmark(postId: number, on: boolean, note?: string): Promise<void> {
  return on
    ? api<void>(`/posts/${postId}/bookmark`, { method: 'PUT', body: { note: note?.trim() || null } })
    : api<void>(`/posts/${postId}/bookmark`, { method: 'DELETE' });
}

export function useBookmark(post: Post) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ on, note }: { on: boolean; note?: string }) => setBookmark(post.id, on, note),
    onSuccess: (_, { on }) => {
      updateCachedPost(queryClient, post.topicId, post.id, (p) => ({ ...p, bookmarked: on }));
      void queryClient.invalidateQueries({ queryKey: ['me', 'bookmarks'] });
    },
  });
}
