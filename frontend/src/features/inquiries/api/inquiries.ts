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
      return client.invalidateQueries({ queryKey: ['work', inquiry.work.id] });
    },
  });
}
