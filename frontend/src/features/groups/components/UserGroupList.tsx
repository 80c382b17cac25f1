import { PagedList } from '@/components/PagedList';
import { EmptyState } from '@/components/States';
import { useI18n } from '@/lib/i18n';
import { useUserGroups } from '../api/getUserGroups';
import { GroupCard } from './GroupBits';
import './groups.css';

/** The groups tab of a profile. */
export function UserGroupList({ handle, name }: { handle: string; name: string }) {
  const { t } = useI18n();
  const groups = useUserGroups(handle);
  return (
    <PagedList
      query={groups}
      className="group-list"
      label={t('profile.tab.groups')}
      render={(g) => <GroupCard key={g.id} group={g} />}
      empty={<EmptyState title={t('profile.empty.groups', { name })} icon="⁂" />}
    />
  );
}
