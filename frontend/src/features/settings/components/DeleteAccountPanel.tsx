import { useState } from 'react';
import { Alert } from '@/components/Alert';
import { Button } from '@/components/Button';
import { Dialog } from '@/components/Dialog';
import { TextField } from '@/components/Field';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import type { User } from '@/types/api';
import { useDeleteMe } from '../api/deleteMe';

/** Deleting needs the handle typed out: the one action here that cannot be undone. */
export function DeleteAccountPanel({ user, onDeleted }: { user: User; onDeleted: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const remove = useDeleteMe();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const confirmed = typed.trim().toLowerCase() === user.handle.toLowerCase();

  const openChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setTyped('');
      remove.reset();
    }
  };

  return (
    <>
      <p>{t('settings.delete.body')}</p>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t('settings.delete.open')}
      </Button>
      <Dialog
        open={open}
        onOpenChange={openChange}
        title={t('settings.delete.dialogTitle')}
        description={t('settings.delete.dialogBody')}
        actions={
          <Button
            variant="danger"
            disabled={!confirmed}
            busy={remove.isPending}
            // The page unmounts once the session is gone, so wait on the promise, not an onSuccess.
            onClick={() => void remove.mutateAsync().then(onDeleted, () => undefined)}
          >
            {t('settings.delete.confirm')}
          </Button>
        }
      >
        <TextField
          label={t('settings.delete.typeHandle', { handle: user.handle })}
          value={typed}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          onChange={(e) => setTyped(e.target.value)}
        />
        {remove.isError && <Alert tone="error">{errorText.problem(remove.error)}</Alert>}
      </Dialog>
    </>
  );
}
