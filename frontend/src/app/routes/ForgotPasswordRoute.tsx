import { Page } from '@/components/Page';
import { useI18n } from '@/lib/i18n';
import { ForgotPasswordForm } from '@/features/auth/components/ForgotPasswordForm';

export function ForgotPasswordRoute() {
  const { t } = useI18n();
  return (
    <Page title={t('forgot.title')} lead={t('forgot.lead')} width="form">
      <ForgotPasswordForm />
    </Page>
  );
}
