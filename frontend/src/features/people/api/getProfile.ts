import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Profile } from '@/types/api';
import { peopleKeys } from './keys';

/** GET /users/{handle}: the profile with counts, what the caller may see, and the relationship. */
export function getProfile(handle: string): Promise<Profile> {
  return api<Profile>(`/users/${encodeURIComponent(handle)}`);
}

export const profileQuery = (handle: string) =>
  queryOptions({ queryKey: peopleKeys.user(handle), queryFn: () => getProfile(handle), staleTime: 30_000 });

export function useProfile(handle: string) {
  return useQuery(profileQuery(handle));
}
