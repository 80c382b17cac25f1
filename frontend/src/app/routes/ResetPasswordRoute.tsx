import { useSearchParams } from 'react-router';
import { Page } from '@/components/Page';
import { useI18n } from '@/lib/i18n';
import { ResetPasswordForm } from '@/features/auth/components/ResetPasswordForm';

export function ResetPasswordRoute() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  return (
    <Page title={t('reset.title')} lead={t('reset.lead')} width="form">
      <ResetPasswordForm token={params.get('token')} />
    </Page>
  );
}
