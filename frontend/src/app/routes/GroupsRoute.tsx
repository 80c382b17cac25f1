import { ButtonLink } from '@/components/Button';
import { Page } from '@/components/Page';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { GroupDirectory } from '@/features/groups/components/GroupDirectory';
import './routes.css';

export function GroupsRoute() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <Page
      title={t('groups.title')}
      lead={t('groups.lead')}
      width="wide"
      heading={
        <span className="page__title-row">
          <span>{t('groups.title')}</span>
          <ButtonLink to={user ? '/groups/new' : '/signin?next=%2Fgroups%2Fnew'} variant="primary" size="sm">
            {t('groups.new')}
          </ButtonLink>
        </span>
      }
    >
      <GroupDirectory signedIn={user !== null} />
    </Page>
  );
}
