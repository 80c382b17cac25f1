import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiPage } from '@/lib/api';
import type { Page, VerificationRequest, VerificationState } from '@/types/api';
import { pageParams, peopleKeys } from './keys';

/** GET /admin/verifications?state=: the queue, for administrators. */
export function getVerificationQueue(
  state: VerificationState,
  cursor: string | null,
): Promise<Page<VerificationRequest>> {
  return apiPage<VerificationRequest>(`/admin/verifications?${pageParams(cursor, { state })}`);
}

/** POST /admin/verifications/{id}/decision `{decision, note}` → the decided request. */
export function decideVerification(
  id: number,
  decision: 'approve' | 'decline',
  note: string,
): Promise<VerificationRequest> {
  return api<VerificationRequest>(`/admin/verifications/${id}/decision`, {
    method: 'POST',
    body: { decision, note: note.trim() || null },
  });
}

export function useVerificationQueue(state: VerificationState) {
  return useInfiniteQuery({
    queryKey: peopleKeys.queue(state),
    queryFn: ({ pageParam }) => getVerificationQueue(state, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useDecideVerification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: number; decision: 'approve' | 'decline'; note: string }) =>
      decideVerification(id, decision, note),
    onSuccess: (request) => {
      void queryClient.invalidateQueries({ queryKey: ['admin', 'verifications'] });
      if (request.user)
        void queryClient.invalidateQueries({ queryKey: ['user', request.user.handle.toLowerCase()] });
    },
  });
}
