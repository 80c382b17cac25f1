import { Link } from 'react-router';
import { GroupAvatar } from '@/components/Avatar';
import { RelativeTime } from '@/components/RelativeTime';
import { useI18n } from '@/lib/i18n';
import type { Discipline, Group, GroupVisibility } from '@/types/api';
import './groups.css';

export const groupPagePath = (slug: string, tab?: string) =>
  `/g/${encodeURIComponent(slug)}${tab ? `/${tab}` : ''}`;

export function VisibilityChip({ visibility }: { visibility: GroupVisibility }) {
  const { t } = useI18n();
  return (
    <span
      className={`visibility-chip visibility-chip--${visibility}`}
      title={t(`group.visibility.${visibility}.hint`)}
    >
      {t(`group.visibility.${visibility}`)}
    </span>
  );
}

export function DisciplineList({ disciplines }: { disciplines: readonly Discipline[] | null | undefined }) {
  const { t } = useI18n();
  if (!disciplines || disciplines.length === 0) return null;
  return (
    <ul className="group-disciplines" aria-label={t('group.disciplines')}>
      {disciplines.map((d) => (
        <li key={d} className="discipline-chip">
          {t(`discipline.${d}`)}
        </li>
      ))}
    </ul>
  );
}

/** One group in the directory or on a profile. */
export function GroupCard({ group }: { group: Group }) {
  const { t, formatNumber } = useI18n();
  return (
    <li className="group-card">
      <GroupAvatar group={group} size="lg" />
      <div className="group-card__main">
        <h3 className="group-card__title">
          <Link to={groupPagePath(group.slug)} className="group-card__link">
            {group.name}
          </Link>
          <VisibilityChip visibility={group.visibility} />
          {group.membership?.state === 'active' && <span className="badge">{t('group.youAreMember')}</span>}
        </h3>
        <DisciplineList disciplines={group.disciplines} />
        {(group.fields ?? []).length > 0 && (
          <p className="group-card__fields muted">{(group.fields ?? []).join(' · ')}</p>
        )}
        <p className="group-card__stats muted">
          {t(group.memberCount === 1 ? 'group.members.one' : 'group.members', {
            count: formatNumber(group.memberCount),
          })}
          <span aria-hidden="true"> · </span>
          {t(group.topicCount === 1 ? 'boards.topics.one' : 'boards.topics', {
            count: formatNumber(group.topicCount),
          })}
          {group.lastActivityAt && (
            <>
              <span aria-hidden="true"> · </span>
              {t('group.active')} <RelativeTime iso={group.lastActivityAt} />
            </>
          )}
        </p>
      </div>
    </li>
  );
}
