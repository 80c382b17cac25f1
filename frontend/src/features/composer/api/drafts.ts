import { useQuery } from '@tanstack/react-query';
import { api, isApiError } from '@/lib/api';
import type { Draft } from '@/types/api';

export interface SaveDraftRequest {
  body: string;
  title?: string | null;
  tags?: string[];
  replyTo?: number | null;
}

/**
 * Draft keys are the server's: `new-topic:{boardSlug}`, `reply:{topicId}`, `edit:{postId}`.
 * Drafts live under ['me', …] so signing out drops them from the cache.
 */
export const draftKey = (key: string) => ['me', 'draft', key] as const;

/** GET /drafts/{key} → the draft, or null when there is none. */
export async function getDraft(key: string): Promise<Draft | null> {
  try {
    return await api<Draft>(`/drafts/${encodeURIComponent(key)}`);
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** PUT /drafts/{key} → the draft as saved. */
export function saveDraft(key: string, body: SaveDraftRequest): Promise<Draft> {
  return api<Draft>(`/drafts/${encodeURIComponent(key)}`, { method: 'PUT', body });
}

/** DELETE /drafts/{key} → 204 (also when there was none). */
export function deleteDraft(key: string): Promise<void> {
  return api<void>(`/drafts/${encodeURIComponent(key)}`, { method: 'DELETE' });
}

export function useDraft(key: string, enabled: boolean) {
  return useQuery({
    queryKey: draftKey(key),
    queryFn: () => getDraft(key),
    enabled,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}
