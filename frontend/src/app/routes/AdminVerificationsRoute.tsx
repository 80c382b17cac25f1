import { Page } from '@/components/Page';
import { EmptyState, LoadingState } from '@/components/States';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { VerificationQueue } from '@/features/people/components/VerificationQueue';
import { SignInPrompt } from './SignInPrompt';

/** /admin/verifications: the queue of verification requests (the server answers only admins). */
export function AdminVerificationsRoute() {
  const { t } = useI18n();
  const { user, isPending } = useSession();
  if (isPending) return <LoadingState />;
  return (
    <Page title={t('verification.queueTitle')} lead={t('verification.queueLead')}>
      {!user ? (
        <SignInPrompt title={t('verification.queueSignIn')} />
      ) : user.role !== 'admin' ? (
        <EmptyState title={t('problem.forbidden')} icon="⊘" />
      ) : (
        <VerificationQueue />
      )}
    </Page>
  );
}
