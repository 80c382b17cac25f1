import { Page } from '@/components/Page';
import { AskAboutRights } from '@/features/inquiries/components/AskAboutRights';
import { CatalogueView } from '@/features/ip/components/CatalogueView';
import type { WorkCard as Card } from '@/features/works/api/types';
import { RightsTable } from '@/features/works/components/Rights';
import { WorkCard } from '@/features/works/components/WorkCard';
import { useI18n } from '@/lib/i18n';

/** /ip — the IP catalogue: works open for adaptation, with facets. */
export function IpCatalogueRoute() {
  const { t } = useI18n();
  return (
    <Page title={t('ip.title')} lead={t('ip.lead')} width="wide">
      <CatalogueView
        renderItem={(item) => (
          <>
            <WorkCard work={item.work as Card} />
            <RightsTable rights={item.rights} />
            {item.canInquire && <AskAboutRights workId={item.work.id} rights={item.rights} />}
          </>
        )}
      />
    </Page>
  );
}
