import { useParams } from 'react-router';
import { Page } from '@/components/Page';
import { EmptyState } from '@/components/States';
import { useI18n } from '@/lib/i18n';
import { UserWorks } from '@/features/works/components/WorksListing';

/** Where mentions link; profiles themselves come with the people feature; the works tab is here. */
export function UserRoute() {
  const { t } = useI18n();
  const { handle = '' } = useParams();
  return (
    <Page title={`@${handle}`}>
      <EmptyState title={t('user.soon.title')} icon="☺">
        {t('user.soon.body', { handle })}
      </EmptyState>
      <section aria-labelledby="user-works">
        <h2 id="user-works">{t('works.user.tab')}</h2>
        <UserWorks handle={handle} />
      </section>
    </Page>
  );
}
