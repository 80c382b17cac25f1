import type { MessageKey, Translate } from '@/lib/i18n';
import type { Notification } from '../api/types';

/** Who did it: "Ada", "Ada and Bo", "Ada and 3 others". */
export function actorsText(n: Pick<Notification, 'actors' | 'actorCount'>, t: Translate): string {
  const first = n.actors[0];
  if (!first) return t('notifications.someone');
  const name = first.displayName || first.handle;
  const others = Math.max(0, n.actorCount - 1);
  if (others === 0) return name;
  const second = n.actors[1];
  if (others === 1 && second) {
    return t('notifications.actors.two', { a: name, b: second.displayName || second.handle });
  }
  return t('notifications.actors.many', { a: name, count: others });
}

const KNOWN = new Set([
  'mention',
  'quote',
  'reply',
  'watching',
  'followed_topic',
  'reaction',
  'follow',
  'group_invitation',
  'group_join_request',
  'group_approved',
  'verification',
  'moderation',
  'work',
]);

/** The sentence of a notification, in the reader's language. */
export function describe(n: Notification, t: Translate): string {
  const who = actorsText(n, t);
  const title = n.topic?.title ?? '';
  const group = n.group?.name ?? '';
  if (n.kind === 'verification') {
    return t(
      n.data.decision === 'approve'
        ? 'notifications.kind.verificationApproved'
        : 'notifications.kind.verificationDeclined',
    );
  }
  const kind = KNOWN.has(n.kind) ? n.kind : 'other';
  return t(`notifications.kind.${kind}` as MessageKey, { who, title, group });
}

/** Where a notification leads. */
export function notificationHref(n: Notification): string {
  if (n.topic) {
    const base = `/t/${encodeURIComponent(n.topic.slug)}/${n.topic.id}`;
    return n.postNumber && n.postNumber > 1 ? `${base}/${n.postNumber}` : base;
  }
  if (n.kind === 'follow' && n.actors[0]) return `/u/${encodeURIComponent(n.actors[0].handle)}`;
  if (n.group) return `/groups/${encodeURIComponent(n.group.slug)}`;
  if (n.kind === 'verification') return '/settings';
  return '/notifications';
}
