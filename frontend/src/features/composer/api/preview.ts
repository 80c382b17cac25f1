import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { api } from '@/lib/api';

/** POST /markdown/preview `{body}` → `{bodyHtml}`: exactly what posting would store. */
export async function previewMarkdown(body: string, signal?: AbortSignal): Promise<string> {
  const answer = await api<{ bodyHtml: string }>('/markdown/preview', {
    method: 'POST',
    body: { body },
    signal,
  });
  return answer.bodyHtml;
}

/** The preview of `body` (already debounced by the caller); keeps the last one while loading. */
export function usePreview(body: string) {
  return useQuery({
    queryKey: ['markdown-preview', body],
    queryFn: ({ signal }) => previewMarkdown(body, signal),
    enabled: body.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
}
