import {
  infiniteQueryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { NotificationPage, Preference } from './types';

export const notificationKeys = {
  all: () => ['notifications'] as const,
  list: (limit: number) => ['notifications', 'list', limit] as const,
  unread: () => ['notifications', 'unread'] as const,
  preferences: () => ['notifications', 'preferences'] as const,
};

export function getNotifications(limit: number, cursor: string | null): Promise<NotificationPage> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return api<NotificationPage>(`/notifications?${params}`);
}

export const notificationListQuery = (limit = 20) =>
  infiniteQueryOptions({
    queryKey: notificationKeys.list(limit),
    queryFn: ({ pageParam }) => getNotifications(limit, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useNotifications(limit = 20, enabled = true) {
  return useInfiniteQuery({ ...notificationListQuery(limit), enabled });
}

/** The unread count: seeded by the list, kept live by the stream. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: () => getNotifications(1, null).then((p) => p.unreadCount),
    enabled,
    staleTime: 60_000,
  });
}

export function setUnread(client: QueryClient, count: number) {
  client.setQueryData(notificationKeys.unread(), count);
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids: number[] } | { all: true }) =>
      api<{ updated: number; unreadCount: number }>('/notifications/read', { method: 'POST', body }),
    onSuccess: (r) => {
      setUnread(client, r.unreadCount);
      void client.invalidateQueries({ queryKey: ['notifications', 'list'] });
    },
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: () => api<{ items: Preference[] }>('/me/notification-preferences').then((r) => r.items),
  });
}

export function useUpdatePreference() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { kind: string; inApp?: boolean; email?: boolean }) =>
      api<{ items: Preference[] }>('/me/notification-preferences', {
        method: 'PUT',
        body: { items: [change] },
      }).then((r) => r.items),
    onSuccess: (items) => client.setQueryData(notificationKeys.preferences(), items),
  });
}
