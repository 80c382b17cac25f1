import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { GroupAvatar } from '@/components/Avatar';
import { TabNav } from '@/components/Tabs';
import { useI18n } from '@/lib/i18n';
import type { Group } from '@/types/api';
import { VisibilityChip, groupPagePath } from './GroupBits';
import './groups.css';

export const GROUP_TABS = ['about', 'discussions', 'members', 'settings'] as const;
export type GroupTab = (typeof GROUP_TABS)[number];

/** The tab an address names (`/g/{slug}` is about), or null for an unknown one. */
export function groupTab(segment: string | undefined): GroupTab | null {
  if (segment === undefined || segment === '') return 'about';
  return segment !== 'about' && (GROUP_TABS as readonly string[]).includes(segment)
    ? (segment as GroupTab)
    : null;
}

/** The tabs a caller sees: settings only for those who may edit or manage. */
export function visibleTabs(group: Group): GroupTab[] {
  const p = group.permissions;
  return GROUP_TABS.filter((tab) => tab !== 'settings' || p.canEdit || p.canDelete);
}

export function GroupHeader({ group, actions }: { group: Group; actions?: ReactNode }) {
  const { t, formatNumber } = useI18n();
  const tabs = visibleTabs(group).map((key) => ({
    to: groupPagePath(group.slug, key === 'about' ? undefined : key),
    label: t(`group.tab.${key}`),
    extra:
      key === 'discussions'
        ? formatNumber(group.topicCount)
        : key === 'members'
          ? formatNumber(group.memberCount)
          : null,
  }));
  return (
    <header className="group-header">
      <p className="group-header__crumbs">
        <Link to="/groups">{t('groups.title')}</Link>
      </p>
      <div className="group-header__top">
        <GroupAvatar group={group} size="xl" />
        <div className="group-header__identity">
          <h1 className="group-header__name">{group.name}</h1>
          <p className="group-header__meta">
            <VisibilityChip visibility={group.visibility} />
            <span className="muted">
              {t(group.memberCount === 1 ? 'group.members.one' : 'group.members', {
                count: formatNumber(group.memberCount),
              })}
            </span>
          </p>
        </div>
        <div className="group-header__actions">{actions}</div>
      </div>
      <TabNav tabs={tabs} label={t('group.tabsLabel')} />
    </header>
  );
}
