import { Page } from '@/components/Page';
import { useI18n } from '@/lib/i18n';
import { HotTopics } from '@/features/feed/components/HomeFeed';
import { TopicRow } from '@/features/topics/components/TopicList';
import '@/features/topics/components/topics.css';

export function HotRoute() {
  const { t } = useI18n();
  return (
    <Page title={t('hot.title')} lead={t('hot.lead')} width="wide">
      <HotTopics
        renderTopics={(topics) => (
          <ul className="topic-list">
            {topics.map((topic) => (
              <TopicRow key={topic.id} topic={topic} showBoard />
            ))}
          </ul>
        )}
      />
    </Page>
  );
}
