import { useQueryClient } from '@tanstack/react-query';
import { Alert } from '@/components/Alert';
import { Button } from '@/components/Button';
import { ProblemType, isApiError } from '@/lib/api';
import { meQueryKey, useSession } from '@/lib/auth';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { useResendVerification } from '../api/resendVerification';
import './auth.css';

/** Reminds a signed-in user with an unverified email, and sends a fresh link on request. */
export function VerifyEmailBanner() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const resend = useResendVerification();

  if (!user || user.emailVerified || !user.email) return null;

  const send = () =>
    resend.mutate(undefined, {
      onError: (error) => {
        // Verified in another tab meanwhile: fetch the account again and the banner goes.
        if (isApiError(error) && error.is(ProblemType.conflict)) {
          void queryClient.invalidateQueries({ queryKey: meQueryKey, exact: true });
        }
      },
    });

  return (
    <div className="verify-banner">
      <Alert
        tone={resend.isError ? 'error' : resend.isSuccess ? 'success' : 'warning'}
        title={resend.isSuccess ? t('banner.verify.sent.title') : t('banner.verify.title')}
        action={
          !resend.isSuccess && (
            <Button size="sm" variant="secondary" busy={resend.isPending} onClick={send}>
              {t('banner.verify.resend')}
            </Button>
          )
        }
      >
        <p>
          {resend.isError
            ? errorText.problem(resend.error)
            : resend.isSuccess
              ? t('banner.verify.sent.body', { email: user.email })
              : t('banner.verify.body', { email: user.email })}
        </p>
      </Alert>
    </div>
  );
}
