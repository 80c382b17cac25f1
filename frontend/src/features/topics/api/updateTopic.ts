import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Pinned, Topic } from '@/types/api';
import { topicKeys } from './keys';

/** What moderators change; the server refuses it to anyone its Guardian says may not. */
export interface ModerateTopicRequest {
  pinned?: Pinned;
  locked?: boolean;
  closed?: boolean;
  /** Moves the topic to the board with this slug. */
  board?: string;
  /** Group topics: announce to the members (their home feeds) or withdraw it. */
  announcement?: boolean;
  reason?: string;
}

/** PATCH /topics/{id} → the topic as it is now. */
export function updateTopic(id: number, body: ModerateTopicRequest): Promise<Topic> {
  return api<Topic>(`/topics/${id}`, { method: 'PATCH', body });
}

export function useModerateTopic(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ModerateTopicRequest) => updateTopic(id, body),
    onSuccess: (topic) => {
      queryClient.setQueryData(topicKeys.topic(id), topic);
      // Lock state changes every post's permissions; pins and moves change the lists.
      void queryClient.invalidateQueries({ queryKey: topicKeys.posts(id) });
      void queryClient.invalidateQueries({ queryKey: topicKeys.lists() });
    },
  });
}
