import { useState } from 'react';
import { Button } from '@/components/Button';
import { PagedList } from '@/components/PagedList';
import { RelativeTime } from '@/components/RelativeTime';
import { EmptyState } from '@/components/States';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import type { VerificationRequest, VerificationState } from '@/types/api';
import { useDecideVerification, useVerificationQueue } from '../api/adminVerifications';
import { PersonRow } from './ProfileTabs';
import './people.css';

const STATES: readonly VerificationState[] = ['pending', 'approved', 'declined'];

function QueueItem({ request }: { request: VerificationRequest }) {
  const { t } = useI18n();
  const errors = useErrorText();
  const decide = useDecideVerification();
  const [note, setNote] = useState('');
  const noteId = `verification-note-${request.id}`;
  return (
    <li className="queue-item">
      {request.user && (
        <ul className="person-list person-list--bare">
          <PersonRow
            user={request.user}
            meta={
              <>
                {t(`verification.kind.${request.kind}`)} · <RelativeTime iso={request.createdAt} />
              </>
            }
          />
        </ul>
      )}
      <p className="queue-item__evidence">{request.evidence}</p>
      {(request.links ?? []).length > 0 && (
        <ul className="profile-links">
          {(request.links ?? []).map((l) => (
            <li key={l}>
              <a href={l} rel="nofollow noopener noreferrer" target="_blank">
                {l}
              </a>
            </li>
          ))}
        </ul>
      )}
      {request.state === 'pending' ? (
        <div className="queue-item__decide">
          <div className="field">
            <label className="field__label" htmlFor={noteId}>
              {t('verification.noteLabel')}
            </label>
            <input
              id={noteId}
              className="field__control"
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <div className="form__actions">
            <Button
              variant="primary"
              busy={decide.isPending && decide.variables?.decision === 'approve'}
              onClick={() => decide.mutate({ id: request.id, decision: 'approve', note })}
            >
              {t('verification.approve')}
            </Button>
            <Button
              variant="secondary"
              busy={decide.isPending && decide.variables?.decision === 'decline'}
              onClick={() => decide.mutate({ id: request.id, decision: 'decline', note })}
            >
              {t('verification.decline')}
            </Button>
          </div>
          {decide.isError && (
            <p className="field__error" role="alert">
              {errors.problem(decide.error)}
            </p>
          )}
        </div>
      ) : (
        <p className="muted">
          <span className={`state-chip state-chip--${request.state}`}>
            {t(`verification.state.${request.state}`)}
          </span>{' '}
          {request.decisionNote}
        </p>
      )}
    </li>
  );
}

/** The administrators' queue of verification requests, by state. */
export function VerificationQueue() {
  const { t } = useI18n();
  const [state, setState] = useState<VerificationState>('pending');
  const queue = useVerificationQueue(state);
  return (
    <div className="queue">
      <div className="segmented" role="group" aria-label={t('verification.queueFilter')}>
        {STATES.map((s) => (
          <button
            key={s}
            type="button"
            className="segmented__option"
            aria-pressed={state === s}
            onClick={() => setState(s)}
          >
            {t(`verification.state.${s}`)}
          </button>
        ))}
      </div>
      <PagedList
        query={queue}
        className="queue-list"
        label={t('verification.queueTitle')}
        render={(r) => <QueueItem key={r.id} request={r} />}
        empty={<EmptyState title={t('verification.queueEmpty')} icon="✓" />}
      />
    </div>
  );
}
