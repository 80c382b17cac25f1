import { useSearchParams } from 'react-router';
import { Page } from '@/components/Page';
import { useI18n } from '@/lib/i18n';
import { VerifyEmail } from '@/features/auth/components/VerifyEmail';

export function VerifyEmailRoute() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  return (
    <Page title={t('verify.title')} width="form">
      <VerifyEmail token={params.get('token')} />
    </Page>
  );
}
