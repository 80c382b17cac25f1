import type { ReactNode } from 'react';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { Button } from './Button';
import './States.css';

/** Shown while something loads; says so to screen readers. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useI18n();
  const text = label ?? t('common.loading');
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <span className="spinner__ring" aria-hidden="true" />
      <span>{text}</span>
    </div>
  );
}

export function EmptyState({
  title,
  children,
  action,
  icon = '✦',
}: {
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <div className="state state--empty">
      <span className="state__icon" aria-hidden="true">
        {icon}
      </span>
      <p className="state__title">{title}</p>
      {children && <div className="state__text">{children}</div>}
      {action && <div className="state__action">{action}</div>}
    </div>
  );
}

export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: ReactNode;
}) {
  const { t } = useI18n();
  const errors = useErrorText();
  return (
    <div className="state state--error" role="alert">
      <span className="state__icon" aria-hidden="true">
        ⚠
      </span>
      <p className="state__title">{title ?? t('common.errorTitle')}</p>
      <p className="state__text">{errors.problem(error)}</p>
      {onRetry && (
        <div className="state__action">
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        </div>
      )}
    </div>
  );
}
