import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { meQueryKey } from '@/lib/auth';
import type { User } from '@/types/api';

/** POST /auth/verify-email {token} → the verified user. A token works once. */
export function verifyEmail(token: string): Promise<User> {
  return api<User>('/auth/verify-email', { method: 'POST', body: { token } });
}

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyEmail,
    // The link may be opened while signed in (then the banner must go) or signed out.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true }),
  });
}
