import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Topic } from '@/types/api';
import { topicKeys } from './keys';

/** GET /topics/{id}: the topic's meta, the caller's permissions and read position. */
export function getTopic(id: number): Promise<Topic> {
  return api<Topic>(`/topics/${id}`);
}

export const topicQuery = (id: number) =>
  queryOptions({ queryKey: topicKeys.topic(id), queryFn: () => getTopic(id), staleTime: 30_000 });

export function useTopic(id: number) {
  return useQuery(topicQuery(id));
}
