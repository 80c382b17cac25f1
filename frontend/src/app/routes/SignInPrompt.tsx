import { useLocation } from 'react-router';
import { ButtonLink } from '@/components/Button';
import { EmptyState } from '@/components/States';
import { useI18n } from '@/lib/i18n';

/** For pages that need an account: says so and signs in with the way back. */
export function SignInPrompt({ title }: { title: string }) {
  const { t } = useI18n();
  const { pathname, search } = useLocation();
  return (
    <EmptyState
      title={title}
      icon="⚿"
      action={
        <ButtonLink to={`/signin?next=${encodeURIComponent(pathname + search)}`} variant="primary">
          {t('nav.signIn')}
        </ButtonLink>
      }
    />
  );
}
