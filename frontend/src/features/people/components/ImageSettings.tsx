import { useId, useState, type ChangeEvent } from 'react';
import { Alert } from '@/components/Alert';
import { Avatar } from '@/components/Avatar';
import { Button } from '@/components/Button';
import { ImageCropper, loadImage } from '@/components/ImageCropper';
import { isApiError } from '@/lib/api';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import type { User } from '@/types/api';
import { imageProblem, useProfileImage, type ImageKind } from '../api/images';
import './people.css';

/** The server's own words for a rejected file (field `file`), else its problem, translated. */
function useUploadError() {
  const errors = useErrorText();
  return (error: unknown) => {
    const field = isApiError(error) ? error.errors.find((e) => e.field === 'file') : undefined;
    return field ? (errors.field(field) ?? errors.problem(error)) : errors.problem(error);
  };
}

function FilePicker({ kind, onFile }: { kind: ImageKind; onFile: (file: File) => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <label className="btn btn--secondary file-picker" htmlFor={id}>
      {t(kind === 'avatar' ? 'avatar.choose' : 'cover.choose')}
      <input
        id={id}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        className="visually-hidden"
        onChange={(e: ChangeEvent<HTMLInputElement>) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}

/** Avatar (cropped to a square here, sent as PNG) and cover picture (the server crops it to 3:1). */
export function ImageSettings({ user }: { user: User }) {
  const { t } = useI18n();
  const uploadError = useUploadError();
  const avatar = useProfileImage('avatar');
  const cover = useProfileImage('cover');
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const [local, setLocal] = useState<{ kind: ImageKind; key: 'type' | 'too_large' | 'unreadable' } | null>(
    null,
  );

  // The object URL of the picture being cropped is released once it is done with.

  const chooseAvatar = (file: File) => {
    avatar.reset();
    const problem = imageProblem(file);
    if (problem) return setLocal({ kind: 'avatar', key: problem });
    setLocal(null);
    loadImage(file).then(setImage, () => setLocal({ kind: 'avatar', key: 'unreadable' }));
  };

  const chooseCover = (file: File) => {
    cover.reset();
    const problem = imageProblem(file);
    if (problem) return setLocal({ kind: 'cover', key: problem });
    setLocal(null);
    cover.mutate({ file, name: file.name });
  };

  const localText = (kind: ImageKind) => (local?.kind === kind ? t(`image.error.${local.key}`) : null);

  return (
    <div className="image-settings">
      <section className="image-settings__part" aria-labelledby="avatar-title">
        <h3 className="image-settings__title" id="avatar-title">
          {t('avatar.title')}
        </h3>
        {image ? (
          <ImageCropper
            image={image}
            busy={avatar.isPending}
            onCancel={() => setImage(null)}
            onCrop={(blob) =>
              avatar.mutate({ file: blob, name: 'avatar.png' }, { onSuccess: () => setImage(null) })
            }
          />
        ) : (
          <div className="image-settings__row">
            <Avatar user={user} size="xl" />
            <div className="form__actions">
              <FilePicker kind="avatar" onFile={chooseAvatar} />
              {user.avatarUrl && (
                <Button variant="ghost" busy={avatar.isPending} onClick={() => avatar.mutate(null)}>
                  {t('avatar.remove')}
                </Button>
              )}
            </div>
          </div>
        )}
        <p className="field__hint">{t('image.hint')}</p>
        {localText('avatar') && <Alert tone="error">{localText('avatar')}</Alert>}
        {avatar.isError && <Alert tone="error">{uploadError(avatar.error)}</Alert>}
        {avatar.isSuccess && <Alert tone="success">{t('settings.saved')}</Alert>}
      </section>

      <section className="image-settings__part" aria-labelledby="cover-title">
        <h3 className="image-settings__title" id="cover-title">
          {t('cover.title')}
        </h3>
        <div
          className={['cover-preview', user.coverUrl && 'cover-preview--image'].filter(Boolean).join(' ')}
          style={user.coverUrl ? { backgroundImage: `url("${encodeURI(user.coverUrl)}")` } : undefined}
          aria-hidden="true"
        />
        <div className="form__actions">
          <FilePicker kind="cover" onFile={chooseCover} />
          {cover.isPending && <span className="muted">{t('image.uploading')}</span>}
          {user.coverUrl && (
            <Button variant="ghost" busy={cover.isPending} onClick={() => cover.mutate(null)}>
              {t('cover.remove')}
            </Button>
          )}
        </div>
        <p className="field__hint">{t('cover.hint')}</p>
        {localText('cover') && <Alert tone="error">{localText('cover')}</Alert>}
        {cover.isError && <Alert tone="error">{uploadError(cover.error)}</Alert>}
      </section>
    </div>
  );
}
