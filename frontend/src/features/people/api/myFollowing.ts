import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPage } from '@/lib/api';
import { useSession } from '@/lib/auth';
import type { BoardRef, GroupRef, Page, UserCard } from '@/types/api';
import { pageParams } from './keys';

/** GET /me/following: everything the caller follows, in one answer. */
export interface MyFollowing {
  users: UserCard[];
  boards: BoardRef[];
  groups: GroupRef[];
  tags: string[];
}

export interface IgnoreEntry {
  user: UserCard;
  since: string;
}

export type Followable = { kind: 'board'; slug: string } | { kind: 'tag'; tag: string };

export const myFollowingKey = ['me', 'following'] as const;
export const myIgnoresKey = (kind: 'mutes' | 'blocks') => ['me', kind] as const;

export function useMyFollowing() {
  const { user } = useSession();
  return useQuery({
    queryKey: myFollowingKey,
    queryFn: () => api<MyFollowing>('/me/following'),
    enabled: !!user,
    staleTime: 60_000,
  });
}

export function isFollowing(following: MyFollowing | undefined, target: Followable): boolean {
  if (!following) return false;
  return target.kind === 'board'
    ? following.boards.some((b) => b.slug === target.slug)
    : following.tags.includes(target.tag.toLowerCase());
}

function followPath(target: Followable): string {
  return target.kind === 'board'
    ? `/boards/${encodeURIComponent(target.slug)}/follow`
    : `/tags/${encodeURIComponent(target.tag)}/follow`;
}

/** PUT or DELETE /boards/{slug}/follow · /tags/{tag}/follow → 204; then /me/following again. */
export function useFollowToggle(target: Followable) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) => api<void>(followPath(target), { method: on ? 'PUT' : 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: myFollowingKey }),
  });
}

/** GET /me/mutes or /me/blocks (first page of 20 is plenty for a settings panel; more pages on demand). */
export function getIgnores(kind: 'mutes' | 'blocks', cursor: string | null): Promise<Page<IgnoreEntry>> {
  return apiPage<IgnoreEntry>(`/me/${kind}?${pageParams(cursor)}`);
}

export function useMyIgnores(kind: 'mutes' | 'blocks') {
  return useQuery({ queryKey: myIgnoresKey(kind), queryFn: () => getIgnores(kind, null) });
}

/** Unmute or unblock from the settings list: DELETE /users/{handle}/mute · /block. */
export function useLiftIgnore(kind: 'mutes' | 'blocks') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (handle: string) =>
      api<void>(`/users/${encodeURIComponent(handle)}/${kind === 'mutes' ? 'mute' : 'block'}`, {
        method: 'DELETE',
      }),
    onSuccess: (_, handle) => {
      void queryClient.invalidateQueries({ queryKey: myIgnoresKey(kind) });
      void queryClient.invalidateQueries({ queryKey: ['user', handle.toLowerCase()] });
      void queryClient.invalidateQueries({ queryKey: ['topics'] });
      void queryClient.invalidateQueries({ queryKey: ['topic'] });
    },
  });
}
