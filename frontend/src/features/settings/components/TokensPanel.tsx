import { useState } from 'react';
import { Alert } from '@/components/Alert';
import { Button } from '@/components/Button';
import { CopyButton } from '@/components/CopyButton';
import { Dialog } from '@/components/Dialog';
import { SelectField, TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { EmptyState, ErrorState, LoadingState } from '@/components/States';
import { useErrorText } from '@/lib/errors';
import { useFormErrors } from '@/lib/forms';
import { useI18n } from '@/lib/i18n';
import { required } from '@/lib/validation';
import type { CreatedPersonalToken, PersonalToken } from '@/types/api';
import { useCreateToken } from '../api/createToken';
import { useTokens } from '../api/listTokens';
import { useRevokeToken } from '../api/revokeToken';
import './settings.css';

const EXPIRY_CHOICES = ['30', '90', '365', ''] as const;

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedPersonalToken) => void }) {
  const { t } = useI18n();
  const create = useCreateToken();
  const errors = useFormErrors(create, ['name', 'expiresInDays']);
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<string>('90');

  const submit = () => {
    if (!errors.passes(required('name', name))) return;
    create.mutate(
      { name: name.trim(), expiresInDays: expiry === '' ? undefined : Number(expiry) },
      {
        onSuccess: (token) => {
          setName('');
          onCreated(token);
        },
      },
    );
  };

  return (
    <Form
      onSubmit={submit}
      failure={create.error}
      className="token-form"
      aria-label={t('tokens.create.title')}
    >
      <div className="token-form__fields">
        <TextField
          label={t('field.tokenName.label')}
          hint={t('field.tokenName.hint')}
          name="name"
          maxLength={80}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.field('name')}
        />
        <SelectField
          label={t('field.expiry.label')}
          name="expiresInDays"
          value={expiry}
          onChange={(e) => setExpiry(e.target.value)}
          error={errors.field('expiresInDays')}
        >
          {EXPIRY_CHOICES.map((days) => (
            <option key={days} value={days}>
              {days === '' ? t('tokens.expiry.never') : t('tokens.expiry.days', { days })}
            </option>
          ))}
        </SelectField>
      </div>
      <FormError error={errors.form} />
      <FormActions>
        <Button type="submit" variant="primary" busy={create.isPending}>
          {t('tokens.create.submit')}
        </Button>
      </FormActions>
    </Form>
  );
}

function NewTokenNotice({ token, onDismiss }: { token: CreatedPersonalToken; onDismiss: () => void }) {
  const { t } = useI18n();
  return (
    <Alert tone="success" title={t('tokens.created.title', { name: token.name })} className="new-token">
      <p>{t('tokens.created.body')}</p>
      <div className="new-token__secret">
        <code aria-label={t('tokens.created.secretLabel')}>{token.token}</code>
        <CopyButton text={token.token} />
      </div>
      <p>
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          {t('tokens.created.dismiss')}
        </Button>
      </p>
    </Alert>
  );
}

function TokenRow({ token, onRevoke }: { token: PersonalToken; onRevoke: (token: PersonalToken) => void }) {
  const { t, formatDate } = useI18n();
  return (
    <li className="token-row">
      <div className="token-row__main">
        <p className="token-row__name">{token.name}</p>
        <p className="token-row__meta">
          <code>{token.prefix}…</code>
          <span aria-hidden="true"> · </span>
          {t('tokens.createdAt', { date: formatDate(token.createdAt) })}
          <span aria-hidden="true"> · </span>
          {token.lastUsedAt
            ? t('tokens.lastUsed', { date: formatDate(token.lastUsedAt) })
            : t('tokens.neverUsed')}
          <span aria-hidden="true"> · </span>
          {token.expiresAt
            ? t('tokens.expires', { date: formatDate(token.expiresAt) })
            : t('tokens.noExpiry')}
        </p>
      </div>
      <Button size="sm" variant="secondary" onClick={() => onRevoke(token)}>
        {t('tokens.revoke')}
        <span className="visually-hidden"> {token.name}</span>
      </Button>
    </li>
  );
}

export function TokensPanel() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedPersonalToken | null>(null);
  const [revoking, setRevoking] = useState<PersonalToken | null>(null);

  const confirmRevoke = () => {
    if (revoking === null) return;
    revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) });
  };

  return (
    <div className="tokens">
      {created && <NewTokenNotice token={created} onDismiss={() => setCreated(null)} />}
      {tokens.isPending ? (
        <LoadingState />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <EmptyState title={t('tokens.empty.title')} icon="⚿">
          {t('tokens.empty.body')}
        </EmptyState>
      ) : (
        <ul className="token-list" aria-label={t('tokens.listLabel')}>
          {tokens.data.items.map((token) => (
            <TokenRow
              key={token.id}
              token={token}
              onRevoke={(tk) => {
                revoke.reset();
                setRevoking(tk);
              }}
            />
          ))}
        </ul>
      )}
      <h3 className="tokens__subtitle">{t('tokens.create.title')}</h3>
      <CreateTokenForm onCreated={setCreated} />
      <Dialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={t('tokens.revokeDialog.title')}
        description={t('tokens.revokeDialog.body', { name: revoking?.name ?? '' })}
        actions={
          <Button variant="danger" busy={revoke.isPending} onClick={confirmRevoke}>
            {t('tokens.revoke')}
          </Button>
        }
      >
        {revoke.isError && <Alert tone="error">{errorText.problem(revoke.error)}</Alert>}
      </Dialog>
    </div>
  );
}
