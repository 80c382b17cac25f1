import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';

export interface ConfirmPasswordResetRequest {
  token: string;
  password: string;
}

/** POST /auth/password-reset/confirm → 204; every session of the account ends. */
export function confirmPasswordReset(body: ConfirmPasswordResetRequest): Promise<void> {
  return api<void>('/auth/password-reset/confirm', { method: 'POST', body });
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}
