import { Button } from '@/components/Button';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useI18n } from '@/lib/i18n';
import { useMarkRead, useNotifications } from '../api/notifications';
import { NotificationItem } from './NotificationItem';
import './notifications.css';

/** All notifications, newest first, paged. */
export function NotificationsList() {
  const { t } = useI18n();
  const list = useNotifications(30, true);
  const markRead = useMarkRead();
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  const unread = list.data.pages[0]?.unreadCount ?? 0;
  if (items.length === 0) return <EmptyState title={t('notifications.empty')} icon="🔔" />;
  return (
    <section aria-label={t('notifications.title')}>
      {unread > 0 && (
        <p>
          <Button variant="secondary" size="sm" onClick={() => markRead.mutate({ all: true })}>
            {t('notifications.markAllRead')}
          </Button>
        </p>
      )}
      <ul className="notification-list notification-list--page">
        {items.map((n) => (
          <NotificationItem key={n.id} n={n} onOpen={(x) => !x.read && markRead.mutate({ ids: [x.id] })} />
        ))}
      </ul>
      {list.hasNextPage && (
        <Button
          variant="secondary"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {t('notifications.more')}
        </Button>
      )}
    </section>
  );
}
