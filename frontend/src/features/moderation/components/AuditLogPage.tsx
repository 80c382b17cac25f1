import { useState, type FormEvent } from 'react';
import { Button } from '@/components/Button';
import { TextField } from '@/components/Field';
import { Page } from '@/components/Page';
import { RelativeTime } from '@/components/RelativeTime';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useI18n } from '@/lib/i18n';
import { useAuditLog } from '../api/moderation';
import './moderation.css';

const EMPTY = { actor: '', action: '', target: '' };

/** The audit log with filters by staff member, action and target type. */
export function AuditLogPage() {
  const { t } = useI18n();
  const [draft, setDraft] = useState(EMPTY);
  const [filters, setFilters] = useState(EMPTY);
  const log = useAuditLog(filters);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters({
      actor: draft.actor.trim().replace(/^@/, ''),
      action: draft.action.trim(),
      target: draft.target.trim(),
    });
  };

  return (
    <Page title={t('moderation.log.title')} width="wide">
      <form className="mod-filters" onSubmit={apply} role="search">
        <TextField
          label={t('moderation.log.actor')}
          value={draft.actor}
          onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
        />
        <TextField
          label={t('moderation.log.action')}
          value={draft.action}
          placeholder="report.delete"
          onChange={(e) => setDraft({ ...draft, action: e.target.value })}
        />
        <TextField
          label={t('moderation.log.target')}
          value={draft.target}
          placeholder="post"
          onChange={(e) => setDraft({ ...draft, target: e.target.value })}
        />
        <Button type="submit" size="sm">
          {t('moderation.log.filter')}
        </Button>
      </form>
      {log.isPending ? (
        <LoadingState />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.items.length === 0 ? (
        <EmptyState title={t('moderation.log.empty')} />
      ) : (
        <table className="mod-table">
          <thead>
            <tr>
              <th scope="col">{t('moderation.log.when')}</th>
              <th scope="col">{t('moderation.log.actor')}</th>
              <th scope="col">{t('moderation.log.action')}</th>
              <th scope="col">{t('moderation.log.target')}</th>
              <th scope="col">{t('moderation.log.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {log.data.items.map((row) => (
              <tr key={row.id}>
                <td>
                  <RelativeTime iso={row.createdAt} />
                </td>
                <td>{row.actor ? `@${row.actor.handle}` : '—'}</td>
                <td>
                  <code>{row.action}</code>
                </td>
                <td>
                  {row.targetType}
                  {row.targetId != null && ` #${row.targetId}`}
                </td>
                <td>
                  {row.reason}
                  {(row.before || row.after) && (
                    <details>
                      <summary>{t('moderation.log.change')}</summary>
                      <pre className="mod-diff">{`- ${row.before ?? ''}\n+ ${row.after ?? ''}`}</pre>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
