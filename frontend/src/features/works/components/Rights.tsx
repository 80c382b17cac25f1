import { useState } from 'react';
import { Alert } from '@/components/Alert';
import { Button } from '@/components/Button';
import { isApiError } from '@/lib/api';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { CONTACTS, MAX_TERMS, MEDIA, RIGHT_STATUSES, type Right } from '@/lib/rights';
import { usePutRights } from '../api/works';
import type { WorkFull } from '../api/types';

/** A work's adaptation rights, as readers and producers see them. */
export function RightsTable({ rights }: { rights: Right[] }) {
  const { t } = useI18n();
  if (rights.length === 0) return null;
  return (
    <table className="rights-table">
      <caption>{t('ip.rights.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('ip.rights.medium')}</th>
          <th scope="col">{t('ip.rights.status')}</th>
          <th scope="col">{t('ip.rights.terms')}</th>
          <th scope="col">{t('ip.rights.contact')}</th>
        </tr>
      </thead>
      <tbody>
        {rights.map((r) => (
          <tr key={`${r.medium}-${r.language ?? ''}`}>
            <th scope="row">
              {t(`ip.medium.${r.medium}`)}
              {r.language ? ` (${r.language})` : ''}
            </th>
            <td>{t(`ip.status.${r.status}`)}</td>
            <td>{r.terms ?? ''}</td>
            <td>{t(`ip.contact.${r.contact ?? 'platform'}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const blank = (): Right => ({
  medium: 'film_tv',
  status: 'available',
  terms: '',
  language: '',
  contact: 'platform',
});

/** The authors' editor: one row per medium (translation per language); saving replaces the set. */
export function RightsEditor({ work }: { work: WorkFull }) {
  const { t } = useI18n();
  const errors = useErrorText();
  const save = usePutRights(work.id);
  const [rows, setRows] = useState<Right[]>(() =>
    (work.rights ?? []).map((r) => ({ ...r, terms: r.terms ?? '', language: r.language ?? '' })),
  );
  const fieldError = (i: number, field: string) => {
    if (!isApiError(save.error)) return undefined;
    return errors.field(save.error.errors.find((e) => e.field === `rights[${i}].${field}`));
  };
  const update = (i: number, patch: Partial<Right>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <form
      className="rights-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          rows.map((r) => ({
            medium: r.medium,
            status: r.status,
            terms: r.terms ?? '',
            contact: r.contact ?? 'platform',
            language: r.medium === 'translation' ? (r.language ?? '') : null,
          })),
        );
      }}
    >
      <p>{t('ip.rights.editLead')}</p>
      {rows.map((r, i) => (
        <fieldset key={i} className="rights-editor__row">
          <legend>{t(`ip.medium.${r.medium}`)}</legend>
          <label>
            {t('ip.rights.medium')}{' '}
            <select
              value={r.medium}
              onChange={(e) => update(i, { medium: e.target.value as Right['medium'] })}
            >
              {MEDIA.map((m) => (
                <option key={m} value={m}>
                  {t(`ip.medium.${m}`)}
                </option>
              ))}
            </select>
          </label>
          {r.medium === 'translation' && (
            <label>
              {t('ip.rights.language')}{' '}
              <input value={r.language ?? ''} onChange={(e) => update(i, { language: e.target.value })} />
            </label>
          )}
          <label>
            {t('ip.rights.status')}{' '}
            <select
              value={r.status}
              onChange={(e) => update(i, { status: e.target.value as Right['status'] })}
            >
              {RIGHT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`ip.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('ip.rights.contact')}{' '}
            <select
              value={r.contact ?? 'platform'}
              onChange={(e) => update(i, { contact: e.target.value as Right['contact'] })}
            >
              {CONTACTS.map((c) => (
                <option key={c} value={c}>
                  {t(`ip.contact.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="rights-editor__terms">
            {t('ip.rights.terms')}
            <textarea
              value={r.terms ?? ''}
              maxLength={MAX_TERMS}
              onChange={(e) => update(i, { terms: e.target.value })}
            />
          </label>
          {['medium', 'language', 'status', 'contact', 'terms'].map((f) => {
            const message = fieldError(i, f);
            return message ? (
              <p key={f} className="field__error" role="alert">
                {message}
              </p>
            ) : null;
          })}
          <Button size="sm" variant="secondary" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            {t('ip.rights.remove')}
          </Button>
        </fieldset>
      ))}
      <Button type="button" onClick={() => setRows([...rows, blank()])}>
        {t('ip.rights.add')}
      </Button>{' '}
      <Button type="submit" variant="primary" busy={save.isPending}>
        {t('ip.rights.save')}
      </Button>
      {save.isError && <Alert tone="error">{errors.problem(save.error)}</Alert>}
      {save.isSuccess && <Alert tone="success">{t('ip.rights.saved')}</Alert>}
    </form>
  );
}
