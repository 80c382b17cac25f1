import { useParams } from 'react-router';
import { Page } from '@/components/Page';
import { useI18n } from '@/lib/i18n';
import { FollowToggle } from '@/features/people/components/FollowToggle';
import { TopicList } from '@/features/topics/components/TopicList';

export function TagRoute() {
  const { t } = useI18n();
  const { tag = '' } = useParams();
  return (
    <Page
      title={`#${tag}`}
      lead={t('tag.lead', { tag })}
      width="wide"
      actions={<FollowToggle target={{ kind: 'tag', tag }} />}
    >
      <TopicList source={{ kind: 'tag', tag }} emptyTitle={t('tag.empty', { tag })} />
    </Page>
  );
}
