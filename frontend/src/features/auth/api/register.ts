import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Locale, User } from '@/types/api';

export interface RegisterRequest {
  handle: string;
  email: string;
  password: string;
  displayName?: string;
  locale?: Locale;
}

/** POST /auth/register → 201 the new, unverified user. It does not sign in. */
export function register(body: RegisterRequest): Promise<User> {
  return api<User>('/auth/register', { method: 'POST', body });
}

export function useRegister() {
  return useMutation({ mutationFn: register });
}
