import * as Popover from '@radix-ui/react-popover';
import { Link } from 'react-router';
import { useI18n } from '@/lib/i18n';
import { useMarkRead, useNotifications, useUnreadCount } from '../api/notifications';
import { useNotificationStream } from '../api/useNotificationStream';
import { NotificationItem } from './NotificationItem';
import './notifications.css';

/** The header's bell: a live unread badge and the latest notifications. */
export function NotificationsMenu() {
  const { t, formatNumber } = useI18n();
  useNotificationStream(true);
  const unread = useUnreadCount(true);
  const count = unread.data ?? 0;
  const list = useNotifications(8, true);
  const markRead = useMarkRead();
  const items = list.data?.pages[0]?.items ?? [];
  return (
    <Popover.Root>
      <Popover.Trigger
        className="notifications-bell"
        aria-label={count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell')}
        data-testid="notifications-bell"
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="notifications-bell__icon">
          <path
            d="M10 2a5 5 0 0 0-5 5v3l-1.5 3h13L15 10V7a5 5 0 0 0-5-5zm-2 13a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinejoin="round"
          />
        </svg>
        {count > 0 && (
          <span className="notifications-bell__badge" data-testid="notifications-badge">
            {count > 99 ? '99+' : formatNumber(count)}
          </span>
        )}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content className="notifications-pop" align="end" sideOffset={6}>
          <div className="notifications-pop__head">
            <strong>{t('notifications.title')}</strong>
            {count > 0 && (
              <button type="button" className="link-button" onClick={() => markRead.mutate({ all: true })}>
                {t('notifications.markAllRead')}
              </button>
            )}
          </div>
          {items.length === 0 ? (
            <p className="notifications-pop__empty">{t('notifications.empty')}</p>
          ) : (
            <ul className="notification-list">
              {items.map((n) => (
                <NotificationItem
                  key={n.id}
                  n={n}
                  onOpen={(x) => !x.read && markRead.mutate({ ids: [x.id] })}
                />
              ))}
            </ul>
          )}
          <Popover.Close asChild>
            <Link to="/notifications" className="notifications-pop__all">
              {t('notifications.seeAll')}
            </Link>
          </Popover.Close>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
