import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, isApiError } from '@/lib/api';
import type { User } from '@/types/api';

/** Everything cached about the signed-in user lives under this key, so sign-out can drop it all. */
export const meQueryKey = ['me'] as const;

/** GET /api/v1/me: the signed-in user, or null when signed out. */
export async function fetchMe(): Promise<User | null> {
  try {
    return await api<User>('/me');
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export interface Session {
  user: User | null;
  /** True until the first answer to GET /me. */
  isPending: boolean;
}

export function useSession(): Session {
  const query = useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
  return { user: query.data ?? null, isPending: query.isPending };
}

/**
 * Records who is signed in after sign-in, sign-out, account deletion or a failed refresh. Data
 * cached for another user (tokens, drafts, bookmarks) is dropped; the rest is fetched again.
 */
export function useApplySession(): (user: User | null) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (user: User | null) => {
      const previous = queryClient.getQueryData<User | null>(meQueryKey) ?? null;
      if (previous?.id !== user?.id) {
        // Not the ['me'] query itself: observers of a removed query would keep showing its data.
        queryClient.removeQueries({ queryKey: meQueryKey, predicate: (q) => q.queryKey.length > 1 });
        // Everything else carries the previous user's permission flags and read state.
        void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      }
      queryClient.setQueryData(meQueryKey, user);
    },
    [queryClient],
  );
}
