import { ButtonLink } from '@/components/Button';
import { ErrorState } from '@/components/States';
import { useI18n } from '@/lib/i18n';
import { useRouteError } from 'react-router';

/** A page that threw while rendering: say so plainly and offer the way home. */
export function RouteError() {
  const { t } = useI18n();
  const error = useRouteError();
  return (
    <main className="app__main">
      <ErrorState error={error} title={t('common.errorTitle')} />
      <p className="route-error__home">
        <ButtonLink to="/">{t('notFound.home')}</ButtonLink>
      </p>
    </main>
  );
}
