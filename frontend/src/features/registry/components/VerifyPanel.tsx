import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '@/components/Button';
import { Form, FormActions, FormError } from '@/components/Form';
import { useI18n } from '@/lib/i18n';
import type { RegistryMatch } from '@/types/api';
import { useVerify, verifyInput } from '../api/verify';
import './registry.css';

function MatchItem({ item }: { item: RegistryMatch }) {
  const { t } = useI18n();
  return (
    <li className="registry-match">
      <p>
        <Link to={`/registry/entries/${item.id}`}>{t('registry.verify.open', { seq: item.seq })}</Link>
        {' · '}
        {t(`registry.kind.${item.kind}`)}
        {' · '}
        <time dateTime={item.registeredAt}>{item.registeredAt}</time>
      </p>
      <p>
        <strong>
          {item.match === 'full'
            ? t('registry.verify.full')
            : t('registry.verify.paragraph', { count: item.matchedParagraphs })}
        </strong>
        {(item.authors ?? []).length > 0 && ' · '}
        {(item.authors ?? []).map((a) => `${a.displayName} @${a.handle}`).join(', ')}
      </p>
      <p className="registry-match__hash">{item.contentHash}</p>
    </li>
  );
}

export function MatchList({ items }: { items: RegistryMatch[] }) {
  const { t } = useI18n();
  if (items.length === 0) return <p role="status">{t('registry.verify.none')}</p>;
  return (
    <section aria-live="polite">
      <h2 role="status">{t('registry.verify.found', { count: items.length })}</h2>
      <ul className="registry-matches">
        {items.map((item) => (
          <MatchItem key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}

/** Anyone pastes a text, a paragraph or a SHA-256 hash and sees the matching entries. */
export function VerifyPanel() {
  const { t } = useI18n();
  const [pasted, setPasted] = useState('');
  const [missing, setMissing] = useState(false);
  const verify = useVerify();
  const submit = () => {
    if (pasted.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    verify.mutate(verifyInput(pasted));
  };
  return (
    <>
      <Form onSubmit={submit} failure={verify.error}>
        <div className="field">
          <label className="field__label" htmlFor="registry-verify-text">
            {t('registry.verify.label')}
          </label>
          <textarea
            id="registry-verify-text"
            className="field__control registry-textarea"
            value={pasted}
            aria-invalid={missing ? true : undefined}
            aria-describedby="registry-verify-hint"
            onChange={(e) => setPasted(e.target.value)}
          />
          {missing && <p className="field__error">{t('registry.verify.required')}</p>}
          <p className="field__hint" id="registry-verify-hint">
            {t('registry.verify.hint')}
          </p>
        </div>
        <FormError error={verify.error} />
        <FormActions>
          <Button type="submit" variant="primary" disabled={verify.isPending}>
            {t('registry.verify.submit')}
          </Button>
        </FormActions>
      </Form>
      {verify.data && <MatchList items={verify.data} />}
    </>
  );
}
