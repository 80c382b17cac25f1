import { Link } from 'react-router';
import { Avatar } from '@/components/Avatar';
import { RelativeTime } from '@/components/RelativeTime';
import { useI18n } from '@/lib/i18n';
import type { Notification } from '../api/types';
import { describe, notificationHref } from './describe';

export function NotificationItem({ n, onOpen }: { n: Notification; onOpen?: (n: Notification) => void }) {
  const { t } = useI18n();
  return (
    <li className={n.read ? 'notification' : 'notification notification--unread'} data-kind={n.kind}>
      <Link to={notificationHref(n)} className="notification__link" onClick={() => onOpen?.(n)}>
        {n.actors[0] && <Avatar user={n.actors[0]} size="sm" />}
        <span className="notification__text">{describe(n, t)}</span>
        <RelativeTime iso={n.updatedAt} className="notification__time" />
        {!n.read && <span className="visually-hidden">{t('notifications.unread')}</span>}
      </Link>
    </li>
  );
}
