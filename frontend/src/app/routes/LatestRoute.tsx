import { Page } from '@/components/Page';
import { useI18n } from '@/lib/i18n';
import { TopicList } from '@/features/topics/components/TopicList';

export function LatestRoute() {
  const { t } = useI18n();
  return (
    <Page title={t('latest.title')} lead={t('latest.lead')} width="wide">
      <TopicList source={{ kind: 'all' }} />
    </Page>
  );
}
