import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Post } from '@/types/api';

export interface CreateReplyRequest {
  body: string;
  /** The id of the post answered, in the same topic. */
  replyTo?: number | null;
}

/** POST /topics/{id}/posts → 201 the new post; idempotent per composer session. */
export function createReply(
  topicId: number,
  body: CreateReplyRequest,
  idempotencyKey: string,
): Promise<Post> {
  return api<Post>(`/topics/${topicId}/posts`, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useCreateReply(topicId: number, idempotencyKey: string) {
  return useMutation({
    mutationFn: (body: CreateReplyRequest) => createReply(topicId, body, idempotencyKey),
  });
}
