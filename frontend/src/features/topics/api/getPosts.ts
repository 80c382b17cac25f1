import {
  infiniteQueryOptions,
  useInfiniteQuery,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Post, PostPage } from '@/types/api';
import { topicKeys, type PostView } from './keys';

const LIMIT = 20;

interface PageParam {
  cursor?: string;
  near?: number;
}

/**
 * GET /topics/{id}/posts: flat (post-number order, from `near` when jumping to a post) or
 * threaded (depth-first, `depth` set). Flat pages can load both ways.
 */
export async function getPosts(topicId: number, view: PostView, param: PageParam): Promise<PostPage> {
  const params = new URLSearchParams({ view, limit: String(LIMIT) });
  if (param.cursor) params.set('cursor', param.cursor);
  else if (param.near && view === 'flat') params.set('near', String(param.near));
  const page = await api<Partial<PostPage>>(`/topics/${topicId}/posts?${params}`);
  return {
    items: page.items ?? [],
    nextCursor: page.nextCursor ?? null,
    prevCursor: page.prevCursor ?? null,
  };
}

export const postsQuery = (topicId: number, view: PostView, near: number | null) =>
  infiniteQueryOptions({
    queryKey: topicKeys.postPages(topicId, view, near),
    queryFn: ({ pageParam }) => getPosts(topicId, view, pageParam),
    initialPageParam: (near && view === 'flat' ? { near } : {}) as PageParam,
    getNextPageParam: (last): PageParam | undefined =>
      last.nextCursor ? { cursor: last.nextCursor } : undefined,
    getPreviousPageParam: (first): PageParam | undefined =>
      first.prevCursor ? { cursor: first.prevCursor } : undefined,
    staleTime: 30_000,
  });

export function usePosts(topicId: number, view: PostView, near: number | null) {
  return useInfiniteQuery(postsQuery(topicId, view, near));
}

/** Changes one post wherever the topic's pages hold it (after a reaction, bookmark, edit). */
export function updateCachedPost(
  queryClient: QueryClient,
  topicId: number,
  postId: number,
  change: (post: Post) => Post,
) {
  queryClient.setQueriesData<InfiniteData<PostPage>>({ queryKey: topicKeys.posts(topicId) }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((p) => (p.id === postId ? change(p) : p)),
          })),
        }
      : data,
  );
}
