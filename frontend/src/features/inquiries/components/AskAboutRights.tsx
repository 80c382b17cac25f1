import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/Button';
import { Dialog } from '@/components/Dialog';
import { SelectField, TextField } from '@/components/Field';
import { Form, FormError } from '@/components/Form';
import { useFormErrors } from '@/lib/forms';
import { useI18n } from '@/lib/i18n';
import type { Right } from '@/lib/rights';
import { fieldError, required } from '@/lib/validation';
import { useSendInquiry } from '../api/inquiries';
import '../inquiries.css';

export const INQUIRY_FIELD_MAX = 200;
export const INQUIRY_MESSAGE_MAX = 10_000;
const FIELDS = ['medium', 'language', 'territory', 'term', 'message'] as const;

const key = (r: Pick<Right, 'medium' | 'language'>) => (r.language ? `${r.medium}:${r.language}` : r.medium);

/**
 * "Ask about rights": a verified industry professional's inquiry about one available right of a
 * work. Shown when the server says so (`permissions.canInquire`); opens the thread once sent.
 */
export function AskAboutRights({ workId, rights }: { workId: number; rights: readonly Right[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const send = useSendInquiry(workId);
  const errors = useFormErrors(send, FIELDS);
  const available = rights.filter((r) => r.status === 'available');
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [right, setRight] = useState(available[0] ? key(available[0]) : '');
  const [territory, setTerritory] = useState('');
  const [term, setTerm] = useState('');
  const [message, setMessage] = useState('');
  if (available.length === 0) return null;

  const submit = () => {
    const tooLong = (field: string, value: string, max: number) =>
      [...value.trim()].length > max ? [fieldError(field, 'too_long')] : [];
    const ok = errors.passes([
      ...required('medium', right),
      ...required('territory', territory),
      ...tooLong('territory', territory, INQUIRY_FIELD_MAX),
      ...required('term', term),
      ...tooLong('term', term, INQUIRY_FIELD_MAX),
      ...required('message', message),
      ...tooLong('message', message, INQUIRY_MESSAGE_MAX),
    ]);
    if (!ok) return;
    const [medium, language] = right.split(':');
    const chosen = available.find((r) => r.medium === medium && (r.language ?? undefined) === language);
    if (!chosen) return;
    send.mutate(
      { medium: chosen.medium, language: chosen.language ?? null, territory, term, message },
      { onSuccess: (inquiry) => void navigate(`/inquiries/${inquiry.id}`) },
    );
  };

  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        {t('inquiries.ask')}
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={t('inquiries.ask.title')}
        description={t('inquiries.ask.lead')}
        actions={
          <Button type="submit" form={formId} variant="primary" busy={send.isPending}>
            {t('inquiries.ask.send')}
          </Button>
        }
      >
        <Form id={formId} onSubmit={submit} failure={send.error}>
          <SelectField
            label={t('inquiries.field.medium')}
            value={right}
            onChange={(e) => setRight(e.target.value)}
            error={errors.field('medium') ?? errors.field('language')}
          >
            {available.map((r) => (
              <option key={key(r)} value={key(r)}>
                {t(`ip.medium.${r.medium}`)}
                {r.language ? ` (${r.language})` : ''}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('inquiries.field.territory')}
            hint={t('inquiries.field.territoryHint')}
            value={territory}
            maxLength={INQUIRY_FIELD_MAX + 50}
            onChange={(e) => setTerritory(e.target.value)}
            error={errors.field('territory')}
          />
          <TextField
            label={t('inquiries.field.term')}
            hint={t('inquiries.field.termHint')}
            value={term}
            maxLength={INQUIRY_FIELD_MAX + 50}
            onChange={(e) => setTerm(e.target.value)}
            error={errors.field('term')}
          />
          <MessageField value={message} onChange={setMessage} error={errors.field('message')} />
          <FormError error={errors.form} />
        </Form>
      </Dialog>
    </>
  );
}

/** The Markdown message box of the inquiry form and the thread's composer. */
export function MessageField({
  value,
  onChange,
  error,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  label?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label ?? t('inquiries.field.message')}
      </label>
      <textarea
        id={id}
        className="field__control"
        rows={6}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
