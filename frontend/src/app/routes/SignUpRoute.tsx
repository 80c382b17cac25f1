import { Navigate } from 'react-router';
import { Page } from '@/components/Page';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { SignUpForm } from '@/features/auth/components/SignUpForm';

export function SignUpRoute() {
  const { t } = useI18n();
  const { user } = useSession();
  if (user) return <Navigate to="/" replace />;
  return (
    <Page title={t('signUp.title')} lead={t('signUp.lead')} width="form">
      <SignUpForm />
    </Page>
  );
}
