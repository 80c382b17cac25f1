import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { useApplySession } from '@/lib/auth';

/** DELETE /me → 204: personal data is erased and the session ends. */
export function deleteMe(): Promise<void> {
  return api<void>('/me', { method: 'DELETE' });
}

export function useDeleteMe() {
  const applySession = useApplySession();
  return useMutation({ mutationFn: deleteMe, onSuccess: () => applySession(null) });
}
