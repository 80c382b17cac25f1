import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/Alert';
import { Avatar } from '@/components/Avatar';
import { Badges } from '@/components/Badges';
import { Button } from '@/components/Button';
import { CookedContent } from '@/components/CookedContent';
import { Dialog } from '@/components/Dialog';
import { Form, FormError } from '@/components/Form';
import { RelativeTime } from '@/components/RelativeTime';
import { ErrorState, LoadingState } from '@/components/States';
import { useFormErrors } from '@/lib/forms';
import { useI18n, type MessageKey } from '@/lib/i18n';
import { required } from '@/lib/validation';
import type { UserCard } from '@/types/api';
import {
  useInquiry,
  useMoveInquiry,
  usePostInquiryMessage,
  type AgreedRightStatus,
  type Inquiry,
  type InquiryEvent,
  type InquiryMessage,
  type InquiryState,
} from '../api/inquiries';
import { MessageField } from './AskAboutRights';
import '../inquiries.css';

type Entry = { at: string; message?: InquiryMessage; event?: InquiryEvent };

const name = (u: UserCard) => u.displayName || u.handle;

/** /inquiries/:id: the private thread, its state, the caller's moves and the composer. */
export function InquiryThread({ id }: { id: number }) {
  const { t } = useI18n();
  const query = useInquiry(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const inquiry = query.data;
  const timeline: Entry[] = [
    ...(inquiry.messages ?? []).map((m) => ({ at: m.createdAt, message: m })),
    ...(inquiry.events ?? []).map((e) => ({ at: e.createdAt, event: e })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <article className="inquiry" aria-labelledby="inquiry-title">
      <header className="inquiry__head">
        <h1 id="inquiry-title" className="inquiry__title">
          {t('inquiries.about', { medium: t(`ip.medium.${inquiry.medium}`) })}{' '}
          <Link to={`/works/${inquiry.work.id}`}>{inquiry.work.title}</Link>
        </h1>
        <dl className="inquiry__facts">
          <dt>{t('inquiries.field.medium')}</dt>
          <dd>
            {t(`ip.medium.${inquiry.medium}`)}
            {inquiry.language ? ` (${inquiry.language})` : ''}
          </dd>
          <dt>{t('inquiries.field.territory')}</dt>
          <dd>{inquiry.territory}</dd>
          <dt>{t('inquiries.field.term')}</dt>
          <dd>{inquiry.term}</dd>
          <dt>{t('inquiries.inquirer')}</dt>
          <dd>
            <Link to={`/u/${encodeURIComponent(inquiry.inquirer.handle)}`}>{name(inquiry.inquirer)}</Link>{' '}
            <Badges badges={inquiry.inquirer.badges} />
          </dd>
          <dt>{t('inquiries.stateLabel')}</dt>
          <dd>
            <span className={`inquiry-state inquiry-state--${inquiry.state}`} data-testid="inquiry-state">
              {t(`inquiries.state.${inquiry.state}`)}
            </span>
            {inquiry.rightStatus && ` · ${t(`ip.status.${inquiry.rightStatus}`)}`}
          </dd>
        </dl>
        <p className="inquiry__private">{t('inquiries.private')}</p>
        <Moves inquiry={inquiry} />
      </header>
      <ol className="inquiry__timeline" aria-label={t('inquiries.thread')}>
        {timeline.map((entry) =>
          entry.message ? (
            <li key={`m${entry.message.id}`} className="inquiry-message">
              <div className="inquiry-message__by">
                <Avatar user={entry.message.author} size="sm" />
                <Link to={`/u/${encodeURIComponent(entry.message.author.handle)}`}>
                  {name(entry.message.author)}
                </Link>
                <RelativeTime iso={entry.message.createdAt} />
              </div>
              <CookedContent html={entry.message.bodyHtml} className="inquiry-message__body" />
            </li>
          ) : entry.event ? (
            <li key={`e${entry.event.id}`} className="inquiry-event">
              {t('inquiries.event', {
                who: name(entry.event.actor),
                state: t(`inquiries.state.${entry.event.toState}`),
              })}
              {entry.event.rightStatus && ` (${t(`ip.status.${entry.event.rightStatus}`)})`}{' '}
              <RelativeTime iso={entry.event.createdAt} />
            </li>
          ) : null,
        )}
      </ol>
      {inquiry.canPostMessage ? (
        <Composer id={inquiry.id} />
      ) : (
        <p className="inquiry__closed">
          {inquiry.role === 'admin' ? t('inquiries.adminReadOnly') : t('inquiries.closed')}
        </p>
      )}
    </article>
  );
}

const MOVE_LABELS: Record<InquiryState, MessageKey> = {
  sent: 'inquiries.move.sent',
  in_discussion: 'inquiries.move.in_discussion',
  agreed: 'inquiries.move.agreed',
  declined: 'inquiries.move.declined',
  withdrawn: 'inquiries.move.withdrawn',
};

/** The caller's possible moves, as the server lists them; agreeing asks what the right becomes. */
function Moves({ inquiry }: { inquiry: Inquiry }) {
  const { t } = useI18n();
  const move = useMoveInquiry(inquiry.id);
  const [agreeing, setAgreeing] = useState(false);
  const [rightStatus, setRightStatus] = useState<AgreedRightStatus>('under_option');
  const moves = inquiry.allowedTransitions ?? [];
  if (moves.length === 0) return null;
  return (
    <div className="inquiry__moves">
      {moves.map((state) => (
        <Button
          key={state}
          variant={state === 'agreed' ? 'primary' : 'secondary'}
          busy={move.isPending && move.variables?.state === state}
          onClick={() => (state === 'agreed' ? setAgreeing(true) : move.mutate({ state }))}
        >
          {t(MOVE_LABELS[state])}
        </Button>
      ))}
      {move.error != null && !agreeing && <FormError error={move.error} />}
      <Dialog
        open={agreeing}
        onOpenChange={setAgreeing}
        title={t('inquiries.agree.title')}
        description={t('inquiries.agree.lead', { medium: t(`ip.medium.${inquiry.medium}`) })}
        actions={
          <Button
            variant="primary"
            busy={move.isPending}
            onClick={() =>
              move.mutate({ state: 'agreed', rightStatus }, { onSuccess: () => setAgreeing(false) })
            }
          >
            {t('inquiries.agree.confirm')}
          </Button>
        }
      >
        <fieldset className="inquiry__agree">
          <legend>{t('inquiries.agree.rightStatus')}</legend>
          {(['under_option', 'licensed'] as const).map((s) => (
            <label key={s}>
              <input
                type="radio"
                name="rightStatus"
                value={s}
                checked={rightStatus === s}
                onChange={() => setRightStatus(s)}
              />{' '}
              {t(`ip.status.${s}`)}
            </label>
          ))}
        </fieldset>
        {move.error != null && <FormError error={move.error} />}
      </Dialog>
    </div>
  );
}

function Composer({ id }: { id: number }) {
  const { t } = useI18n();
  const post = usePostInquiryMessage(id);
  const errors = useFormErrors(post, ['body']);
  const [body, setBody] = useState('');
  return (
    <Form
      className="inquiry__composer"
      failure={post.error}
      onSubmit={() => {
        if (!errors.passes(required('body', body))) return;
        post.mutate(body, { onSuccess: () => setBody('') });
      }}
    >
      <MessageField
        label={t('inquiries.reply')}
        value={body}
        onChange={setBody}
        error={errors.field('body')}
      />
      <FormError error={errors.form} />
      {post.isSuccess && <Alert tone="success">{t('inquiries.replySent')}</Alert>}
      <Button type="submit" variant="primary" busy={post.isPending}>
        {t('inquiries.replySend')}
      </Button>
    </Form>
  );
}
