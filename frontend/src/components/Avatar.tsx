import type { UserCard } from '@/types/api';
import './Avatar.css';

/** The initial of a person's name on a tinted disc (no uploaded avatars yet). */
export function Avatar({
  user,
  size = 'md',
}: {
  user: Pick<UserCard, 'handle' | 'displayName'>;
  size?: 'sm' | 'md';
}) {
  const initial = (user.displayName || user.handle).trim().charAt(0).toUpperCase() || '?';
  // A stable hue per handle, so people are easy to tell apart in a long thread.
  let hash = 0;
  for (const ch of user.handle) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return (
    <span className={`avatar avatar--${size}`} data-hue={hash % 8} aria-hidden="true">
      {initial}
    </span>
  );
}
