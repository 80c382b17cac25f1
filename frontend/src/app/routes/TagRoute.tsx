import { useParams } from 'react-router';
import { Page } from '@/components/Page';
import { useI18n } from '@/lib/i18n';
import { TopicList } from '@/features/topics/components/TopicList';

export function TagRoute() {
  const { t } = useI18n();
  const { tag = '' } = useParams();
  return (
    <Page title={`#${tag}`} lead={t('tag.lead', { tag })} width="wide">
      <TopicList source={{ kind: 'tag', tag }} emptyTitle={t('tag.empty', { tag })} />
    </Page>
  );
}
