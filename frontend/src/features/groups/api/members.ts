import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api, apiPage } from '@/lib/api';
import type { GroupMember, GroupRole, Invitation, MemberState, Membership, Page } from '@/types/api';
import { groupKeys, groupPath, pageParams } from './keys';

const member = (slug: string, handle: string) => `${groupPath(slug)}/members/${encodeURIComponent(handle)}`;

/** GET /groups/{slug}/members?state=: active members for readers; the other states for managers. */
export function getMembers(
  slug: string,
  state: MemberState,
  cursor: string | null,
): Promise<Page<GroupMember>> {
  return apiPage<GroupMember>(`${groupPath(slug)}/members?${pageParams(cursor, { state })}`);
}

/** POST /groups/{slug}/join → `{role, state}`: joins, requests to join, or accepts an invitation. */
export function joinGroup(slug: string): Promise<Membership> {
  return api<Membership>(`${groupPath(slug)}/join`, { method: 'POST' });
}

/** DELETE /groups/{slug}/members/{handle} → 204: remove, decline a request, cancel an invitation; `me` leaves. */
export function removeMember(slug: string, handle: string): Promise<void> {
  return api<void>(member(slug, handle), { method: 'DELETE' });
}

export interface MemberChange {
  state?: 'active' | 'banned';
  role?: GroupRole;
}

/** PUT /groups/{slug}/members/{handle} → the membership: approve, ban, set a role, hand over ownership. */
export function updateMember(slug: string, handle: string, body: MemberChange): Promise<GroupMember> {
  return api<GroupMember>(member(slug, handle), { method: 'PUT', body });
}

/** POST /groups/{slug}/invites `{handle}` → 201. */
export function inviteMember(slug: string, handle: string): Promise<GroupMember> {
  return api<GroupMember>(`${groupPath(slug)}/invites`, { method: 'POST', body: { handle } });
}

/** PUT or DELETE /groups/{slug}/follow → 204. */
export function followGroup(slug: string, on: boolean): Promise<void> {
  return api<void>(`${groupPath(slug)}/follow`, { method: on ? 'PUT' : 'DELETE' });
}

/** GET /me/invitations: the groups that invited the caller. */
export function getInvitations(): Promise<Page<Invitation>> {
  return apiPage<Invitation>('/me/invitations?limit=50');
}

export function useMembers(slug: string, state: MemberState, enabled = true) {
  return useInfiniteQuery({
    queryKey: groupKeys.members(slug, state),
    queryFn: ({ pageParam }) => getMembers(slug, state, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    staleTime: 15_000,
  });
}

/** After any membership change: the group (counts, flags), its members, lists and invitations. */
function refreshGroup(queryClient: QueryClient, slug: string) {
  void queryClient.invalidateQueries({ queryKey: groupKeys.group(slug) });
  void queryClient.invalidateQueries({ queryKey: groupKeys.directory() });
  void queryClient.invalidateQueries({ queryKey: groupKeys.invitations() });
  void queryClient.invalidateQueries({ queryKey: ['topics'] });
  void queryClient.invalidateQueries({ queryKey: ['user'] });
}

/** The caller's own membership: join / request / accept, and leave / cancel / decline. */
export function useMyMembership(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: 'join' | 'leave'): Promise<void> => {
      if (action === 'join') await joinGroup(slug);
      else await removeMember(slug, 'me');
    },
    onSuccess: () => refreshGroup(queryClient, slug),
  });
}

export type ManageAction =
  | { kind: 'update'; handle: string; change: MemberChange }
  | { kind: 'remove'; handle: string }
  | { kind: 'invite'; handle: string };

/** What managers do to others' memberships. */
export function useManageMember(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: ManageAction): Promise<void> => {
      if (action.kind === 'update') await updateMember(slug, action.handle, action.change);
      else if (action.kind === 'remove') await removeMember(slug, action.handle);
      else await inviteMember(slug, action.handle);
    },
    onSuccess: () => refreshGroup(queryClient, slug),
  });
}

export function useFollowGroup(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) => followGroup(slug, on),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: groupKeys.group(slug) }),
  });
}

export function useInvitations(enabled: boolean) {
  return useQuery({
    queryKey: groupKeys.invitations(),
    queryFn: getInvitations,
    enabled,
    staleTime: 60_000,
  });
}

/** Accepts (joins) or declines an invitation from the user menu. */
export function useAnswerInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ slug, accept }: { slug: string; accept: boolean }) =>
      accept ? joinGroup(slug).then(() => undefined) : removeMember(slug, 'me'),
    onSuccess: (_, { slug }) => refreshGroup(queryClient, slug),
  });
}
