import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';

/** DELETE /posts/{id}/bookmark → 204. */
export function removeBookmark(postId: number): Promise<void> {
  return api<void>(`/posts/${postId}/bookmark`, { method: 'DELETE' });
}

export function useRemoveBookmark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeBookmark,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['me', 'bookmarks'] });
      // Topic pages show the bookmark state of each post.
      void queryClient.invalidateQueries({ queryKey: ['topic'] });
    },
  });
}
