import { Page } from '@/components/Page';
import { useI18n } from '@/lib/i18n';
import { TranslationRequestList } from '@/features/works/components/TranslationRequests';

export function TranslationRequestsRoute() {
  const { t } = useI18n();
  return (
    <Page title={t('works.request.title')} lead={t('works.request.lead')}>
      <TranslationRequestList />
    </Page>
  );
}
