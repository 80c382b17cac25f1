import { Button } from '@/components/Button';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { isFollowing, useFollowToggle, useMyFollowing, type Followable } from '../api/myFollowing';

/**
 * Follow or unfollow a board or a tag (what one follows feeds the home timeline). Shown to
 * signed-in readers only; the state comes from GET /me/following, shared by every page.
 */
export function FollowToggle({ target }: { target: Followable }) {
  const { t } = useI18n();
  const { user } = useSession();
  const following = useMyFollowing();
  const toggle = useFollowToggle(target);
  if (!user || following.isPending) return null;
  const on = isFollowing(following.data, target);
  return (
    <Button
      variant={on ? 'secondary' : 'ghost'}
      size="sm"
      aria-pressed={on}
      busy={toggle.isPending}
      onClick={() => toggle.mutate(!on)}
    >
      {on ? t('follow.following') : t('follow.follow')}
    </Button>
  );
}
