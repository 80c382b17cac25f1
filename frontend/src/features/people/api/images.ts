import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { meQueryKey } from '@/lib/auth';
import type { User } from '@/types/api';
import { peopleKeys } from './keys';

export type ImageKind = 'avatar' | 'cover';

/** PUT /me/avatar or /me/cover (multipart, part `file`) → `{avatarUrl}` / `{coverUrl}`. */
export async function uploadImage(kind: ImageKind, file: Blob, name: string): Promise<string | null> {
  const form = new FormData();
  form.append('file', file, name);
  const answer = await api<{ avatarUrl?: string | null; coverUrl?: string | null }>(`/me/${kind}`, {
    method: 'PUT',
    form,
  });
  return (kind === 'avatar' ? answer?.avatarUrl : answer?.coverUrl) ?? null;
}

/** DELETE /me/avatar or /me/cover → 204. */
export function deleteImage(kind: ImageKind): Promise<void> {
  return api<void>(`/me/${kind}`, { method: 'DELETE' });
}

/** Uploads or removes a picture; the signed-in user and their profile show the new one at once. */
export function useProfileImage(kind: ImageKind) {
  const queryClient = useQueryClient();
  const field = kind === 'avatar' ? 'avatarUrl' : 'coverUrl';
  return useMutation({
    mutationFn: (change: { file: Blob; name: string } | null) =>
      change ? uploadImage(kind, change.file, change.name) : deleteImage(kind).then(() => null),
    onSuccess: (url) => {
      const me = queryClient.getQueryData<User | null>(meQueryKey);
      if (me) {
        queryClient.setQueryData<User | null>(meQueryKey, { ...me, [field]: url });
        void queryClient.invalidateQueries({ queryKey: peopleKeys.user(me.handle) });
      }
      // Posts and lists carry the avatar in their author cards.
      if (kind === 'avatar') {
        void queryClient.invalidateQueries({ queryKey: ['topic'] });
        void queryClient.invalidateQueries({ queryKey: ['topics'] });
      }
    },
  });
}

export { IMAGE_MAX_BYTES, IMAGE_TYPES, imageProblem } from '@/lib/images';
