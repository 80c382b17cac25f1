import * as Menu from '@radix-ui/react-dropdown-menu';
import { useId, useState, type ChangeEvent } from 'react';
import { Alert } from '@/components/Alert';
import { Button } from '@/components/Button';
import { TextField } from '@/components/Field';
import { Form, FormActions, FormError } from '@/components/Form';
import { isApiError } from '@/lib/api';
import { useErrorText } from '@/lib/errors';
import { imageProblem } from '@/lib/images';
import { useI18n } from '@/lib/i18n';
import type { WorkFull } from '../api/types';
import {
  useAnswerInvitation,
  useInviteCoauthor,
  useRemoveCoauthor,
  useWorkCover,
  useWorkInvitations,
} from '../api/works';
import { Authors } from './WorkCard';

/** In the editor: the authors, pending invitations, and inviting a co-author by handle. */
export function CoauthorsPanel({ work }: { work: WorkFull }) {
  const { t } = useI18n();
  const errors = useErrorText();
  const invite = useInviteCoauthor(work.id);
  const remove = useRemoveCoauthor(work.id);
  const [handle, setHandle] = useState('');
  const manage = work.permissions.canManageCoauthors;
  const handleError = isApiError(invite.error)
    ? invite.error.errors.find((e) => e.field === 'handle')
    : undefined;
  return (
    <div className="coauthors">
      <p>
        {t('works.by')} <Authors authors={work.authors} />
      </p>
      {work.invited.length > 0 && (
        <>
          <h3 className="coauthors__title">{t('works.coauthor.pending')}</h3>
          <ul className="coauthors__list">
            {work.invited.map((u) => (
              <li key={u.id}>
                @{u.handle}{' '}
                {manage && (
                  <Button
                    size="sm"
                    variant="ghost"
                    busy={remove.isPending}
                    onClick={() => remove.mutate(u.handle)}
                  >
                    {t('works.coauthor.cancel')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {manage && (
        <Form
          onSubmit={() =>
            handle.trim() &&
            invite.mutate(handle.trim().replace(/^@/, ''), { onSuccess: () => setHandle('') })
          }
          failure={invite.error}
        >
          <TextField
            label={t('works.coauthor.invite')}
            hint={t('works.coauthor.inviteHint')}
            name="coauthor"
            value={handle}
            error={errors.field(handleError)}
            onChange={(e) => setHandle(e.target.value)}
          />
          {!handleError && <FormError error={invite.error} />}
          {invite.isSuccess && <Alert tone="success">{t('works.coauthor.invited')}</Alert>}
          <FormActions>
            <Button type="submit" busy={invite.isPending} disabled={!handle.trim()}>
              {t('works.coauthor.send')}
            </Button>
          </FormActions>
        </Form>
      )}
      <FormError error={remove.error} />
    </div>
  );
}

/** In the editor: the work's cover, under the same rules as profile covers (cropped to 3:1). */
export function CoverPanel({ work }: { work: WorkFull }) {
  const { t } = useI18n();
  const errors = useErrorText();
  const cover = useWorkCover(work.id);
  const id = useId();
  const [local, setLocal] = useState<'type' | 'too_large' | null>(null);
  const fileError = isApiError(cover.error) ? cover.error.errors.find((e) => e.field === 'file') : undefined;
  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    cover.reset();
    const problem = imageProblem(file);
    setLocal(problem);
    if (!problem) cover.mutate(file);
  };
  return (
    <div className="work-cover-settings">
      <div
        className={['work-cover-preview', work.coverUrl && 'work-cover-preview--image']
          .filter(Boolean)
          .join(' ')}
        style={work.coverUrl ? { backgroundImage: `url("${encodeURI(work.coverUrl)}")` } : undefined}
        aria-hidden="true"
      />
      <div className="form__actions">
        <label className="btn btn--secondary file-picker" htmlFor={id}>
          {t('cover.choose')}
          <input
            id={id}
            type="file"
            name="cover"
            accept="image/png,image/jpeg,image/webp"
            className="visually-hidden"
            onChange={choose}
          />
        </label>
        {cover.isPending && <span className="muted">{t('image.uploading')}</span>}
        {work.coverUrl && (
          <Button variant="ghost" busy={cover.isPending} onClick={() => cover.mutate(null)}>
            {t('cover.remove')}
          </Button>
        )}
      </div>
      <p className="field__hint">
        {t('image.hint')} {t('works.cover.hint')}
      </p>
      {local && <Alert tone="error">{t(`image.error.${local}`)}</Alert>}
      {cover.isError && (
        <Alert tone="error">
          {fileError ? (errors.field(fileError) ?? errors.problem(cover.error)) : errors.problem(cover.error)}
        </Alert>
      )}
    </div>
  );
}

/** How many co-author invitations wait for the caller (for the user menu's badge). */
export function useWorkInvitationCount(signedIn: boolean): number {
  return useWorkInvitations(signedIn).data?.length ?? 0;
}

/** A failed answer leaves the invitation in the menu, to be tried again. */
function ignore() {}

/** Co-author invitations inside the user menu: each work with Accept and Decline. */
export function WorkInvitationsMenuSection({ onOpenWork }: { onOpenWork: (id: number) => void }) {
  const { t } = useI18n();
  const invitations = useWorkInvitations(true);
  const answer = useAnswerInvitation();
  const items = invitations.data ?? [];
  if (items.length === 0) return null;
  return (
    <>
      <Menu.Separator className="menu__separator" />
      <Menu.Label className="menu__label menu__label--section">
        {t('works.invitations.title', { count: items.length })}
      </Menu.Label>
      {items.map((w) => (
        <Menu.Group key={w.id} className="invitation" aria-label={w.title}>
          <Menu.Item className="menu__item invitation__group" onSelect={() => onOpenWork(w.id)}>
            <span className="invitation__name">{w.title}</span>
            {w.authors[0] && (
              <span className="invitation__by">{t('invitations.by', { handle: w.authors[0].handle })}</span>
            )}
          </Menu.Item>
          <div className="invitation__actions">
            <Menu.Item
              className="menu__item invitation__action"
              disabled={answer.isPending}
              onSelect={() =>
                void answer.mutateAsync({ workId: w.id, accept: true }).then(() => onOpenWork(w.id), ignore)
              }
            >
              {t('invitations.accept')}
              <span className="visually-hidden"> {w.title}</span>
            </Menu.Item>
            <Menu.Item
              className="menu__item invitation__action"
              disabled={answer.isPending}
              onSelect={(e) => {
                e.preventDefault();
                answer.mutate({ workId: w.id, accept: false });
              }}
            >
              {t('invitations.decline')}
              <span className="visually-hidden"> {w.title}</span>
            </Menu.Item>
          </div>
        </Menu.Group>
      ))}
    </>
  );
}
