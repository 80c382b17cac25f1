import { LoadingState } from '@/components/States';
import { useI18n, type MessageKey } from '@/lib/i18n';
import { usePreferences, useUpdatePreference } from '../api/notifications';

/** Per-kind switches: in the app, and by email for the kinds that may be mailed. */
export function PreferencesPanel() {
  const { t } = useI18n();
  const prefs = usePreferences();
  const update = useUpdatePreference();
  if (prefs.isPending) return <LoadingState />;
  if (prefs.isError) return null;
  return (
    <table className="prefs-table">
      <thead>
        <tr>
          <th scope="col">{t('notifications.prefs.kind')}</th>
          <th scope="col">{t('notifications.prefs.inApp')}</th>
          <th scope="col">{t('notifications.prefs.email')}</th>
        </tr>
      </thead>
      <tbody>
        {prefs.data.map((p) => (
          <tr key={p.kind}>
            <th scope="row">{t(`notifications.prefs.kind.${p.kind}` as MessageKey)}</th>
            <td>
              <input
                type="checkbox"
                checked={p.inApp}
                aria-label={`${t(`notifications.prefs.kind.${p.kind}` as MessageKey)} · ${t('notifications.prefs.inApp')}`}
                onChange={(e) => update.mutate({ kind: p.kind, inApp: e.target.checked })}
              />
            </td>
            <td>
              {p.emailAvailable ? (
                <input
                  type="checkbox"
                  checked={p.email}
                  aria-label={`${t(`notifications.prefs.kind.${p.kind}` as MessageKey)} · ${t('notifications.prefs.email')}`}
                  onChange={(e) => update.mutate({ kind: p.kind, email: e.target.checked })}
                />
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
