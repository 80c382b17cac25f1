import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { useApplySession } from '@/lib/auth';

/** POST /auth/logout → 204; ends the session and clears its cookies. */
export function logout(): Promise<void> {
  return api<void>('/auth/logout', { method: 'POST' });
}

export function useLogout() {
  const applySession = useApplySession();
  return useMutation({ mutationFn: logout, onSuccess: () => applySession(null) });
}
