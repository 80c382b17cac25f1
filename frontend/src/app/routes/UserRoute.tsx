import { useParams } from 'react-router';
import { Page } from '@/components/Page';
import { EmptyState } from '@/components/States';
import { useI18n } from '@/lib/i18n';

/** Where mentions link; profiles themselves come with the people feature. */
export function UserRoute() {
  const { t } = useI18n();
  const { handle = '' } = useParams();
  return (
    <Page title={`@${handle}`}>
      <EmptyState title={t('user.soon.title')} icon="☺">
        {t('user.soon.body', { handle })}
      </EmptyState>
    </Page>
  );
}
