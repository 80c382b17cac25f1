import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, ButtonLink } from '@/components/Button';
import { ReportDialog } from '@/components/ReportDialog';
import { ErrorState, LoadingState } from '@/components/States';
import { isApiError } from '@/lib/api';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { UserModerationPanel } from '@/features/moderation/components/UserModerationPanel';
import { UserGroupList } from '@/features/groups/components/UserGroupList';
import { useProfile } from '@/features/people/api/getProfile';
import { ProfileHeader } from '@/features/people/components/ProfileHeader';
import { ProfileTabs, profileTab } from '@/features/people/components/ProfileTabs';
import { RelationshipButtons } from '@/features/people/components/RelationshipButtons';
import { TopicList } from '@/features/topics/components/TopicList';
import { UserWorks } from '@/features/works/components/WorksListing';
import { NotFoundRoute } from './NotFoundRoute';

/** /u/{handle}[/{tab}]: a person's profile and, under it, their activity, works, follows and groups. */
export function UserRoute() {
  const { t } = useI18n();
  const { handle = '', tab: segment } = useParams();
  const { user } = useSession();
  const profile = useProfile(handle);
  const [reporting, setReporting] = useState(false);
  const tab = profileTab(segment);
  if (tab === null) return <NotFoundRoute />;
  if (profile.isPending) return <LoadingState />;
  if (profile.isError) {
    if (isApiError(profile.error) && profile.error.status === 404) return <NotFoundRoute />;
    return <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />;
  }
  const p = profile.data;
  const name = p.displayName || p.handle;
  const self = user?.id === p.id;
  const staff = user?.role === 'moderator' || user?.role === 'admin';
  return (
    <div className="profile-page">
      <title>{`${name} (@${p.handle}) · ${t('app.name')}`}</title>
      <ProfileHeader
        profile={p}
        actions={
          self ? (
            <ButtonLink to="/settings#settings-profile" variant="secondary">
              {t('profile.edit.open')}
            </ButtonLink>
          ) : (
            <>
              <RelationshipButtons profile={p} />
              {user && (
                <Button size="sm" variant="ghost" onClick={() => setReporting(true)}>
                  {t('moderation.report.user')}
                </Button>
              )}
            </>
          )
        }
      />
      <ProfileTabs
        profile={p}
        tab={tab}
        topics={
          <TopicList
            source={{ kind: 'user', handle: p.handle }}
            sortable={false}
            emptyTitle={t('profile.empty.topics')}
            emptyBody={t('profile.empty.topicsBody', { name })}
          />
        }
        works={<UserWorks handle={p.handle} />}
        groups={<UserGroupList handle={p.handle} name={name} />}
      />
      {staff && !self && <UserModerationPanel handle={p.handle} />}
      {user && !self && (
        <ReportDialog open={reporting} onOpenChange={setReporting} targetType="user" targetId={p.id} />
      )}
    </div>
  );
}
