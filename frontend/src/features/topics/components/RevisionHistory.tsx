import { useMemo } from 'react';
import { Avatar } from '@/components/Avatar';
import { Dialog } from '@/components/Dialog';
import { RelativeTime } from '@/components/RelativeTime';
import { ErrorState, LoadingState } from '@/components/States';
import { diffStats, diffText, type DiffPart } from '@/lib/diff';
import { useI18n } from '@/lib/i18n';
import type { Revision } from '@/types/api';
import { useRevisions } from '../api/getRevisions';

function DiffView({ parts }: { parts: DiffPart[] }) {
  const { t } = useI18n();
  return (
    <pre className="diff" aria-label={t('revisions.diffLabel')}>
      {parts.map((p, i) =>
        p.kind === 'added' ? (
          <ins key={i} className="diff__added">
            {p.text}
          </ins>
        ) : p.kind === 'removed' ? (
          <del key={i} className="diff__removed">
            {p.text}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </pre>
  );
}

function Version({ revision, previous }: { revision: Revision; previous: Revision | undefined }) {
  const { t, formatNumber } = useI18n();
  const parts = useMemo(
    () => (previous ? diffText(previous.body, revision.body) : null),
    [previous, revision.body],
  );
  const stats = parts ? diffStats(parts) : null;
  return (
    <li className="revision">
      <p className="revision__head">
        <span className="revision__version">{t('revisions.version', { version: revision.version })}</span>
        {revision.current && <span className="badge">{t('revisions.current')}</span>}
        <span className="revision__by">
          <Avatar user={revision.editor} size="sm" />@{revision.editor.handle}
        </span>
        <RelativeTime iso={revision.createdAt} className="muted" />
        {stats && (
          <span className="revision__stats">
            <span className="diff__added-count">+{formatNumber(stats.added)}</span>{' '}
            <span className="diff__removed-count">−{formatNumber(stats.removed)}</span>
          </span>
        )}
      </p>
      {revision.reason && (
        <p className="revision__reason">{t('revisions.reason', { reason: revision.reason })}</p>
      )}
      {parts ? <DiffView parts={parts} /> : <p className="muted">{t('revisions.original')}</p>}
    </li>
  );
}

/** Every version of a post, newest first, each as a word diff against the one before it. */
export function RevisionHistory({
  postId,
  postNumber,
  open,
  onOpenChange,
}: {
  postId: number;
  postNumber: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useI18n();
  const revisions = useRevisions(postId, open);
  const items = revisions.data?.items ?? [];
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={t('revisions.title', { number: postNumber })}
      description={t('revisions.description')}
      size="wide"
      closeLabel={t('common.close')}
    >
      {revisions.isPending ? (
        <LoadingState />
      ) : revisions.isError ? (
        <ErrorState error={revisions.error} onRetry={() => void revisions.refetch()} />
      ) : (
        <ol className="revisions">
          {items.map((r) => (
            <Version key={r.version} revision={r} previous={items.find((p) => p.version === r.version - 1)} />
          ))}
        </ol>
      )}
    </Dialog>
  );
}
