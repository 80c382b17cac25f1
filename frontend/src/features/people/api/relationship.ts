import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Profile, Relationship } from '@/types/api';
import { peopleKeys } from './keys';

export type RelationshipKind = 'follow' | 'mute' | 'block';

/** PUT or DELETE /users/{handle}/follow · /mute · /block → 204 (idempotent). */
export function setRelationship(handle: string, kind: RelationshipKind, on: boolean): Promise<void> {
  return api<void>(`/users/${encodeURIComponent(handle)}/${kind}`, { method: on ? 'PUT' : 'DELETE' });
}

const FLAG: Record<RelationshipKind, keyof Relationship> = {
  follow: 'following',
  mute: 'muted',
  block: 'blocked',
};

/**
 * Follows, mutes or blocks the profile's owner. The cached profile changes at once (the buttons
 * answer immediately); then the profile, its lists and every topic list are fetched again,
 * since counts move and muted people's topics leave the lists.
 */
export function useRelationship(handle: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, on }: { kind: RelationshipKind; on: boolean }) => setRelationship(handle, kind, on),
    onSuccess: (_, { kind, on }) => {
      queryClient.setQueryData<Profile>(peopleKeys.user(handle), (p) => {
        if (!p?.relationship) return p;
        const relationship = { ...p.relationship, [FLAG[kind]]: on };
        // Blocking ends the follows both ways.
        if (kind === 'block' && on) Object.assign(relationship, { following: false, followsYou: false });
        return { ...p, relationship };
      });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.user(handle) });
      void queryClient.invalidateQueries({ queryKey: ['topics'] });
      void queryClient.invalidateQueries({ queryKey: ['topic'] });
    },
  });
}
