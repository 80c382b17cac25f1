import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { meQueryKey } from '@/lib/auth';
import type { Locale, User } from '@/types/api';

export interface UpdateMeRequest {
  displayName?: string;
  locale?: Locale;
}

/** PATCH /me → the updated user. */
export function updateMe(body: UpdateMeRequest): Promise<User> {
  return api<User>('/me', { method: 'PATCH', body });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (user) => queryClient.setQueryData(meQueryKey, user),
  });
}
