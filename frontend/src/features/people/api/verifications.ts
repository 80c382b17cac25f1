import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPage } from '@/lib/api';
import type { VerificationKind, VerificationRequest } from '@/types/api';
import { peopleKeys } from './keys';

export interface VerificationDraft {
  kind: VerificationKind;
  evidence: string;
  links: string[];
}

/** GET /me/verifications: the caller's requests, newest first. */
export function getMyVerifications(): Promise<VerificationRequest[]> {
  return apiPage<VerificationRequest>('/me/verifications').then((page) => page.items);
}

/** POST /me/verifications → 201 the pending request; 409 while one of that kind is pending. */
export function requestVerification(body: VerificationDraft): Promise<VerificationRequest> {
  return api<VerificationRequest>('/me/verifications', { method: 'POST', body });
}

export function useMyVerifications() {
  return useQuery({ queryKey: peopleKeys.myVerifications(), queryFn: getMyVerifications });
}

export function useRequestVerification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestVerification,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: peopleKeys.myVerifications() }),
  });
}
