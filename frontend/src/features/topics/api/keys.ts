import type { TopicPeriod, TopicSort } from '@/types/api';

/** Where a topic list draws from. */
export type TopicSource =
  | { kind: 'all' }
  | { kind: 'board'; slug: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'group'; slug: string }
  | { kind: 'user'; handle: string };
export type PostView = 'flat' | 'tree';

/**
 * Query keys of this feature. Everything about one topic sits under ['topic', id], so one
 * invalidation refreshes its meta and every page of its posts.
 */
export const topicKeys = {
  lists: () => ['topics'] as const,
  list: (source: TopicSource, sort: TopicSort, period: TopicPeriod, limit: number) =>
    ['topics', source, sort, period, limit] as const,
  topic: (id: number) => ['topic', id] as const,
  posts: (id: number) => ['topic', id, 'posts'] as const,
  postPages: (id: number, view: PostView, near: number | null) => ['topic', id, 'posts', view, near] as const,
  revisions: (postId: number) => ['post', postId, 'revisions'] as const,
  reactors: (postId: number) => ['post', postId, 'reactors'] as const,
};
