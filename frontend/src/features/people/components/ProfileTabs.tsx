import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Avatar } from '@/components/Avatar';
import { Badges } from '@/components/Badges';
import { CookedContent } from '@/components/CookedContent';
import { PagedList } from '@/components/PagedList';
import { RelativeTime } from '@/components/RelativeTime';
import { EmptyState } from '@/components/States';
import { TabNav } from '@/components/Tabs';
import { isApiError } from '@/lib/api';
import { useI18n } from '@/lib/i18n';
import type { ActivityItem, FollowEntry, Profile } from '@/types/api';
import { useFollows } from '../api/getFollows';
import { useUserPosts } from '../api/getUserPosts';
import type { FollowList } from '../api/keys';
import './people.css';

export const PROFILE_TABS = ['activity', 'topics', 'works', 'followers', 'following', 'groups'] as const;
export type ProfileTab = (typeof PROFILE_TABS)[number];

/** The tab an address names (`/u/{handle}` is activity), or null for an unknown one. */
export function profileTab(segment: string | undefined): ProfileTab | null {
  if (segment === undefined || segment === '') return 'activity';
  return segment !== 'activity' && (PROFILE_TABS as readonly string[]).includes(segment)
    ? (segment as ProfileTab)
    : null;
}

export function profilePath(handle: string, tab: ProfileTab = 'activity'): string {
  const base = `/u/${encodeURIComponent(handle)}`;
  return tab === 'activity' ? base : `${base}/${tab}`;
}

/** Whether the caller may see a tab's list, by the flags the server sent with the profile. */
export function tabHidden(profile: Profile, tab: ProfileTab): boolean {
  if (tab === 'activity' || tab === 'topics' || tab === 'works') return profile.activityHidden === true;
  if (tab === 'followers' || tab === 'following') return profile.followersHidden === true;
  return false;
}

function HiddenState({ tab, profile }: { tab: ProfileTab; profile: Profile }) {
  const { t } = useI18n();
  const name = profile.displayName || profile.handle;
  const activity = tab !== 'followers' && tab !== 'following';
  return (
    <EmptyState title={t(activity ? 'profile.hidden.activity' : 'profile.hidden.followers')} icon="🔒︎">
      {t(activity ? 'profile.hidden.activityBody' : 'profile.hidden.followersBody', { name })}
    </EmptyState>
  );
}

/** A 403 from a list means the owner hides it (the profile may be older than a settings change). */
function hiddenOn403(tab: ProfileTab, profile: Profile) {
  return (error: unknown) =>
    isApiError(error) && error.status === 403 ? <HiddenState tab={tab} profile={profile} /> : null;
}

function ActivityRow({ item }: { item: ActivityItem }) {
  const { t } = useI18n();
  const post = item.post;
  const topic = item.topic ?? post.topic ?? null;
  const href = topic
    ? `/t/${encodeURIComponent(topic.slug)}/${topic.id}${post.postNumber > 1 ? `/${post.postNumber}` : ''}`
    : null;
  return (
    <li className="activity-row">
      <p className="activity-row__head">
        {href ? (
          <Link to={href} className="activity-row__topic">
            {topic?.title}
          </Link>
        ) : (
          <span className="activity-row__topic">
            {t('profile.activity.post', { number: post.postNumber })}
          </span>
        )}
        <RelativeTime iso={post.createdAt} className="muted activity-row__time" />
      </p>
      {post.excerpt ? (
        <p className="activity-row__excerpt">{post.excerpt}</p>
      ) : post.bodyHtml ? (
        <CookedContent html={post.bodyHtml} className="activity-row__body" />
      ) : null}
    </li>
  );
}

function Activity({ profile }: { profile: Profile }) {
  const { t } = useI18n();
  const posts = useUserPosts(profile.handle, true);
  return (
    <PagedList
      query={posts}
      label={t('profile.tab.activity')}
      className="activity-list"
      render={(item) => <ActivityRow key={item.post.id} item={item} />}
      failed={hiddenOn403('activity', profile)}
      empty={
        <EmptyState title={t('profile.empty.activity')} icon="✎">
          {t('profile.empty.activityBody', { name: profile.displayName || profile.handle })}
        </EmptyState>
      }
    />
  );
}

/** A person in a list: picture, name, handle and badges, with something on the right. */
export function PersonRow({
  user,
  meta,
  actions,
}: {
  user: FollowEntry['user'];
  meta?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <li className="person-row">
      <Avatar user={user} />
      <div className="person-row__main">
        <p className="person-row__name">
          <Link to={profilePath(user.handle)}>{user.displayName || user.handle}</Link>
          <span className="muted"> @{user.handle}</span>
          <Badges badges={user.badges} />
        </p>
        {meta && <p className="person-row__meta muted">{meta}</p>}
      </div>
      {actions && <div className="person-row__actions">{actions}</div>}
    </li>
  );
}

function Follows({ profile, list }: { profile: Profile; list: FollowList }) {
  const { t } = useI18n();
  const follows = useFollows(profile.handle, list, true);
  const name = profile.displayName || profile.handle;
  return (
    <PagedList
      query={follows}
      label={t(`profile.tab.${list}`)}
      className="person-list"
      render={(entry) => (
        <PersonRow
          key={entry.user.id}
          user={entry.user}
          meta={
            <>
              {t('profile.followedSince')} <RelativeTime iso={entry.followedAt} />
            </>
          }
        />
      )}
      failed={hiddenOn403(list, profile)}
      empty={
        <EmptyState
          title={t(list === 'followers' ? 'profile.empty.followers' : 'profile.empty.following', { name })}
          icon="☺"
        />
      }
    />
  );
}

/**
 * The tabs under a profile and the open one. Topics, works and groups come from other features,
 * so the route passes them in; lists the owner hides from the caller show why instead of loading.
 */
export function ProfileTabs({
  profile,
  tab,
  topics,
  works,
  groups,
}: {
  profile: Profile;
  tab: ProfileTab;
  topics: ReactNode;
  works: ReactNode;
  groups: ReactNode;
}) {
  const { t } = useI18n();
  // The counts stand in the header above; a tab only says when its list is closed to the caller.
  const tabs = PROFILE_TABS.map((key) => ({
    to: profilePath(profile.handle, key),
    label: t(`profile.tab.${key}`),
    extra: tabHidden(profile, key) ? '🔒︎' : null,
  }));

  let panel: ReactNode;
  if (tabHidden(profile, tab)) panel = <HiddenState tab={tab} profile={profile} />;
  else if (tab === 'activity') panel = <Activity profile={profile} />;
  else if (tab === 'topics') panel = topics;
  else if (tab === 'works') panel = works;
  else if (tab === 'groups') panel = groups;
  else panel = <Follows key={tab} profile={profile} list={tab} />;

  return (
    <div className="profile-tabs">
      <TabNav tabs={tabs} label={t('profile.tabsLabel')} />
      <section className="profile-tabs__panel" aria-label={t(`profile.tab.${tab}`)}>
        {panel}
      </section>
    </div>
  );
}
