import type { VerificationState } from '@/types/api';

export type FollowList = 'followers' | 'following';

/**
 * Query keys of this feature. Everything about one person sits under ['user', handle], so a
 * follow or block refreshes the profile and its lists at once. The caller's own verification
 * requests live under ['me', …] and are dropped at sign-out.
 */
export const peopleKeys = {
  user: (handle: string) => ['user', handle.toLowerCase()] as const,
  posts: (handle: string) => ['user', handle.toLowerCase(), 'posts'] as const,
  works: (handle: string) => ['user', handle.toLowerCase(), 'works'] as const,
  follows: (handle: string, list: FollowList) => ['user', handle.toLowerCase(), list] as const,
  myVerifications: () => ['me', 'verifications'] as const,
  queue: (state: VerificationState) => ['admin', 'verifications', state] as const,
};

export const PAGE_SIZE = 20;

export function pageParams(cursor: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), ...extra });
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}
