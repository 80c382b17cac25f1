import { useState } from 'react';
import { Button } from '@/components/Button';
import { SelectField, TextField } from '@/components/Field';
import { Panel } from '@/components/Page';
import { RelativeTime } from '@/components/RelativeTime';
import { ErrorState, LoadingState } from '@/components/States';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { useModerationHistory, useStaffAction } from '../api/moderation';
import { untilFromDays } from '../rules';

/** Staff only: a member's history, and silence, suspend, lift and warn. */
export function UserModerationPanel({ handle }: { handle: string }) {
  const { t, formatDateTime } = useI18n();
  const errors = useErrorText();
  const history = useModerationHistory(handle, true);
  const staff = useStaffAction(handle);
  const [days, setDays] = useState<string>('');
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);

  if (history.isPending) return <LoadingState />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  const h = history.data;
  const chosen = days === '' ? String(h.suggestedDays) : days;

  const restrict = (kind: 'silence' | 'suspend' | 'warn') => {
    if (reason.trim() === '') {
      setMissingReason(true);
      return;
    }
    setMissingReason(false);
    if (kind === 'warn') staff.mutate({ kind, reason: reason.trim() }, { onSuccess: () => setReason('') });
    else
      staff.mutate(
        { kind, reason: reason.trim(), until: untilFromDays(chosen === 'forever' ? null : Number(chosen)) },
        { onSuccess: () => setReason('') },
      );
  };

  return (
    <Panel title={t('moderation.user.title')} id="moderation">
      <dl className="mod-facts">
        <dt>{t('moderation.user.status')}</dt>
        <dd data-testid="mod-status">
          {t(`moderation.status.${h.status}` as 'moderation.status.active')}
          {h.statusUntil && ` · ${t('moderation.user.until', { date: formatDateTime(h.statusUntil) })}`}
          {h.statusReason && ` · ${h.statusReason}`}
        </dd>
        <dt>{t('moderation.user.trustLevel')}</dt>
        <dd>TL{h.trustLevel}</dd>
        <dt>{t('moderation.user.reports')}</dt>
        <dd>{t('moderation.user.reportsValue', { against: h.reportsAgainst, agreed: h.reportsAgreed })}</dd>
        <dt>{t('moderation.user.penalties')}</dt>
        <dd>{h.penalties}</dd>
      </dl>

      <div className="mod-restrict">
        <SelectField
          label={t('moderation.user.duration')}
          hint={t('moderation.user.suggested', { days: h.suggestedDays })}
          value={chosen}
          onChange={(e) => setDays(e.target.value)}
        >
          {h.escalationDays.map((d) => (
            <option key={d} value={String(d)}>
              {t('moderation.user.days', { days: d })}
              {d === h.suggestedDays ? ` (${t('moderation.user.suggestedShort')})` : ''}
            </option>
          ))}
          <option value="forever">{t('moderation.user.forever')}</option>
        </SelectField>
        <TextField
          label={t('moderation.user.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={missingReason ? t('moderation.user.reasonRequired') : undefined}
        />
        <div className="mod-item__actions">
          <Button size="sm" disabled={staff.isPending} onClick={() => restrict('warn')}>
            {t('moderation.action.warn')}
          </Button>
          <Button size="sm" disabled={staff.isPending} onClick={() => restrict('silence')}>
            {t('moderation.action.silence')}
          </Button>
          <Button size="sm" variant="danger" disabled={staff.isPending} onClick={() => restrict('suspend')}>
            {t('moderation.action.suspend')}
          </Button>
          {h.status === 'silenced' && (
            <Button size="sm" disabled={staff.isPending} onClick={() => staff.mutate({ kind: 'unsilence' })}>
              {t('moderation.action.unsilence')}
            </Button>
          )}
          {h.status === 'suspended' && (
            <Button size="sm" disabled={staff.isPending} onClick={() => staff.mutate({ kind: 'unsuspend' })}>
              {t('moderation.action.unsuspend')}
            </Button>
          )}
        </div>
        {staff.isError && (
          <p className="field__error" role="alert">
            {errors.problem(staff.error)}
          </p>
        )}
      </div>

      <h3 className="mod-subtitle">{t('moderation.user.history')}</h3>
      {h.actions.length === 0 && h.warnings.length === 0 ? (
        <p>{t('moderation.user.noHistory')}</p>
      ) : (
        <ul className="mod-history">
          {h.actions.map((a) => (
            <li key={`a${a.id}`}>
              <code>{a.action}</code> · {a.actor ? `@${a.actor.handle}` : '—'} ·{' '}
              <RelativeTime iso={a.createdAt} />
              {a.reason && <span> — {a.reason}</span>}
            </li>
          ))}
          {h.warnings.map((w) => (
            <li key={`w${w.id}`}>
              <code>warning</code> · <RelativeTime iso={w.createdAt} /> — {w.reason}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
