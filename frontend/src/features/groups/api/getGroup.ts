import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Group } from '@/types/api';
import { groupKeys, groupPath } from './keys';

/** GET /groups/{slug}: the group, the caller's membership and what the caller may do (404 for a secret group). */
export function getGroup(slug: string): Promise<Group> {
  return api<Group>(groupPath(slug));
}

export const groupQuery = (slug: string) =>
  queryOptions({ queryKey: groupKeys.group(slug), queryFn: () => getGroup(slug), staleTime: 30_000 });

export function useGroup(slug: string) {
  return useQuery(groupQuery(slug));
}
