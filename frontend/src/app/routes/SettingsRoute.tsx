import { useNavigate } from 'react-router';
import { ButtonLink } from '@/components/Button';
import { Page, Panel } from '@/components/Page';
import { EmptyState, LoadingState } from '@/components/States';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { IgnoredPeoplePanel } from '@/features/people/components/IgnoredPeoplePanel';
import { ImageSettings } from '@/features/people/components/ImageSettings';
import { PrivacyForm } from '@/features/people/components/PrivacyForm';
import { ProfileEditForm } from '@/features/people/components/ProfileEditForm';
import { VerificationPanel } from '@/features/people/components/VerificationPanel';
import { DeleteAccountPanel } from '@/features/settings/components/DeleteAccountPanel';
import { PasswordForm } from '@/features/settings/components/PasswordForm';
import { ProfileForm } from '@/features/settings/components/ProfileForm';
import { TokensPanel } from '@/features/settings/components/TokensPanel';
import { PreferencesPanel } from '@/features/notifications/components/PreferencesPanel';

export function SettingsRoute() {
  const { t } = useI18n();
  const { user, isPending } = useSession();
  const navigate = useNavigate();
  if (isPending) return <LoadingState />;
  // A page, not a redirect: signing out or deleting the account from here navigates home itself.
  if (!user) {
    return (
      <Page title={t('settings.title')}>
        <EmptyState
          title={t('settings.signedOut')}
          icon="⚿"
          action={
            <ButtonLink to="/signin?next=%2Fsettings" variant="primary">
              {t('nav.signIn')}
            </ButtonLink>
          }
        />
      </Page>
    );
  }
  return (
    <Page title={t('settings.title')} lead={t('settings.lead', { handle: user.handle })}>
      <Panel id="settings-account" title={t('settings.account.title')}>
        <ProfileForm user={user} />
      </Panel>
      <Panel
        id="settings-profile"
        title={t('settings.profile.title')}
        description={
          <ButtonLink to={`/u/${encodeURIComponent(user.handle)}`} variant="ghost" size="sm">
            {t('settings.profile.view')}
          </ButtonLink>
        }
      >
        <ProfileEditForm user={user} />
      </Panel>
      <Panel id="settings-pictures" title={t('settings.pictures.title')}>
        <ImageSettings user={user} />
      </Panel>
      <Panel id="settings-privacy" title={t('privacy.title')} description={t('privacy.description')}>
        <PrivacyForm user={user} />
      </Panel>
      <Panel id="settings-ignored" title={t('ignored.title')} description={t('ignored.description')}>
        <IgnoredPeoplePanel />
      </Panel>
      <Panel
        id="settings-verification"
        title={t('verification.title')}
        description={t('verification.description')}
      >
        <VerificationPanel />
      </Panel>
      <Panel
        id="settings-password"
        title={t('settings.password.title')}
        description={t('settings.password.description')}
      >
        <PasswordForm />
      </Panel>
      <Panel
        id="settings-notifications"
        title={t('notifications.prefs.title')}
        description={t('notifications.prefs.description')}
      >
        <PreferencesPanel />
      </Panel>
      <Panel id="settings-tokens" title={t('tokens.title')} description={t('tokens.description')}>
        <TokensPanel />
      </Panel>
      <Panel id="settings-delete" title={t('settings.delete.title')} tone="danger">
        <DeleteAccountPanel
          user={user}
          onDeleted={() => navigate('/', { replace: true, state: { notice: 'accountDeleted' } })}
        />
      </Panel>
    </Page>
  );
}
