import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/Alert';
import { ButtonLink } from '@/components/Button';
import { LoadingState } from '@/components/States';
import { useSession } from '@/lib/auth';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { useVerifyEmail } from '../api/verifyEmail';

/** Spends the token from the emailed link once and says how it went. */
export function VerifyEmail({ token }: { token: string | null }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { user } = useSession();
  const verification = useVerifyEmail();
  const { mutate } = verification;
  // A token works once: a second request (React's development double effects) would fail.
  const sent = useRef(false);

  useEffect(() => {
    if (token && !sent.current) {
      sent.current = true;
      mutate(token);
    }
  }, [token, mutate]);

  if (!token) {
    return (
      <Alert tone="error" title={t('verify.failed.title')}>
        <p>{t('verify.missingToken')}</p>
      </Alert>
    );
  }
  if (verification.isError) {
    return (
      <Alert tone="error" title={t('verify.failed.title')}>
        <p>{errorText.problem(verification.error)}</p>
        <p>
          {user ? (
            t('verify.failed.resendHint')
          ) : (
            <Link to="/signin">{t('verify.failed.signInToResend')}</Link>
          )}
        </p>
      </Alert>
    );
  }
  if (verification.isSuccess) {
    return (
      <Alert tone="success" title={t('verify.done.title')}>
        <p>{t('verify.done.body', { handle: verification.data.handle })}</p>
        <p>
          {user ? (
            <ButtonLink to="/" variant="primary" size="sm">
              {t('verify.done.home')}
            </ButtonLink>
          ) : (
            <ButtonLink to="/signin" variant="primary" size="sm">
              {t('verify.done.signIn')}
            </ButtonLink>
          )}
        </p>
      </Alert>
    );
  }
  return <LoadingState label={t('verify.pending')} />;
}
