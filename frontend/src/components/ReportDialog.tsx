import { useState, type FormEvent } from 'react';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import { byField } from '@/lib/validation';
import { isApiError } from '@/lib/api';
import type { FieldError } from '@/types/api';
import { useMutation } from '@tanstack/react-query';
import {
  REPORT_NOTE_MAX,
  REPORT_REASONS,
  fileReport,
  parseOriginal,
  reportRules,
  type ReportReason,
  type ReportTargetType,
} from '@/lib/reports';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { TextField } from './Field';

/**
 * Report a post, topic, user or group: a reason, a note (required for "other"), the original for
 * copyright (an address, or a work or certificate on this site).
 */
export function ReportDialog({
  open,
  onOpenChange,
  targetType,
  targetId,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  targetType: ReportTargetType;
  targetId: number;
}) {
  const { t } = useI18n();
  const errors = useErrorText();
  const file = useMutation({ mutationFn: fileReport });
  const [reason, setReason] = useState<ReportReason | ''>('');
  const [note, setNote] = useState('');
  const [originalUrl, setOriginalUrl] = useState('');
  const [invalid, setInvalid] = useState<Record<string, FieldError>>({});

  const close = (next: boolean) => {
    onOpenChange(next);
    if (!next) {
      setReason('');
      setNote('');
      setOriginalUrl('');
      setInvalid({});
      file.reset();
    }
  };

  const fieldText = (name: string): string | undefined => {
    const e = invalid[name];
    if (e) return t(`moderation.report.error.${e.code}` as 'moderation.report.error.required');
    if (isApiError(file.error)) {
      // The original field stands for all three ways of naming it.
      const names = name === 'originalUrl' ? ['originalUrl', 'originalWorkId', 'originalEntryId'] : [name];
      const server = file.error.errors.find((x) => names.includes(x.field));
      if (server) return errors.field(server);
    }
    return undefined;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = byField(reportRules(reason, note, originalUrl));
    setInvalid(found);
    if (Object.keys(found).length > 0 || reason === '') return;
    file.mutate({
      targetType,
      targetId,
      reason,
      note: note.trim() || undefined,
      ...(reason === 'copyright' ? parseOriginal(originalUrl, window.location.origin) : {}),
    });
  };

  const formError =
    file.isError && !(isApiError(file.error) && file.error.errors.length > 0)
      ? errors.problem(file.error)
      : null;

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      title={t(`moderation.report.title.${targetType}`)}
      description={file.isSuccess ? undefined : t('moderation.report.description')}
      closeLabel={file.isSuccess ? t('common.close') : undefined}
      actions={
        file.isSuccess ? null : (
          <Button variant="danger" type="submit" form="report-form" busy={file.isPending}>
            {t('moderation.report.submit')}
          </Button>
        )
      }
    >
      {file.isSuccess ? (
        <p role="status">{t('moderation.report.thanks')}</p>
      ) : (
        <form id="report-form" className="report-form" onSubmit={submit} noValidate>
          <fieldset
            className="report-form__reasons"
            aria-describedby={invalid.reason ? 'report-reason-error' : undefined}
          >
            <legend className="field__label">{t('moderation.report.reason')}</legend>
            {REPORT_REASONS.map((r) => (
              <label key={r} className="report-form__reason">
                <input
                  type="radio"
                  name="reason"
                  value={r}
                  checked={reason === r}
                  onChange={() => setReason(r)}
                />
                <span>
                  <strong>{t(`moderation.reason.${r}`)}</strong>
                  <span className="field__hint"> {t(`moderation.reasonHint.${r}`)}</span>
                </span>
              </label>
            ))}
            {fieldText('reason') && (
              <p className="field__error" id="report-reason-error">
                {fieldText('reason')}
              </p>
            )}
          </fieldset>
          {reason === 'copyright' && (
            <TextField
              label={t('moderation.report.originalUrl')}
              hint={t('moderation.report.originalHint')}
              type="text"
              value={originalUrl}
              onChange={(e) => setOriginalUrl(e.target.value)}
              error={fieldText('originalUrl')}
              placeholder="https://"
            />
          )}
          <div className="field">
            <label className="field__label" htmlFor="report-note">
              {reason === 'other' ? t('moderation.report.noteRequired') : t('moderation.report.note')}
            </label>
            <textarea
              id="report-note"
              className="field__control"
              rows={3}
              value={note}
              maxLength={REPORT_NOTE_MAX + 100}
              aria-invalid={fieldText('note') ? true : undefined}
              onChange={(e) => setNote(e.target.value)}
            />
            {fieldText('note') && <p className="field__error">{fieldText('note')}</p>}
          </div>
          {formError && (
            <p className="field__error" role="alert">
              {formError}
            </p>
          )}
        </form>
      )}
    </Dialog>
  );
}
