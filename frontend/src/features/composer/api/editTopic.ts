import { api } from '@/lib/api';
import type { Topic } from '@/types/api';

/** PATCH /topics/{id} `{title?, tags?}`: the author (or staff) retitles and retags. */
export function editTopic(id: number, body: { title?: string; tags?: string[] }): Promise<Topic> {
  return api<Topic>(`/topics/${id}`, { method: 'PATCH', body });
}
