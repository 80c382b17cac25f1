import { useNavigate, useParams } from 'react-router';
import { ButtonLink } from '@/components/Button';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { WatchControl } from '@/components/WatchControl';
import { isApiError } from '@/lib/api';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useGroup } from '@/features/groups/api/getGroup';
import { GroupAbout } from '@/features/groups/components/GroupAbout';
import { GroupHeader, groupTab, visibleTabs } from '@/features/groups/components/GroupHeader';
import { GroupMembers } from '@/features/groups/components/GroupMembers';
import { GroupSettings } from '@/features/groups/components/GroupSettings';
import { MembershipButtons } from '@/features/groups/components/MembershipButtons';
import { TopicList } from '@/features/topics/components/TopicList';
import { NotFoundRoute } from './NotFoundRoute';
import './routes.css';

const GROUP_SORTS = ['latest', 'new', 'top'] as const;

/** /g/{slug}[/{tab}]: a group's about page, discussions, members and (for its managers) settings. */
export function GroupRoute() {
  const { t } = useI18n();
  const { slug = '', tab: segment } = useParams();
  const navigate = useNavigate();
  const { user } = useSession();
  const group = useGroup(slug);
  const tab = groupTab(segment);
  if (tab === null) return <NotFoundRoute />;
  if (group.isPending) return <LoadingState />;
  if (group.isError) {
    // A secret group does not exist for those outside it.
    if (isApiError(group.error) && group.error.status === 404) return <NotFoundRoute />;
    return <ErrorState error={group.error} onRetry={() => void group.refetch()} />;
  }
  const g = group.data;
  if (!visibleTabs(g).includes(tab)) return <NotFoundRoute />;
  const newTopic = `/g/${encodeURIComponent(g.slug)}/new`;
  const postAction = g.permissions.canPost ? (
    <ButtonLink to={newTopic} variant="primary">
      {t('board.newTopic')}
    </ButtonLink>
  ) : null;

  let panel;
  if (tab === 'about') panel = <GroupAbout group={g} />;
  else if (tab === 'members') panel = <GroupMembers group={g} selfHandle={user?.handle ?? null} />;
  else if (tab === 'settings') {
    panel = <GroupSettings group={g} onDeleted={() => navigate('/groups', { replace: true })} />;
  } else if (!g.permissions.canReadContent) {
    panel = (
      <EmptyState title={t('group.membersOnlyTitle')} icon="🔒︎">
        {t('group.membersOnlyBody')}
      </EmptyState>
    );
  } else {
    panel = (
      <>
        {postAction && <div className="group-discussions__bar">{postAction}</div>}
        <TopicList
          source={{ kind: 'group', slug: g.slug }}
          sorts={GROUP_SORTS}
          emptyTitle={t('group.noTopics')}
          emptyBody={t('group.noTopicsBody')}
          emptyAction={postAction}
        />
      </>
    );
  }

  return (
    <div className="group-page">
      <title>{`${g.name} · ${t('app.name')}`}</title>
      <GroupHeader
        group={g}
        actions={
          <>
            <MembershipButtons group={g} signedIn={user !== null} />
            {user && <WatchControl type="groups" id={g.slug} />}
          </>
        }
      />
      <div className="group-page__panel">{panel}</div>
    </div>
  );
}
