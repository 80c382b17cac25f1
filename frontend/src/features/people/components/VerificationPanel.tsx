import { useMemo, useState } from 'react';
import { Alert } from '@/components/Alert';
import { Button } from '@/components/Button';
import { SelectField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { ErrorState, LoadingState } from '@/components/States';
import { listFieldErrors, useFormErrors } from '@/lib/forms';
import { useI18n } from '@/lib/i18n';
import { codePoints } from '@/lib/text';
import { fieldError } from '@/lib/validation';
import type { FieldError, VerificationKind, VerificationRequest } from '@/types/api';
import { useMyVerifications, useRequestVerification } from '../api/verifications';
import { isHttpUrl } from '../rules';
import './people.css';

const KINDS: readonly VerificationKind[] = ['scientist', 'industry'];
const EVIDENCE_MAX = 4000;

function RequestRow({ request }: { request: VerificationRequest }) {
  const { t, formatDate } = useI18n();
  return (
    <li className="verification-row">
      <p className="verification-row__head">
        <strong>{t(`verification.kind.${request.kind}`)}</strong>
        <span className={`state-chip state-chip--${request.state}`}>
          {t(`verification.state.${request.state}`)}
        </span>
        <span className="muted">{formatDate(request.createdAt)}</span>
      </p>
      <p className="verification-row__evidence">{request.evidence}</p>
      {request.decisionNote && (
        <p className="verification-row__note">
          {t('verification.note')} {request.decisionNote}
        </p>
      )}
    </li>
  );
}

/** Ask for a verified badge (kind, evidence, links) and see how earlier requests went. */
export function VerificationPanel() {
  const { t } = useI18n();
  const requests = useMyVerifications();
  const request = useRequestVerification();
  const failure = useMemo(() => listFieldErrors(request.error), [request.error]);
  const errors = useFormErrors({ error: failure, reset: request.reset }, ['kind', 'evidence', 'links']);
  const [kind, setKind] = useState<VerificationKind>('scientist');
  const [evidence, setEvidence] = useState('');
  const [links, setLinks] = useState('');

  const pendingKinds = new Set((requests.data ?? []).filter((r) => r.state === 'pending').map((r) => r.kind));

  const submit = () => {
    const list = links
      .split(/\s+/)
      .map((l) => l.trim())
      .filter(Boolean);
    const problems: FieldError[] = [];
    if (evidence.trim() === '') problems.push(fieldError('evidence', 'required'));
    else if (codePoints(evidence) > EVIDENCE_MAX) problems.push(fieldError('evidence', 'size'));
    if (list.length > 5) problems.push(fieldError('links', 'size'));
    else if (list.some((l) => !isHttpUrl(l))) problems.push(fieldError('links', 'url'));
    if (!errors.passes(problems)) return;
    request.mutate(
      { kind, evidence: evidence.trim(), links: list },
      {
        onSuccess: () => {
          setEvidence('');
          setLinks('');
        },
      },
    );
  };

  return (
    <div className="verification">
      {requests.isPending ? (
        <LoadingState />
      ) : requests.isError ? (
        <ErrorState error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.data.length > 0 ? (
        <ul className="verification-list" aria-label={t('verification.past')}>
          {requests.data.map((r) => (
            <RequestRow key={r.id} request={r} />
          ))}
        </ul>
      ) : null}

      <Form onSubmit={submit} failure={failure} aria-label={t('verification.formTitle')}>
        <SelectField
          label={t('verification.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as VerificationKind)}
          error={errors.field('kind')}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`verification.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        {pendingKinds.has(kind) && <Alert tone="info">{t('verification.pendingAlready')}</Alert>}
        <div className="field">
          <label className="field__label" htmlFor="verification-evidence">
            {t('verification.evidence')}
          </label>
          <textarea
            id="verification-evidence"
            className="field__control"
            rows={4}
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
            aria-invalid={errors.field('evidence') ? true : undefined}
          />
          {errors.field('evidence') && <p className="field__error">{errors.field('evidence')}</p>}
          <p className="field__hint">{t('verification.evidenceHint')}</p>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="verification-links">
            {t('verification.links')}
          </label>
          <textarea
            id="verification-links"
            className="field__control"
            rows={2}
            value={links}
            onChange={(e) => setLinks(e.target.value)}
            aria-invalid={errors.field('links') ? true : undefined}
          />
          {errors.field('links') && <p className="field__error">{errors.field('links')}</p>}
          <p className="field__hint">{t('verification.linksHint')}</p>
        </div>
        <FormError error={errors.form} />
        {request.isSuccess && <Alert tone="success">{t('verification.sent')}</Alert>}
        <FormActions>
          <Button type="submit" variant="primary" busy={request.isPending} disabled={pendingKinds.has(kind)}>
            {t('verification.submit')}
          </Button>
        </FormActions>
      </Form>
    </div>
  );
}
