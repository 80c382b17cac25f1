import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api, apiPage } from '@/lib/api';
import type { Right } from '@/lib/rights';
import type { Page } from '@/types/api';
import type {
  BookmarkInput,
  Chapter,
  ChapterInput,
  Series,
  SeriesRef,
  TranslationRequest,
  WorkBookmark,
  WorkCard,
  WorkFilters,
  WorkFull,
  WorkInput,
  WorkLanguage,
} from './types';

export const workKeys = {
  all: ['works'] as const,
  list: (filters: WorkFilters) => ['works', 'list', filters] as const,
  byUser: (handle: string) => ['works', 'user', handle] as const,
  work: (id: number) => ['work', id] as const,
  chapters: (id: number) => ['work', id, 'chapters'] as const,
  bookmarks: (id: number) => ['work', id, 'bookmarks'] as const,
  series: (id: number) => ['series', id] as const,
  mySeries: ['series', 'mine'] as const,
  invitations: ['works', 'invitations'] as const,
  requests: (language: string) => ['translation-requests', language] as const,
};

/** The query string of GET /works: repeated tag / excludeTag, empty filters left out. */
export function listQuery(filters: WorkFilters, cursor: string | null, limit = 20): string {
  const params = new URLSearchParams();
  for (const tag of filters.tags) params.append('tag', tag);
  for (const tag of filters.excludeTags) params.append('excludeTag', tag);
  for (const key of ['type', 'language', 'rating', 'status'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  params.set('sort', filters.sort);
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export function useWorkList(filters: WorkFilters) {
  return useInfiniteQuery({
    queryKey: workKeys.list(filters),
    queryFn: ({ pageParam }) => apiPage<WorkCard>(`/works?${listQuery(filters, pageParam)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<WorkCard>) => last.nextCursor ?? undefined,
    staleTime: 30_000,
  });
}

export function useUserWorks(handle: string) {
  return useInfiniteQuery({
    queryKey: workKeys.byUser(handle),
    queryFn: ({ pageParam }) =>
      apiPage<WorkCard>(
        `/users/${encodeURIComponent(handle)}/works?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<WorkCard>) => last.nextCursor ?? undefined,
  });
}

export function useWork(id: number, enabled = true) {
  return useQuery({ queryKey: workKeys.work(id), queryFn: () => api<WorkFull>(`/works/${id}`), enabled });
}

/** One chapter with its text and its neighbours' positions. */
export function useChapter(id: number, position: number | null) {
  return useQuery({
    queryKey: [...workKeys.chapters(id), 'one', position],
    queryFn: () => api<Chapter>(`/works/${id}/chapters/${position}`),
    enabled: position !== null,
  });
}

/** How many chapters the entire-work view reads at a time. */
export const CHAPTER_SLICE = 20;

/**
 * The entire work in slices of {@link CHAPTER_SLICE} chapters: a work of hundreds of long
 * chapters is never one response. Each slice starts where the previous one's last chapter says.
 */
export function useChapterSlices(id: number, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...workKeys.chapters(id), 'slices'],
    queryFn: ({ pageParam }) =>
      api<Chapter[]>(`/works/${id}/chapters?from=${pageParam}&limit=${CHAPTER_SLICE}`),
    initialPageParam: 1,
    getNextPageParam: (last: Chapter[]) => last[last.length - 1]?.next ?? undefined,
    enabled,
  });
}

function refresh(client: QueryClient, id: number) {
  return Promise.all([
    client.invalidateQueries({ queryKey: workKeys.work(id) }),
    client.invalidateQueries({ queryKey: workKeys.all }),
  ]);
}

export function useCreateWork() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: WorkInput) => api<WorkFull>('/works', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: workKeys.all }),
  });
}

/**
 * "Translate this" on a translation request: create the new work, then link it as a translation
 * of the original (which marks the open requests for its language fulfilled). When linking fails
 * the work still exists; the error says so and its editor can link it again.
 */
export function useCreateTranslation(originalId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: WorkInput) => {
      const work = await api<WorkFull>('/works', { method: 'POST', body: input });
      try {
        await api<Translation>(`/works/${originalId}/translations`, {
          method: 'POST',
          body: { workId: work.id },
        });
        return { work, linkError: null as unknown };
      } catch (linkError) {
        return { work, linkError };
      }
    },
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: workKeys.all }),
        client.invalidateQueries({ queryKey: workKeys.work(originalId) }),
        client.invalidateQueries({ queryKey: ['translation-requests'] }),
      ]),
  });
}

export function useUpdateWork(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<WorkInput>) =>
      api<WorkFull>(`/works/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (work) => {
      client.setQueryData(workKeys.work(id), work);
      return refresh(client, id);
    },
  });
}

export function useDeleteWork(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/works/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: workKeys.all }),
  });
}

export function useSaveChapter(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      position,
      input,
    }: {
      position: number | null;
      input: Partial<ChapterInput> & { position?: number };
    }) =>
      position === null
        ? api<Chapter>(`/works/${id}/chapters`, { method: 'POST', body: input })
        : api<Chapter>(`/works/${id}/chapters/${position}`, { method: 'PATCH', body: input }),
    onSuccess: () => refresh(client, id),
  });
}

export function useDeleteChapter(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (position: number) => api<void>(`/works/${id}/chapters/${position}`, { method: 'DELETE' }),
    onSuccess: () => refresh(client, id),
  });
}

export type Toggle = 'kudos' | 'subscribe' | 'bookmark';

/** PUT or DELETE /works/{id}/kudos · /subscribe · /bookmark. */
export function useToggle(id: number, what: Toggle) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ on, body }: { on: boolean; body?: unknown }) =>
      api<void>(`/works/${id}/${what}`, { method: on ? 'PUT' : 'DELETE', body: on ? body : undefined }),
    onSuccess: () => client.invalidateQueries({ queryKey: workKeys.work(id) }),
  });
}

export function savePosition(id: number, chapter: number, progress: number): Promise<void> {
  return api<void>(`/works/${id}/position`, { method: 'PUT', body: { chapter, progress } });
}

export function useAcceptInvitation(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<WorkFull>(`/works/${id}/coauthors/accept`, { method: 'POST' }),
    onSuccess: () => refresh(client, id),
  });
}

export interface Translation {
  work: WorkCard;
  translators: WorkCard['authors'];
  state: 'requested' | 'granted' | 'declined';
}

export function useTranslations(id: number) {
  return useQuery({
    queryKey: [...workKeys.work(id), 'translations'],
    queryFn: () => api<Translation[]>(`/works/${id}/translations`),
  });
}

/** The original's authors grant or decline; a translator links their work to an original. */
export function useDecideTranslation(originalId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ translationId, state }: { translationId: number; state: 'granted' | 'declined' }) =>
      api<Translation>(`/works/${originalId}/translations/${translationId}`, {
        method: 'PUT',
        body: { state },
      }),
    onSuccess: (translation) =>
      Promise.all([
        client.invalidateQueries({ queryKey: workKeys.work(originalId) }),
        client.invalidateQueries({ queryKey: workKeys.work(translation.work.id) }),
      ]),
  });
}

export function useLinkTranslation(translationId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (originalId: number) =>
      api<Translation>(`/works/${originalId}/translations`, {
        method: 'POST',
        body: { workId: translationId },
      }),
    onSuccess: () => refresh(client, translationId),
  });
}

/** PUT /works/{id}/rights: replaces the work's adaptation rights (its authors). */
export function usePutRights(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rights: Right[]) =>
      api<{ rights: Right[] }>(`/works/${id}/rights`, { method: 'PUT', body: { rights } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: workKeys.work(id) });
      await client.invalidateQueries({ queryKey: ['ip'] });
    },
  });
}

// ---- bookmarks --------------------------------------------------------------------------------

/** PUT /works/{id}/bookmark with a note, tags and privacy. */
export function useSaveBookmark(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BookmarkInput) => api<void>(`/works/${id}/bookmark`, { method: 'PUT', body: input }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: workKeys.work(id) });
      await client.invalidateQueries({ queryKey: ['me', 'bookmarks'] });
    },
  });
}

export function useWorkBookmarks(id: number, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: workKeys.bookmarks(id),
    queryFn: ({ pageParam }) =>
      apiPage<WorkBookmark>(
        `/works/${id}/bookmarks?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<WorkBookmark>) => last.nextCursor ?? undefined,
  });
}

// ---- series -----------------------------------------------------------------------------------

export function useSeries(id: number) {
  return useQuery({ queryKey: workKeys.series(id), queryFn: () => api<Series>(`/series/${id}`) });
}

export function useMySeries(enabled = true) {
  return useQuery({ queryKey: workKeys.mySeries, queryFn: () => api<SeriesRef[]>('/me/series'), enabled });
}

function refreshSeries(client: QueryClient) {
  return Promise.all([
    client.invalidateQueries({ queryKey: ['series'] }),
    client.invalidateQueries({ queryKey: ['work'] }),
  ]);
}

export function useCreateSeries() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { title: string; summary?: string }) =>
      api<Series>('/series', { method: 'POST', body: input }),
    onSuccess: () => refreshSeries(client),
  });
}

export function useUpdateSeries(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { title?: string; summary?: string }) =>
      api<Series>(`/series/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => refreshSeries(client),
  });
}

/** PUT or DELETE /series/{id}/works/{workId}. */
export function useSeriesWork() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ seriesId, workId, on }: { seriesId: number; workId: number; on: boolean }) =>
      api<Series | void>(`/series/${seriesId}/works/${workId}`, { method: on ? 'PUT' : 'DELETE' }),
    onSuccess: () => refreshSeries(client),
  });
}

export function useReorderSeries(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (workIds: number[]) =>
      api<Series>(`/series/${id}/order`, { method: 'PUT', body: { workIds } }),
    onSuccess: (series) => {
      client.setQueryData(workKeys.series(id), series);
      return refreshSeries(client);
    },
  });
}

export function useSubscribeSeries(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) => api<void>(`/series/${id}/subscribe`, { method: on ? 'PUT' : 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: workKeys.series(id) }),
  });
}

// ---- translation requests ---------------------------------------------------------------------

export function useTranslationRequests(language: WorkLanguage | '', workId?: number) {
  return useInfiniteQuery({
    queryKey: [...workKeys.requests(language), workId ?? null],
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '20' });
      if (language) params.set('language', language);
      if (workId) params.set('work', String(workId));
      if (pageParam) params.set('cursor', pageParam);
      return apiPage<TranslationRequest>(`/translation-requests?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<TranslationRequest>) => last.nextCursor ?? undefined,
  });
}

export function useRequestTranslation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { workId: number; language: WorkLanguage; note: string }) =>
      api<TranslationRequest>('/translation-requests', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['translation-requests'] }),
  });
}

// ---- co-authors and cover ---------------------------------------------------------------------

export function useWorkInvitations(enabled: boolean) {
  return useQuery({
    queryKey: workKeys.invitations,
    queryFn: () => api<WorkCard[]>('/me/work-invitations'),
    enabled,
    staleTime: 60_000,
  });
}

/** POST /works/{id}/coauthors/accept, or DELETE /works/{id}/coauthors/me to decline. */
export function useAnswerInvitation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ workId, accept }: { workId: number; accept: boolean }) =>
      accept
        ? api<WorkFull>(`/works/${workId}/coauthors/accept`, { method: 'POST' }).then(() => undefined)
        : api<void>(`/works/${workId}/coauthors/me`, { method: 'DELETE' }),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: workKeys.invitations }),
        client.invalidateQueries({ queryKey: ['work'] }),
      ]),
  });
}

export function useInviteCoauthor(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (handle: string) =>
      api<WorkFull>(`/works/${id}/coauthors`, { method: 'POST', body: { handle } }),
    onSuccess: (work) => {
      client.setQueryData(workKeys.work(id), work);
      return refresh(client, id);
    },
  });
}

export function useRemoveCoauthor(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (handle: string) =>
      api<void>(`/works/${id}/coauthors/${encodeURIComponent(handle)}`, { method: 'DELETE' }),
    onSuccess: () => refresh(client, id),
  });
}

/** PUT /works/{id}/cover (multipart, part `file`) or DELETE it. */
export function useWorkCover(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File | null) => {
      if (!file) return api<void>(`/works/${id}/cover`, { method: 'DELETE' });
      const form = new FormData();
      form.append('file', file, file.name);
      return api<{ coverUrl: string }>(`/works/${id}/cover`, { method: 'PUT', form }).then(() => undefined);
    },
    onSuccess: () => refresh(client, id),
  });
}
