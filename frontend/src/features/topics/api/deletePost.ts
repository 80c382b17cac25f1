import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Post } from '@/types/api';
import { topicKeys } from './keys';

/** DELETE /posts/{id} → 204. Deleting the first post deletes the topic. */
export function deletePost(id: number): Promise<void> {
  return api<void>(`/posts/${id}`, { method: 'DELETE' });
}

/** POST /posts/{id}/restore → the post. Restoring the first post restores the topic. */
export function restorePost(id: number): Promise<Post> {
  return api<Post>(`/posts/${id}/restore`, { method: 'POST' });
}

export function useDeletePost(post: Post) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deletePost(post.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: topicKeys.topic(post.topicId) });
      void queryClient.invalidateQueries({ queryKey: topicKeys.lists() });
    },
  });
}

export function useRestorePost(post: Post) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => restorePost(post.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: topicKeys.topic(post.topicId) });
      void queryClient.invalidateQueries({ queryKey: topicKeys.lists() });
    },
  });
}
