import type { ReactNode } from 'react';
import { Avatar } from '@/components/Avatar';
import { Badges } from '@/components/Badges';
import { CookedContent } from '@/components/CookedContent';
import { useI18n } from '@/lib/i18n';
import type { Profile } from '@/types/api';
import './people.css';

const ROLE_LABEL = { admin: 'post.role.admin', moderator: 'post.role.moderator' } as const;

/** Only http(s) links are shown as links (the server accepts no others; this is a second fence). */
function safeUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The top of a profile: cover, picture, name, badges, who they are, and the counts. */
export function ProfileHeader({ profile, actions }: { profile: Profile; actions?: ReactNode }) {
  const { t, locale, formatDate, formatNumber } = useI18n();
  const role = profile.role === 'admin' || profile.role === 'moderator' ? profile.role : null;
  const disciplines = profile.disciplines ?? [];
  const fields = profile.fields ?? [];
  const languages = profile.languages ?? [];
  const links = (profile.links ?? []).flatMap((l) => {
    const href = safeUrl(l.url);
    return href ? [{ ...l, href }] : [];
  });
  const c = profile.counts;

  return (
    <header className="profile-header">
      <div
        className={['profile-header__cover', profile.coverUrl && 'profile-header__cover--image']
          .filter(Boolean)
          .join(' ')}
        style={profile.coverUrl ? { backgroundImage: `url("${encodeURI(profile.coverUrl)}")` } : undefined}
        aria-hidden="true"
      />
      <div className="profile-header__top">
        <div className="profile-header__avatar">
          <Avatar user={profile} size="xl" />
        </div>
        <div className="profile-header__actions">{actions}</div>
      </div>
      <div className="profile-header__identity">
        <h1 className="profile-header__name">{profile.displayName || profile.handle}</h1>
        <p className="profile-header__handle">
          <span>@{profile.handle}</span>
          {role && <span className={`role-badge role-badge--${role}`}>{t(ROLE_LABEL[role])}</span>}
          <Badges badges={profile.badges} />
        </p>
      </div>

      {disciplines.length > 0 && (
        <ul className="profile-header__disciplines" aria-label={t('profile.disciplines')}>
          {disciplines.map((d) => (
            <li key={d} className="discipline-chip">
              {t(`discipline.${d}`)}
            </li>
          ))}
        </ul>
      )}

      {profile.bioHtml && <CookedContent html={profile.bioHtml} className="profile-header__bio" />}

      <dl className="profile-facts">
        {fields.length > 0 && (
          <div className="profile-facts__row">
            <dt>{t('profile.fields')}</dt>
            <dd>
              <ul className="field-chips">
                {fields.map((f) => (
                  <li key={f} className="field-chip">
                    {f}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        {profile.affiliation && (
          <div className="profile-facts__row">
            <dt>{t('profile.affiliation')}</dt>
            <dd>{profile.affiliation}</dd>
          </div>
        )}
        {profile.location && (
          <div className="profile-facts__row">
            <dt>{t('profile.location')}</dt>
            <dd>{profile.location}</dd>
          </div>
        )}
        {languages.length > 0 && (
          <div className="profile-facts__row">
            <dt>{t('profile.languages')}</dt>
            <dd>{languages.map((l) => languageName(l, locale)).join(' · ')}</dd>
          </div>
        )}
        {links.length > 0 && (
          <div className="profile-facts__row">
            <dt>{t('profile.links')}</dt>
            <dd>
              <ul className="profile-links">
                {links.map((l) => (
                  <li key={l.href}>
                    <a href={l.href} rel="nofollow ugc noopener noreferrer" target="_blank">
                      {l.label || new URL(l.href).host}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div className="profile-facts__row">
          <dt>{t('profile.joined')}</dt>
          <dd>{formatDate(profile.createdAt)}</dd>
        </div>
      </dl>

      <ul className="profile-counts" aria-label={t('profile.counts')}>
        {(
          [
            ['topics', c.topics],
            ['posts', c.posts],
            ['works', c.works],
            ['followers', c.followers],
            ['following', c.following],
            ['groups', c.groups],
          ] as const
        ).map(([key, n]) => (
          <li key={key} className="profile-counts__item" data-count={key}>
            <span className="profile-counts__n">{formatNumber(n ?? 0)}</span>
            <span className="profile-counts__label">{t(`profile.count.${key}`)}</span>
          </li>
        ))}
      </ul>
    </header>
  );
}
