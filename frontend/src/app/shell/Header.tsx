import * as Menu from '@radix-ui/react-dropdown-menu';
import { useId } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { Avatar } from '@/components/Avatar';
import { ButtonLink } from '@/components/Button';
import { useSession } from '@/lib/auth';
import { LOCALES, useI18n } from '@/lib/i18n';
import type { Locale, User } from '@/types/api';
import { useLogout } from '@/features/auth/api/logout';
import { InvitationsMenuSection, useInvitationCount } from '@/features/groups/components/InvitationsMenu';
import { WorkInvitationsMenuSection, useWorkInvitationCount } from '@/features/works/components/Coauthors';
import { useUpdateMe } from '@/features/settings/api/updateMe';
import { SuggestBox } from '@/features/search/components/SuggestBox';
import { NotificationsMenu } from '@/features/notifications/components/NotificationsMenu';
import './Header.css';

function Logo() {
  const { t } = useI18n();
  return (
    <Link to="/" className="logo" aria-label={t('app.home')}>
      <svg className="logo__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <path
          d="M3 23c5-9 21-9 26 0"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.4"
          strokeLinecap="round"
        />
        <path d="M16 3l1.8 4.2L22 9l-4.2 1.8L16 15l-1.8-4.2L10 9l4.2-1.8z" fill="currentColor" />
        <circle cx="5.5" cy="27" r="1.6" fill="currentColor" />
        <circle cx="26.5" cy="27" r="1.6" fill="currentColor" />
      </svg>
      <span className="logo__text">
        {t('app.nameZh')}
        <span className="logo__latin"> {t('app.nameEn')}</span>
      </span>
    </Link>
  );
}

function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  const { user } = useSession();
  const updateMe = useUpdateMe();

  const choose = (next: Locale) => {
    if (next === locale) return;
    setLocale(next);
    // Signed in, the choice belongs to the account: it follows the user to other devices and mails.
    if (user && user.locale !== next) updateMe.mutate({ locale: next });
  };

  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          className="lang-switch__option"
          aria-pressed={l === locale}
          aria-label={l === 'zh-CN' ? t('lang.zh') : t('lang.en')}
          lang={l}
          onClick={() => choose(l)}
        >
          {/* Phones get the short label; the accessible name stays the full one. */}
          <span className="lang-switch__long">{l === 'zh-CN' ? t('lang.zh') : t('lang.en')}</span>
          <span className="lang-switch__short" aria-hidden="true">
            {l === 'zh-CN' ? t('lang.zhShort') : t('lang.enShort')}
          </span>
        </button>
      ))}
    </div>
  );
}

/** A failed sign-out leaves the user signed in; there is nothing more to do with the error. */
function ignore() {}

function UserMenu({ user }: { user: User }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const logout = useLogout();
  const invitations = useInvitationCount(true) + useWorkInvitationCount(true);
  const countId = useId();

  return (
    <Menu.Root>
      <Menu.Trigger
        className="user-menu__trigger"
        aria-label={t('nav.accountMenu', { handle: user.handle })}
        aria-describedby={invitations > 0 ? countId : undefined}
      >
        <Avatar user={user} size="sm" />
        <span className="user-menu__handle">@{user.handle}</span>
        {invitations > 0 && (
          <span className="user-menu__count" aria-hidden="true">
            {invitations}
          </span>
        )}
        {invitations > 0 && (
          <span id={countId} className="visually-hidden">
            {t('nav.invitationsWaiting', { count: invitations })}
          </span>
        )}
        <span className="user-menu__caret" aria-hidden="true">
          ▾
        </span>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu" align="end" sideOffset={6}>
          <Menu.Label className="menu__label">
            <span className="menu__name">{user.displayName}</span>
            <span className="menu__handle">@{user.handle}</span>
          </Menu.Label>
          <Menu.Separator className="menu__separator" />
          <Menu.Item
            className="menu__item"
            onSelect={() => navigate(`/u/${encodeURIComponent(user.handle)}`)}
          >
            {t('nav.profile')}
          </Menu.Item>
          <Menu.Item className="menu__item" onSelect={() => navigate('/dashboard')}>
            {t('nav.dashboard')}
          </Menu.Item>
          <Menu.Item className="menu__item" onSelect={() => navigate('/me/bookmarks')}>
            {t('nav.bookmarks')}
          </Menu.Item>
          <Menu.Item className="menu__item" onSelect={() => navigate('/inquiries')}>
            {t('nav.inquiries')}
          </Menu.Item>
          <Menu.Item className="menu__item" onSelect={() => navigate('/settings')}>
            {t('nav.settings')}
          </Menu.Item>
          {(user.role === 'moderator' || user.role === 'admin') && (
            <>
              <Menu.Separator className="menu__separator" />
              <Menu.Item className="menu__item" onSelect={() => navigate('/mod/queue')}>
                {t('nav.modQueue')}
              </Menu.Item>
              <Menu.Item className="menu__item" onSelect={() => navigate('/mod/log')}>
                {t('nav.modLog')}
              </Menu.Item>
            </>
          )}
          {user.role === 'admin' && (
            <Menu.Item className="menu__item" onSelect={() => navigate('/admin/settings')}>
              {t('nav.siteSettings')}
            </Menu.Item>
          )}
          {/* Only a shortcut: the queue's API answers administrators only. */}
          {user.role === 'admin' && (
            <Menu.Item className="menu__item" onSelect={() => navigate('/admin/verifications')}>
              {t('nav.verificationQueue')}
            </Menu.Item>
          )}
          <InvitationsMenuSection onOpenGroup={(slug) => navigate(`/g/${encodeURIComponent(slug)}`)} />
          <WorkInvitationsMenuSection onOpenWork={(id) => navigate(`/works/${id}`)} />
          <Menu.Separator className="menu__separator" />
          <Menu.Item
            className="menu__item"
            disabled={logout.isPending}
            // Not mutate(…, { onSuccess }): signing out unmounts this menu before that would run.
            onSelect={() => void logout.mutateAsync().then(() => navigate('/'), ignore)}
          >
            {t('nav.signOut')}
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

function SessionArea() {
  const { t } = useI18n();
  const { user, isPending } = useSession();
  const { pathname, search } = useLocation();
  if (isPending) return <span className="session-placeholder" aria-hidden="true" />;
  if (user) {
    return (
      <>
        <NotificationsMenu />
        <UserMenu user={user} />
      </>
    );
  }
  const here =
    pathname === '/signin' || pathname === '/signup' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
  return (
    <div className="session-links">
      <ButtonLink to={`/signin${here}`} variant="ghost" size="sm">
        {t('nav.signIn')}
      </ButtonLink>
      <ButtonLink to="/signup" variant="primary" size="sm">
        {t('nav.signUp')}
      </ButtonLink>
    </div>
  );
}

export function Header() {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Logo />
        <nav className="site-nav" aria-label={t('nav.label')}>
          <NavLink to="/latest" className="site-nav__link">
            {t('nav.latest')}
          </NavLink>
          <NavLink to="/boards" className="site-nav__link">
            {t('nav.boards')}
          </NavLink>
          <NavLink to="/groups" className="site-nav__link">
            {t('nav.groups')}
          </NavLink>
          <NavLink to="/works" className="site-nav__link">
            {t('nav.works')}
          </NavLink>
          <NavLink to="/hot" className="site-nav__link">
            {t('nav.hot')}
          </NavLink>
        </nav>
        <SuggestBox />
        <div className="site-header__end">
          <LanguageSwitch />
          <SessionArea />
        </div>
      </div>
    </header>
  );
}
