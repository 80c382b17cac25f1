import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** PUT /me/password → 204; other sessions of the account end, this one stays. */
export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return api<void>('/me/password', { method: 'PUT', body });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
