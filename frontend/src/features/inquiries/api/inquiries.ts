import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPage } from '@/lib/api';
import type { Medium } from '@/lib/rights';
import type { Page, UserCard } from '@/types/api';

export const INQUIRY_STATES = ['sent', 'in_discussion', 'declined', 'agreed', 'withdrawn'] as const;
export type InquiryState = (typeof INQUIRY_STATES)[number];
export type AgreedRightStatus = 'under_option' | 'licensed';
export type InquiryRole = 'inquirer' | 'author' | 'admin';

export interface InquiryMessage {
  id: number;
  author: UserCard;
  bodyHtml: string;
  createdAt: string;
}

export interface InquiryEvent {
  id: number;
  actor: UserCard;
  fromState: InquiryState;
  toState: InquiryState;
  rightStatus?: AgreedRightStatus | null;
  createdAt: string;
}

/** An inquiry; lists leave the thread fields out, GET /inquiries/{id} fills them. */
export interface Inquiry {
  id: number;
  work: { id: number; title: string };
  inquirer: UserCard;
  medium: Medium;
  language?: string | null;
  territory: string;
  term: string;
  state: InquiryState;
  rightStatus?: AgreedRightStatus | null;
  createdAt: string;
  updatedAt: string;
  role: InquiryRole;
  allowedTransitions?: InquiryState[] | null;
  canPostMessage?: boolean | null;
  messages?: InquiryMessage[] | null;
  events?: InquiryEvent[] | null;
}

export interface InquiryInput {
  medium: Medium;
  language?: string | null;
  territory: string;
  term: string;
  message: string;
}

export const inquiryKeys = {
  all: ['inquiries'] as const,
  mine: (role: 'sent' | 'received') => ['inquiries', 'mine', role] as const,
  one: (id: number) => ['inquiries', 'one', id] as const,
};

/** GET /me/inquiries?role=: the caller's inquiries, newest activity first. */
export function useMyInquiries(role: 'sent' | 'received') {
  return useInfiniteQuery({
    queryKey: inquiryKeys.mine(role),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ role, limit: '20' });
      if (pageParam) params.set('cursor', pageParam);
      return apiPage<Inquiry>(`/me/inquiries?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<Inquiry>) => last.nextCursor ?? undefined,
  });
}

/** The open states, listed first on the author dashboard. */
export const OPEN_STATES: InquiryState[] = ['sent', 'in_discussion'];

/**
 * GET /me/inquiries?role=received&state=…: inquiries about the caller's works in the given states
 * (all of them when `states` is empty), newest activity first. Its key starts with the "mine" key,
 * so every inquiry change refreshes it.
 */
export function useReceivedInquiries(states: readonly InquiryState[]) {
  const state = states.join(',');
  return useInfiniteQuery({
    queryKey: [...inquiryKeys.mine('received'), state] as const,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ role: 'received', limit: '20' });
      if (state) params.set('state', state);
      if (pageParam) params.set('cursor', pageParam);
      return apiPage<Inquiry>(`/me/inquiries?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last: Page<Inquiry>) => last.nextCursor ?? undefined,
  });
}

/** The author dashboard's key: GET /me/dashboard also counts the received inquiries per state. */
const DASHBOARD_KEY = ['me', 'dashboard'] as const;

/**
 * The received inquiries counted per state, from GET /me/dashboard's `inquiries` summary. Shares
 * the dashboard feature's query key (same endpoint, same payload), so the page fetches it once.
 */
export function useReceivedInquiryCounts() {
  return useQuery({
    queryKey: DASHBOARD_KEY,
    queryFn: () => api<{ inquiries: Record<InquiryState, number> }>('/me/dashboard'),
    select: (d) => d.inquiries,
  });
}

/** GET /inquiries/{id}: the thread. */
export function useInquiry(id: number) {
  return useQuery({ queryKey: inquiryKeys.one(id), queryFn: () => api<Inquiry>(`/inquiries/${id}`) });
}

/** POST /works/{id}/inquiries. */
export function useSendInquiry(workId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InquiryInput) =>
      api<Inquiry>(`/works/${workId}/inquiries`, { method: 'POST', body: input }),
    onSuccess: (inquiry) => {
      client.setQueryData(inquiryKeys.one(inquiry.id), inquiry);
      return client.invalidateQueries({ queryKey: ['inquiries', 'mine'] });
    },
  });
}

/** POST /inquiries/{id}/messages. */
export function usePostInquiryMessage(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      api<InquiryMessage>(`/inquiries/${id}/messages`, { method: 'POST', body: { body } }),
    onSuccess: () => client.invalidateQueries({ queryKey: inquiryKeys.all }),
  });
}

/** POST /inquiries/{id}/state; an agreement also changed the work's rights. */
export function useMoveInquiry(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { state: InquiryState; rightStatus?: AgreedRightStatus }) =>
      api<Inquiry>(`/inquiries/${id}/state`, { method: 'POST', body: input }),
    onSuccess: (inquiry) => {
      client.setQueryData(inquiryKeys.one(id), inquiry);
      void client.invalidateQueries({ queryKey: ['inquiries', 'mine'] });
      void client.invalidateQueries({ queryKey: DASHBOARD_KEY });
      return client.invalidateQueries({ queryKey: ['work', inquiry.work.id] });
    },
  });
}
