import { Link } from 'react-router';
import { Button } from '@/components/Button';
import { ErrorState, LoadingState } from '@/components/States';
import { useI18n } from '@/lib/i18n';
import { useLiftIgnore, useMyIgnores } from '../api/myFollowing';
import './people.css';

/** The people the caller muted or blocked, each with a button to lift it. */
export function IgnoredPeoplePanel() {
  return (
    <div className="ignored-people">
      <IgnoreList kind="mutes" />
      <IgnoreList kind="blocks" />
    </div>
  );
}

function IgnoreList({ kind }: { kind: 'mutes' | 'blocks' }) {
  const { t } = useI18n();
  const list = useMyIgnores(kind);
  const lift = useLiftIgnore(kind);
  const title = kind === 'mutes' ? t('ignored.muted') : t('ignored.blocked');
  return (
    <section aria-label={title}>
      <h3 className="ignored-people__title">{title}</h3>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <p className="muted">{kind === 'mutes' ? t('ignored.noneMuted') : t('ignored.noneBlocked')}</p>
      ) : (
        <ul className="ignored-people__list">
          {list.data.items.map(({ user }) => (
            <li key={user.id}>
              <Link to={`/u/${encodeURIComponent(user.handle)}`}>{user.displayName}</Link>{' '}
              <span className="muted">@{user.handle}</span>{' '}
              <Button
                size="sm"
                variant="ghost"
                busy={lift.isPending && lift.variables === user.handle}
                onClick={() => lift.mutate(user.handle)}
              >
                {kind === 'mutes' ? t('profile.unmute') : t('profile.unblock')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
