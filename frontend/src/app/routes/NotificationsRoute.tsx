import { ButtonLink } from '@/components/Button';
import { Page } from '@/components/Page';
import { EmptyState, LoadingState } from '@/components/States';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { NotificationsList } from '@/features/notifications/components/NotificationsPage';

export function NotificationsRoute() {
  const { t } = useI18n();
  const { user, isPending } = useSession();
  if (isPending) return <LoadingState />;
  return (
    <Page title={t('notifications.title')}>
      {user ? (
        <NotificationsList />
      ) : (
        <EmptyState
          title={t('notifications.signedOut')}
          action={
            <ButtonLink to="/signin?next=%2Fnotifications" variant="primary">
              {t('nav.signIn')}
            </ButtonLink>
          }
        />
      )}
    </Page>
  );
}
