import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Topic } from '@/types/api';

/** Exactly one of board and group. */
export interface CreateTopicRequest {
  board?: string;
  group?: string;
  title: string;
  body: string;
  tags: string[];
}

/**
 * POST /topics → 201 the topic with its first post. `idempotencyKey` is one per composer
 * session: a double click, or a retry after a lost answer, creates one topic.
 */
export function createTopic(body: CreateTopicRequest, idempotencyKey: string): Promise<Topic> {
  return api<Topic>('/topics', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } });
}

export function useCreateTopic(idempotencyKey: string) {
  return useMutation({ mutationFn: (body: CreateTopicRequest) => createTopic(body, idempotencyKey) });
}
