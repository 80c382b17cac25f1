import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Post, Reaction, ReactionKind } from '@/types/api';
import { updateCachedPost } from './getPosts';
import { topicKeys } from './keys';

/** PUT (add) or DELETE (remove) /posts/{id}/reactions/{kind} → the post's reactions now. */
export async function setReaction(postId: number, kind: ReactionKind, on: boolean): Promise<Reaction[]> {
  const answer = await api<{ reactions?: Reaction[] | null }>(`/posts/${postId}/reactions/${kind}`, {
    method: on ? 'PUT' : 'DELETE',
  });
  return answer.reactions ?? [];
}

export function useReact(post: Post) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, on }: { kind: ReactionKind; on: boolean }) => setReaction(post.id, kind, on),
    onSuccess: (reactions) => {
      updateCachedPost(queryClient, post.topicId, post.id, (p) => ({ ...p, reactions }));
      void queryClient.invalidateQueries({ queryKey: topicKeys.reactors(post.id) });
    },
  });
}
