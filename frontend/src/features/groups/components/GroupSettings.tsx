import { useId, useState } from 'react';
import { Alert } from '@/components/Alert';
import { GroupAvatar } from '@/components/Avatar';
import { Button } from '@/components/Button';
import { Dialog } from '@/components/Dialog';
import { TextField } from '@/components/Field';
import { ImageCropper, loadImage } from '@/components/ImageCropper';
import { Panel } from '@/components/Page';
import { isApiError } from '@/lib/api';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import type { Group } from '@/types/api';
import { useDeleteGroup, useGroupAvatar } from '../api/saveGroup';
import { GroupForm } from './GroupForm';

const TYPES = ['image/png', 'image/jpeg', 'image/webp'];

function AvatarPanel({ group }: { group: Group }) {
  const { t } = useI18n();
  const errors = useErrorText();
  const id = useId();
  const upload = useGroupAvatar(group.slug);
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const [local, setLocal] = useState<string | null>(null);
  const fileError = isApiError(upload.error)
    ? upload.error.errors.find((e) => e.field === 'file')
    : undefined;

  return (
    <div className="image-settings__part">
      {image ? (
        <ImageCropper
          image={image}
          busy={upload.isPending}
          onCancel={() => setImage(null)}
          onCrop={(blob) => upload.mutate(blob, { onSuccess: () => setImage(null) })}
        />
      ) : (
        <div className="image-settings__row">
          <GroupAvatar group={group} size="xl" />
          <label className="btn btn--secondary file-picker" htmlFor={id}>
            {t('avatar.choose')}
            <input
              id={id}
              type="file"
              accept={TYPES.join(',')}
              className="visually-hidden"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (!file) return;
                upload.reset();
                if (!TYPES.includes(file.type)) return setLocal(t('image.error.type'));
                if (file.size > 5 * 1024 * 1024) return setLocal(t('image.error.too_large'));
                setLocal(null);
                loadImage(file).then(setImage, () => setLocal(t('image.error.unreadable')));
              }}
            />
          </label>
        </div>
      )}
      <p className="field__hint">{t('image.hint')}</p>
      {local && <Alert tone="error">{local}</Alert>}
      {upload.isError && (
        <Alert tone="error">
          {fileError ? (errors.field(fileError) ?? '') : errors.problem(upload.error)}
        </Alert>
      )}
    </div>
  );
}

function DeletePanel({ group, onDeleted }: { group: Group; onDeleted: () => void }) {
  const { t } = useI18n();
  const errors = useErrorText();
  const remove = useDeleteGroup(group.slug);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  return (
    <>
      <p>{t('group.deleteBody')}</p>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t('group.deleteOpen')}
      </Button>
      <Dialog
        open={open}
        onOpenChange={(o) => {
          setOpen(o);
          setTyped('');
          remove.reset();
        }}
        title={t('group.deleteTitle', { name: group.name })}
        description={t('group.deleteBody')}
        actions={
          <Button
            variant="danger"
            busy={remove.isPending}
            disabled={typed.trim() !== group.slug}
            onClick={() => remove.mutate(undefined, { onSuccess: onDeleted })}
          >
            {t('group.deleteConfirm')}
          </Button>
        }
      >
        <TextField
          label={t('group.deleteType', { slug: group.slug })}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        {remove.isError && <p className="field__error">{errors.problem(remove.error)}</p>}
      </Dialog>
    </>
  );
}

/** The settings tab: details, picture and, for its owner or an admin, deleting the group. */
export function GroupSettings({ group, onDeleted }: { group: Group; onDeleted: () => void }) {
  const { t } = useI18n();
  return (
    <div className="group-settings">
      {group.permissions.canEdit && (
        <Panel title={t('group.editTitle')} id="group-edit">
          <GroupForm group={group} onSaved={() => undefined} />
        </Panel>
      )}
      {group.permissions.canEdit && (
        <Panel title={t('group.avatarTitle')} id="group-avatar">
          <AvatarPanel group={group} />
        </Panel>
      )}
      {group.permissions.canDelete && (
        <Panel title={t('group.deleteTitleShort')} id="group-delete" tone="danger">
          <DeletePanel group={group} onDeleted={onDeleted} />
        </Panel>
      )}
    </div>
  );
}
