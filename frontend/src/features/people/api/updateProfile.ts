import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { meQueryKey } from '@/lib/auth';
import type { Discipline, MentionPolicy, ProfileLink, User } from '@/types/api';
import { peopleKeys } from './keys';

export interface ProfileChange {
  bio?: string;
  disciplines?: Discipline[];
  fields?: string[];
  affiliation?: string;
  languages?: string[];
  links?: ProfileLink[];
  location?: string;
  hideFollowers?: boolean;
  hideActivity?: boolean;
  mentionPolicy?: MentionPolicy;
}

/** PATCH /me with profile fields → the updated user. */
export function updateProfile(body: ProfileChange): Promise<User> {
  return api<User>('/me', { method: 'PATCH', body });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (user) => {
      queryClient.setQueryData(meQueryKey, user);
      void queryClient.invalidateQueries({ queryKey: peopleKeys.user(user.handle) });
    },
  });
}
