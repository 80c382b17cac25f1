import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { refreshSession } from '@/lib/api';
import { API_BASE } from '@/lib/api/client';
import { setUnread } from './notifications';

interface LiveMessage {
  notification: unknown;
  unreadCount: number;
}

/**
 * Keeps the unread badge live: an EventSource on /notifications/stream. The browser reconnects by
 * itself after a dropped connection and sends Last-Event-ID, so the server replays what was missed;
 * when the server refused the stream (an expired session), the session is refreshed and the stream
 * opened again a little later.
 */
export function useNotificationStream(enabled: boolean) {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const onMessage = (e: MessageEvent<string>) => {
      try {
        const msg = JSON.parse(e.data) as LiveMessage;
        if (msg.unreadCount >= 0) setUnread(client, msg.unreadCount);
        if (msg.notification) {
          void client.invalidateQueries({ queryKey: ['notifications', 'list'] });
          // Something new happened: the home feed may have it too.
          void client.invalidateQueries({ queryKey: ['feed'] });
        }
      } catch {
        // not a message of ours
      }
    };
    const open = () => {
      if (stopped) return;
      source = new EventSource(`${API_BASE}/notifications/stream`, { withCredentials: true });
      source.addEventListener('unread', onMessage as EventListener);
      source.addEventListener('notification', onMessage as EventListener);
      source.onerror = () => {
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retry = setTimeout(() => {
            void refreshSession().finally(open);
          }, 5000);
        }
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [enabled, client]);
}
