import { api } from '@/lib/api';

/** POST /topics/{id}/read `{postNumber}` → 204: the highest post seen; never moves back. */
export function markRead(topicId: number, postNumber: number): Promise<void> {
  return api<void>(`/topics/${topicId}/read`, { method: 'POST', body: { postNumber } });
}
