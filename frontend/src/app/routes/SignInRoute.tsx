import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Page } from '@/components/Page';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { SignInForm } from '@/features/auth/components/SignInForm';
import { safeNext } from './safeNext';

export function SignInRoute() {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  if (user) return <Navigate to={next} replace />;
  return (
    <Page title={t('signIn.title')} lead={t('signIn.lead')} width="form">
      <SignInForm onSignedIn={() => navigate(next, { replace: true })} />
    </Page>
  );
}
