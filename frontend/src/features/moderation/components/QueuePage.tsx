import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button } from '@/components/Button';
import { Page } from '@/components/Page';
import { RelativeTime } from '@/components/RelativeTime';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { useQueue, useResolve, type QueueItem, type ResolveAction } from '../api/moderation';
import { queueCommand } from '../keys';
import { CopyrightTimeline } from './CopyrightTimeline';
import './moderation.css';

/** Where a queue item's target is read. */
export function targetPath(item: QueueItem): string | null {
  if (item.topicId) return `/t/-/${item.topicId}${item.postNumber ? `/${item.postNumber}` : ''}`;
  if (item.targetType === 'user' && item.author) return `/u/${encodeURIComponent(item.author.handle)}`;
  if (item.targetType === 'work') return `/works/${item.targetId}`;
  return null;
}

const BUTTONS: { action: ResolveAction; key?: string; danger?: boolean }[] = [
  { action: 'dismiss', key: 'd' },
  { action: 'hide', key: 'h' },
  { action: 'delete', key: 'x', danger: true },
  { action: 'restore' },
  { action: 'approve' },
  { action: 'warn' },
];

/** The review queue: one item per reported target; keyboard-first. */
export function QueuePage() {
  const { t } = useI18n();
  const errors = useErrorText();
  const navigate = useNavigate();
  const queue = useQueue();
  const resolve = useResolve();
  const [index, setIndex] = useState(0);
  const [notes, setNotes] = useState<Record<number, string>>({});
  const items = queue.data?.items ?? [];
  const current = items[Math.min(index, items.length - 1)];
  const listRef = useRef<HTMLOListElement>(null);

  const act = (item: QueueItem, action: ResolveAction) => {
    const note = notes[item.reportId]?.trim();
    resolve.mutate({ reportId: item.reportId, action, note: note || undefined });
  };

  // Re-installed on each render so it always sees the current selection and notes.
  useEffect(() => {
    const listen = (e: KeyboardEvent) => {
      const command = queueCommand(e, Math.min(index, items.length - 1), items.length);
      if (!command || !current) return;
      e.preventDefault();
      if (command.type === 'move') setIndex(command.index);
      else if (command.type === 'open') {
        const path = targetPath(current);
        if (path) navigate(path);
      } else if (!resolve.isPending) act(current, command.action);
    };
    window.addEventListener('keydown', listen);
    return () => window.removeEventListener('keydown', listen);
  });

  useEffect(() => {
    listRef.current
      ?.querySelector<HTMLElement>('[aria-current="true"]')
      ?.scrollIntoView?.({ block: 'nearest' });
  }, [index]);

  return (
    <Page title={t('moderation.queue.title')} width="wide" lead={t('moderation.queue.lead')}>
      <p className="mod-help" aria-label={t('moderation.queue.shortcuts')}>
        {t('moderation.queue.help')}
      </p>
      {resolve.isError && (
        <p className="field__error" role="alert">
          {errors.problem(resolve.error)}
        </p>
      )}
      {queue.isPending ? (
        <LoadingState />
      ) : queue.isError ? (
        <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('moderation.queue.empty')} icon="✓" />
      ) : (
        <ol className="mod-queue" ref={listRef}>
          {items.map((item, i) => {
            const selected = item === current;
            const path = targetPath(item);
            return (
              <li
                key={`${item.targetType}-${item.targetId}-${item.kind}`}
                className={selected ? 'mod-item mod-item--selected' : 'mod-item'}
                aria-current={selected ? 'true' : undefined}
                data-testid="queue-item"
                onClick={() => setIndex(i)}
              >
                <div className="mod-item__head">
                  <span className="mod-item__kind">
                    {t(`moderation.target.${item.targetType}` as 'moderation.target.post')}
                    {item.kind === 'approval' && ` · ${t('moderation.queue.approval')}`}
                  </span>
                  <span className="mod-item__score">
                    {t('moderation.queue.score', {
                      score: item.score,
                      threshold: item.threshold,
                      reporters: item.reporterCount,
                    })}
                  </span>
                  {item.hidden && <span className="mod-badge">{t('moderation.queue.hidden')}</span>}
                </div>
                <p className="mod-item__title">
                  {path ? (
                    <Link to={path}>{item.title ?? `#${item.targetId}`}</Link>
                  ) : (
                    (item.title ?? `#${item.targetId}`)
                  )}
                  {item.author && <span className="mod-item__author"> · @{item.author.handle}</span>}
                </p>
                {item.excerpt && <blockquote className="mod-item__excerpt">{item.excerpt}</blockquote>}
                <ul className="mod-item__reports">
                  {item.reports.map((r) => (
                    <li key={r.id}>
                      <strong>{t(`moderation.reason.${r.reason}` as 'moderation.reason.spam')}</strong> · @
                      {r.reporter.handle} · <RelativeTime iso={r.createdAt} />
                      {r.note && <span> — {r.note}</span>}
                      {r.originalUrl && (
                        <>
                          {' '}
                          <a href={r.originalUrl} rel="noopener noreferrer nofollow" target="_blank">
                            {t('moderation.queue.original')}
                          </a>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
                {item.copyright && <CopyrightTimeline entries={item.copyright} reports={item.reports} />}
                <div className="field mod-item__note">
                  <label className="field__label" htmlFor={`note-${item.reportId}`}>
                    {t('moderation.queue.note')}
                  </label>
                  <input
                    id={`note-${item.reportId}`}
                    className="field__control"
                    value={notes[item.reportId] ?? ''}
                    onChange={(e) => setNotes({ ...notes, [item.reportId]: e.target.value })}
                  />
                </div>
                <div className="mod-item__actions">
                  {BUTTONS.map((b) => (
                    <Button
                      key={b.action}
                      size="sm"
                      variant={b.danger ? 'danger' : 'secondary'}
                      disabled={resolve.isPending}
                      onClick={() => act(item, b.action)}
                    >
                      {t(`moderation.action.${b.action}`)}
                      {b.key && <kbd className="mod-kbd">{b.key}</kbd>}
                    </Button>
                  ))}
                  {item.author && (
                    <Link
                      className="mod-item__user"
                      to={`/u/${encodeURIComponent(item.author.handle)}#moderation`}
                    >
                      {t('moderation.queue.authorPanel')}
                    </Link>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </Page>
  );
}
