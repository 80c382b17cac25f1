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
  'group_announcement',
  'verification',
  'moderation',
  'work',
  'coauthor_invitation',
  'translation_request',
  'kudos',
  'inquiry_received',
  'inquiry_message',
]);

const WORK_KINDS = new Set([
  'work',
  'coauthor_invitation',
  'translation_request',
  'translation_decision',
  'kudos',
]);

const INQUIRY_KINDS = new Set(['inquiry_received', 'inquiry_state', 'inquiry_message']);
const INQUIRY_STATES = new Set(['in_discussion', 'declined', 'agreed', 'withdrawn']);

const CONTENT_REMOVED = new Set(['hide', 'delete']);
const NO_ACTION = new Set(['dismiss', 'restore', 'approve']);

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** A moderation notification: a report's outcome or a sanction (reason and until). */
function describeModeration(n: Notification, t: Translate): string {
  const event = str(n.data.event);
  const reason = str(n.data.reason);
  const until = str(n.data.until).slice(0, 10);
  if (event === 'warned') return t('notifications.moderation.warned', { reason });
  if (event === 'silenced') {
    return until
      ? t('notifications.moderation.silenced', { until, reason })
      : t('notifications.moderation.silencedIndefinitely', { reason });
  }
  if (event === 'suspended') {
    return until
      ? t('notifications.moderation.suspended', { until, reason })
      : t('notifications.moderation.suspendedIndefinitely', { reason });
  }
  const action = str(n.data.action);
  if (event === 'report_resolved' && n.data.role === 'reporter') {
    return t(
      NO_ACTION.has(action)
        ? 'notifications.moderation.reportDismissed'
        : 'notifications.moderation.reportActed',
    );
  }
  if (event === 'report_resolved' && CONTENT_REMOVED.has(action)) {
    return t(
      action === 'hide'
        ? 'notifications.moderation.contentHidden'
        : 'notifications.moderation.contentDeleted',
    );
  }
  return t('notifications.kind.moderation');
}

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
  if (n.kind === 'moderation') return describeModeration(n, t);
  const work = str(n.data.title);
  if (n.kind === 'translation_decision') {
    return t(
      n.data.decision === 'granted'
        ? 'notifications.kind.translationGranted'
        : 'notifications.kind.translationDeclined',
      { who, work },
    );
  }
  if (n.kind === 'inquiry_state') {
    const state = str(n.data.state);
    return t(
      INQUIRY_STATES.has(state)
        ? (`notifications.kind.inquiry_state.${state}` as MessageKey)
        : 'notifications.kind.inquiry_state',
      { who, work },
    );
  }
  const kind = KNOWN.has(n.kind) ? n.kind : 'other';
  return t(`notifications.kind.${kind}` as MessageKey, { who, title, group, work });
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
  if (INQUIRY_KINDS.has(n.kind) && typeof n.data.inquiryId === 'number') {
    return `/inquiries/${n.data.inquiryId}`;
  }
  if (WORK_KINDS.has(n.kind) && typeof n.data.workId === 'number') return `/works/${n.data.workId}`;
  return '/notifications';
}
