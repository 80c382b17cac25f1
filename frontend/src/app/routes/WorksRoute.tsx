import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { useI18n } from '@/lib/i18n';
import { WorksListing } from '@/features/works/components/WorksListing';

export function WorksRoute() {
  const { t } = useI18n();
  return (
    <Page
      title={t('works.title')}
      lead={t('works.lead')}
      width="wide"
      actions={<Link to="/translation-requests">{t('works.request.title')}</Link>}
    >
      <WorksListing />
    </Page>
  );
}
