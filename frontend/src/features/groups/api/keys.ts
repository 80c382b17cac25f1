import type { GroupSort, MemberState } from '@/types/api';

export interface GroupFilters {
  discipline: string;
  field: string;
  q: string;
  sort: GroupSort;
}

/**
 * Query keys of this feature. One group's data sits under ['group', slug]; the directory under
 * ['groups']; a person's groups under ['user', handle, 'groups'] (refreshed with their profile);
 * the caller's invitations under ['me', …] (dropped at sign-out).
 */
export const groupKeys = {
  directory: () => ['groups'] as const,
  list: (filters: GroupFilters) => ['groups', filters] as const,
  group: (slug: string) => ['group', slug] as const,
  members: (slug: string, state: MemberState) => ['group', slug, 'members', state] as const,
  userGroups: (handle: string) => ['user', handle.toLowerCase(), 'groups'] as const,
  invitations: () => ['me', 'invitations'] as const,
};

export const PAGE_SIZE = 20;

export function pageParams(cursor: string | null, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const [k, v] of Object.entries(extra)) if (v !== '') params.set(k, v);
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export const groupPath = (slug: string) => `/groups/${encodeURIComponent(slug)}`;
