import { Link } from 'react-router';
import { Alert } from '@/components/Alert';
import { Avatar } from '@/components/Avatar';
import { Badges } from '@/components/Badges';
import { CookedContent } from '@/components/CookedContent';
import { useI18n } from '@/lib/i18n';
import type { Group } from '@/types/api';
import { DisciplineList } from './GroupBits';
import './groups.css';

/** Description, disciplines and fields, the mix of members' disciplines, the owner. */
export function GroupAbout({ group }: { group: Group }) {
  const { t, formatDate, formatNumber } = useI18n();
  const mix = [...(group.disciplineMix ?? [])].sort((a, b) => b.count - a.count);
  const total = mix.reduce((n, m) => n + m.count, 0);
  return (
    <div className="group-about">
      {!group.permissions.canReadContent && (
        <Alert tone="info" title={t('group.membersOnlyTitle')}>
          {t('group.membersOnlyBody')}
        </Alert>
      )}
      {group.descriptionHtml ? (
        <CookedContent html={group.descriptionHtml} className="group-about__description" />
      ) : (
        <p className="muted">{t('group.noDescription')}</p>
      )}
      <dl className="group-facts">
        {(group.disciplines ?? []).length > 0 && (
          <div className="group-facts__row">
            <dt>{t('group.bridges')}</dt>
            <dd>
              <DisciplineList disciplines={group.disciplines} />
            </dd>
          </div>
        )}
        {(group.fields ?? []).length > 0 && (
          <div className="group-facts__row">
            <dt>{t('group.fields')}</dt>
            <dd>{(group.fields ?? []).join(' · ')}</dd>
          </div>
        )}
        {group.owner && (
          <div className="group-facts__row">
            <dt>{t('group.owner')}</dt>
            <dd className="group-facts__owner">
              <Avatar user={group.owner} size="sm" />
              <Link to={`/u/${encodeURIComponent(group.owner.handle)}`}>
                {group.owner.displayName || group.owner.handle}
              </Link>
              <Badges badges={group.owner.badges} />
            </dd>
          </div>
        )}
        <div className="group-facts__row">
          <dt>{t('group.created')}</dt>
          <dd>{formatDate(group.createdAt)}</dd>
        </div>
      </dl>
      {mix.length > 0 && total > 0 && (
        <section className="discipline-mix" aria-labelledby="discipline-mix-title">
          <h2 className="group-section-title" id="discipline-mix-title">
            {t('group.mixTitle')}
          </h2>
          <ul className="discipline-mix__list">
            {mix.map((m) => (
              <li key={m.discipline} className="discipline-mix__row">
                <span className="discipline-mix__label">{t(`discipline.${m.discipline}`)}</span>
                <span className="discipline-mix__bar" aria-hidden="true">
                  <span style={{ width: `${Math.round((m.count / total) * 100)}%` }} />
                </span>
                <span className="discipline-mix__n">{formatNumber(m.count)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
