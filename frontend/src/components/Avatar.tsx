import type { UserCard } from '@/types/api';
import './Avatar.css';

type Size = 'sm' | 'md' | 'lg' | 'xl';

/** A stable hue per name, so people are easy to tell apart in a long thread. */
function hue(key: string): number {
  let hash = 0;
  for (const ch of key) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return hash % 8;
}

/** The uploaded picture, or the initial of the name on a tinted disc. Decorative: the name is beside it. */
export function Avatar({
  user,
  size = 'md',
}: {
  user: Pick<UserCard, 'handle' | 'displayName'> & { avatarUrl?: string | null };
  size?: Size;
}) {
  if (user.avatarUrl) {
    return (
      <img
        className={`avatar avatar--${size} avatar--img`}
        src={user.avatarUrl}
        alt=""
        loading="lazy"
        decoding="async"
      />
    );
  }
  const initial = (user.displayName || user.handle).trim().charAt(0).toUpperCase() || '?';
  return (
    <span className={`avatar avatar--${size}`} data-hue={hue(user.handle)} aria-hidden="true">
      {initial}
    </span>
  );
}

/** A group's picture, or its initial on a rounded square. */
export function GroupAvatar({
  group,
  size = 'md',
}: {
  group: { slug: string; name: string; avatarUrl?: string | null };
  size?: Size;
}) {
  if (group.avatarUrl) {
    return (
      <img
        className={`avatar avatar--${size} avatar--img avatar--square`}
        src={group.avatarUrl}
        alt=""
        loading="lazy"
        decoding="async"
      />
    );
  }
  const initial = group.name.trim().charAt(0).toUpperCase() || '#';
  return (
    <span className={`avatar avatar--${size} avatar--square`} data-hue={hue(group.slug)} aria-hidden="true">
      {initial}
    </span>
  );
}
