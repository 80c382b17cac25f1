import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { RegistryCertificate } from '@/types/api';

/** GET /registry/entries/{id}: a registration certificate (public). */
export function getCertificate(id: number): Promise<RegistryCertificate> {
  return api<RegistryCertificate>(`/registry/entries/${id}`);
}

export const certificateQuery = (id: number) =>
  queryOptions({
    queryKey: ['registry', 'entry', id],
    queryFn: () => getCertificate(id),
    // Entries never change once written.
    staleTime: Infinity,
  });

export function useCertificate(id: number) {
  return useQuery({ ...certificateQuery(id), enabled: Number.isSafeInteger(id) && id > 0 });
}
