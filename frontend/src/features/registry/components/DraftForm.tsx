import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '@/components/Button';
import { Form, FormActions, FormError } from '@/components/Form';
import { useI18n } from '@/lib/i18n';
import { useRegisterDraft } from '../api/registerDraft';
import './registry.css';

/** A signed-in writer registers a draft by its hashes, then lands on the certificate. */
export function DraftForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const register = useRegisterDraft();
  const submit = () => {
    if (text.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    register.mutate(text, {
      onSuccess: (certificate) => {
        void navigate(`/registry/entries/${certificate.id}`);
      },
    });
  };
  return (
    <Form onSubmit={submit} failure={register.error}>
      <div className="field">
        <label className="field__label" htmlFor="registry-draft-text">
          {t('registry.draft.label')}
        </label>
        <textarea
          id="registry-draft-text"
          className="field__control registry-textarea"
          value={text}
          aria-invalid={missing ? true : undefined}
          aria-describedby="registry-draft-hint"
          onChange={(e) => setText(e.target.value)}
        />
        {missing && <p className="field__error">{t('registry.draft.required')}</p>}
        <p className="field__hint" id="registry-draft-hint">
          {t('registry.draft.hint')}
        </p>
      </div>
      <FormError error={register.error} />
      <FormActions>
        <Button type="submit" variant="primary" disabled={register.isPending}>
          {t('registry.draft.submit')}
        </Button>
      </FormActions>
    </Form>
  );
}
