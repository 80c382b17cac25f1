import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { RegistryCertificate } from '@/types/api';

/** POST /registry/drafts: registers a draft by its hashes; the text is never stored. */
export function registerDraft(text: string): Promise<RegistryCertificate> {
  return api<RegistryCertificate>('/registry/drafts', { method: 'POST', body: { text } });
}

export function useRegisterDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: registerDraft,
    onSuccess: (certificate) => queryClient.setQueryData(['registry', 'entry', certificate.id], certificate),
  });
}
