import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { useApplySession } from '@/lib/auth';
import type { User } from '@/types/api';

export interface LoginRequest {
  /** Handle or email. */
  login: string;
  password: string;
}

/** POST /auth/login → the user, with session cookies set. */
export function login(body: LoginRequest): Promise<User> {
  return api<User>('/auth/login', { method: 'POST', body });
}

export function useLogin() {
  const applySession = useApplySession();
  return useMutation({ mutationFn: login, onSuccess: applySession });
}
