import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Discipline, Group, GroupVisibility } from '@/types/api';
import { groupKeys, groupPath } from './keys';

export interface GroupChange {
  name?: string;
  description?: string;
  visibility?: GroupVisibility;
  disciplines?: Discipline[];
  fields?: string[];
}

export interface NewGroup extends Required<GroupChange> {
  slug: string;
}

/** POST /groups → 201 the group, the caller its owner (trust level 1 or more). */
export function createGroup(body: NewGroup): Promise<Group> {
  return api<Group>('/groups', { method: 'POST', body });
}

/** PATCH /groups/{slug} → the group; visibility only by its owner or an administrator. */
export function updateGroup(slug: string, body: GroupChange): Promise<Group> {
  return api<Group>(groupPath(slug), { method: 'PATCH', body });
}

/** DELETE /groups/{slug} → 204. */
export function deleteGroup(slug: string): Promise<void> {
  return api<void>(groupPath(slug), { method: 'DELETE' });
}

/** PUT /groups/{slug}/avatar (multipart, part `file`) → `{avatarUrl}`. */
export function uploadGroupAvatar(slug: string, file: Blob): Promise<{ avatarUrl?: string | null }> {
  const form = new FormData();
  form.append('file', file, 'avatar.png');
  return api(`${groupPath(slug)}/avatar`, { method: 'PUT', form });
}

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createGroup,
    onSuccess: (group) => {
      queryClient.setQueryData(groupKeys.group(group.slug), group);
      void queryClient.invalidateQueries({ queryKey: groupKeys.directory() });
    },
  });
}

export function useUpdateGroup(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GroupChange) => updateGroup(slug, body),
    onSuccess: (group) => {
      queryClient.setQueryData(groupKeys.group(slug), group);
      void queryClient.invalidateQueries({ queryKey: groupKeys.directory() });
    },
  });
}

export function useDeleteGroup(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteGroup(slug),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: groupKeys.group(slug) });
      void queryClient.invalidateQueries({ queryKey: groupKeys.directory() });
    },
  });
}

export function useGroupAvatar(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob) => uploadGroupAvatar(slug, file),
    onSuccess: (answer) => {
      queryClient.setQueryData<Group>(groupKeys.group(slug), (g) =>
        g ? { ...g, avatarUrl: answer?.avatarUrl ?? null } : g,
      );
      void queryClient.invalidateQueries({ queryKey: groupKeys.group(slug) });
      void queryClient.invalidateQueries({ queryKey: groupKeys.directory() });
    },
  });
}
