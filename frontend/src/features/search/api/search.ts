import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { BoardRef, UserCard } from '@/types/api';

export type SearchType = 'topic' | 'post' | 'user' | 'group' | 'work';
export type SearchSort = 'relevance' | 'newest';

export interface GroupRef {
  id: number;
  slug: string;
  name: string;
  visibility: string;
}

/** One hit. titleHtml and snippetHtml are escaped text whose only markup is <mark>. */
export interface SearchItem {
  type: SearchType;
  id: number;
  title: string;
  titleHtml: string;
  snippetHtml: string;
  url: string;
  author: UserCard | null;
  board: BoardRef | null;
  group: GroupRef | null;
  topic: { id: number; slug: string; title: string } | null;
  postNumber: number | null;
  tags: string[];
  createdAt: string | null;
}

export interface SearchPage {
  items: SearchItem[];
  total: number;
  /** False when there are more matches than were counted: total is then a lower bound. */
  totalExact: boolean;
  nextCursor: string | null;
  rebuilding: boolean;
}

export interface Suggestions {
  titles: { id: number; title: string; titleHtml: string; url: string }[];
  users: UserCard[];
  tags: { tag: string; count: number }[];
  groups: GroupRef[];
  /** Titles of works the caller may read (url /works/{id}). */
  works: { id: number; title: string; titleHtml: string; url: string }[];
  rebuilding: boolean;
}

/** The search form's state; it lives in the address (/search?q=…&type=…). */
export interface SearchParams {
  q: string;
  type: string;
  board: string;
  group: string;
  author: string;
  tag: string;
  from: string;
  to: string;
  sort: string;
}

export const PARAM_NAMES: (keyof SearchParams)[] = [
  'q',
  'type',
  'board',
  'group',
  'author',
  'tag',
  'from',
  'to',
  'sort',
];

export function readParams(params: URLSearchParams): SearchParams {
  const out = {} as SearchParams;
  for (const name of PARAM_NAMES) out[name] = params.get(name) ?? '';
  return out;
}

/** Only the parameters that are set, in a fixed order. */
export function toQueryString(p: SearchParams): string {
  const out = new URLSearchParams();
  for (const name of PARAM_NAMES) {
    const v = p[name].trim();
    if (v) out.set(name, v);
  }
  return out.toString();
}

export function hasCriteria(p: SearchParams): boolean {
  return PARAM_NAMES.some((n) => n !== 'sort' && p[n].trim() !== '');
}

/** GET /search: one page of hits the caller may read. */
export function search(p: SearchParams, cursor: string | null): Promise<SearchPage> {
  const qs = new URLSearchParams(toQueryString(p));
  qs.set('limit', '20');
  if (cursor) qs.set('cursor', cursor);
  return api<SearchPage>(`/search?${qs}`);
}

export const searchQuery = (p: SearchParams) =>
  infiniteQueryOptions({
    queryKey: ['search', toQueryString(p)],
    queryFn: ({ pageParam }) => search(p, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useSearch(p: SearchParams) {
  return useInfiniteQuery({ ...searchQuery(p), enabled: hasCriteria(p) });
}

/** GET /search/suggest: titles, people and tags completing what was typed. */
export function suggest(q: string): Promise<Suggestions> {
  return api<Suggestions>(`/search/suggest?q=${encodeURIComponent(q)}`);
}

export const suggestQuery = (q: string) =>
  queryOptions({ queryKey: ['search', 'suggest', q], queryFn: () => suggest(q), staleTime: 30_000 });

export function useSuggestions(q: string) {
  return useQuery({ ...suggestQuery(q), enabled: q.trim().length > 0, placeholderData: keepPreviousData });
}
