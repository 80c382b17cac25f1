import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { Right } from '@/lib/rights';

export const FACETS = [
  'medium',
  'type',
  'genre',
  'language',
  'length',
  'rating',
  'status',
  'popularity',
] as const;

export type FacetName = (typeof FACETS)[number];

export interface FacetValue {
  value: string;
  count: number;
}

/** A work card as GET /works lists it; the catalogue only needs its id, app/ renders the card. */
export interface CatalogueItem<W extends { id: number } = { id: number }> {
  work: W;
  rights: Right[];
  /** The caller may send an adaptation inquiry about this work (the inquiries feature's button). */
  canInquire?: boolean;
}

export interface CatalogueResult {
  items: CatalogueItem[];
  nextCursor: string | null;
  total: number;
  facets: Record<FacetName, FacetValue[]>;
  /** The search index is rebuilding: answered from the database, q matching titles only. */
  rebuilding: boolean;
}

/** '' lets the server choose: relevance when q has words, else popular. */
export type CatalogueSort = '' | 'relevance' | 'popular' | 'new';

export type CatalogueFilters = Record<FacetName, string[]> & { q: string; sort: CatalogueSort };

const SORTS: CatalogueSort[] = ['relevance', 'popular', 'new'];

export const emptyFilters: CatalogueFilters = {
  medium: [],
  type: [],
  genre: [],
  language: [],
  length: [],
  rating: [],
  status: [],
  popularity: [],
  q: '',
  sort: '',
};

/** The query string of GET /ip/catalogue: each checked facet value repeated, empty ones left out. */
export function catalogueQuery(filters: CatalogueFilters, cursor: string | null = null): string {
  const params = new URLSearchParams();
  for (const facet of FACETS) for (const value of filters[facet]) params.append(facet, value);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.sort) params.set('sort', filters.sort);
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** Reads the filters back from the page's own query string (the same names). */
export function filtersFrom(search: URLSearchParams): CatalogueFilters {
  const out: CatalogueFilters = { ...emptyFilters, q: search.get('q') ?? '' };
  for (const facet of FACETS) out[facet] = search.getAll(facet);
  const sort = search.get('sort') as CatalogueSort | null;
  out.sort = sort && SORTS.includes(sort) ? sort : '';
  return out;
}

export function useCatalogue(filters: CatalogueFilters, cursor: string | null) {
  return useQuery({
    queryKey: ['ip', 'catalogue', filters, cursor],
    queryFn: () => api<CatalogueResult>(`/ip/catalogue?${catalogueQuery(filters, cursor)}`),
    placeholderData: (previous) => previous,
  });
}
