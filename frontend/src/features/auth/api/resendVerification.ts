import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';

/** POST /auth/verify-email/resend → 202: mails a fresh link to the signed-in user. */
export function resendVerification(): Promise<void> {
  return api<void>('/auth/verify-email/resend', { method: 'POST' });
}

export function useResendVerification() {
  return useMutation({ mutationFn: resendVerification });
}
