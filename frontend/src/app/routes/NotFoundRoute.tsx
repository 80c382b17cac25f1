import { ButtonLink } from '@/components/Button';
import { Page } from '@/components/Page';
import { EmptyState } from '@/components/States';
import { useI18n } from '@/lib/i18n';

export function NotFoundRoute() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <EmptyState
        title={t('notFound.body')}
        icon="✧"
        action={
          <ButtonLink to="/" variant="primary">
            {t('notFound.home')}
          </ButtonLink>
        }
      />
    </Page>
  );
}
