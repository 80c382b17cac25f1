import { Link, Outlet } from 'react-router';
import { useI18n } from '@/lib/i18n';
import { VerifyEmailBanner } from '@/features/auth/components/VerifyEmailBanner';
import { AccountStatusBanner } from '@/features/moderation/components/AccountStatusBanner';
import { Header } from './Header';
import './AppShell.css';

export function AppShell() {
  const { t } = useI18n();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Header />
      <main id="main" className="app__main" tabIndex={-1}>
        <VerifyEmailBanner />
        <AccountStatusBanner />
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <p>
            <span>{t('app.name')}</span>
            <span aria-hidden="true"> · </span>
            <span>{t('footer.tagline')}</span>
          </p>
          <p>
            <Link to="/registry/verify">{t('footer.registry')}</Link>
            <span aria-hidden="true"> · </span>
            <Link to="/ip">{t('footer.ip')}</Link>
            <span aria-hidden="true"> · </span>
            <a href="/api/docs">{t('footer.apiDocs')}</a>
          </p>
        </div>
      </footer>
    </div>
  );
}
