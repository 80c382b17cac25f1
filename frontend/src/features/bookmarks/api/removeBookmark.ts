import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';

/** DELETE /posts/{id}/bookmark or /works/{id}/bookmark → 204. */
export function removeBookmark(target: number | { workId: number }): Promise<void> {
  return typeof target === 'number'
    ? api<void>(`/posts/${target}/bookmark`, { method: 'DELETE' })
    : api<void>(`/works/${target.workId}/bookmark`, { method: 'DELETE' });
}

export function useRemoveBookmark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeBookmark,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['me', 'bookmarks'] });
      // Topic pages show the bookmark state of each post.
      void queryClient.invalidateQueries({ queryKey: ['topic'] });
      void queryClient.invalidateQueries({ queryKey: ['work'] });
    },
  });
}
