import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';

/** POST /auth/password-reset {email} → 202, whether or not the address has an account. */
export function requestPasswordReset(email: string): Promise<void> {
  return api<void>('/auth/password-reset', { method: 'POST', body: { email } });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
