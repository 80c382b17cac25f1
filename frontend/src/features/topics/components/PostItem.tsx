import * as Menu from '@radix-ui/react-dropdown-menu';
import { useState, type CSSProperties } from 'react';
import { Link, useNavigate } from 'react-router';
import { Avatar } from '@/components/Avatar';
import { Badges } from '@/components/Badges';
import { Button } from '@/components/Button';
import { CookedContent } from '@/components/CookedContent';
import { Dialog } from '@/components/Dialog';
import { RelativeTime } from '@/components/RelativeTime';
import { useSession } from '@/lib/auth';
import { useErrorText } from '@/lib/errors';
import { useI18n } from '@/lib/i18n';
import type { Post, Topic } from '@/types/api';
import { HiddenNotice } from '@/components/HiddenNotice';
import { ReportDialog } from '@/components/ReportDialog';
import { useDeletePost, useRestorePost } from '../api/deletePost';
import { getPost } from '../api/getPost';
import { BookmarkButton } from './BookmarkButton';
import { Reactions } from './Reactions';
import { RevisionHistory } from './RevisionHistory';
import { placePath, topicPath } from './TopicBits';

export interface PostActions {
  /** Reply to this post (or, with null, to the topic). */
  onReply: (post: Post | null) => void;
  /** Put this Markdown (a quote of the post) into the composer. */
  onQuote: (post: Post, markdown: string) => void;
  onEdit: (post: Post) => void;
}

/** A Markdown quote of `text` by the post's author, linking back to the post. */
export function quoteMarkdown(text: string, post: Post, topic: Pick<Topic, 'slug' | 'id'>): string {
  const quoted = text
    .trim()
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
  const link = `${topicPath(topic, post.postNumber)}`;
  return `${quoted}\n> — [@${post.author.handle} #${post.postNumber}](${link})\n\n`;
}

/** Text the reader selected inside this post's body, if any. */
function selectedTextIn(postId: number): string | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed) return null;
  const body = document.getElementById(`post-body-${postId}`);
  if (!body || !selection.anchorNode || !body.contains(selection.anchorNode)) return null;
  const text = selection.toString().trim();
  return text === '' ? null : text;
}

const ROLE_LABEL = { admin: 'post.role.admin', moderator: 'post.role.moderator' } as const;

interface PostItemProps {
  post: Post;
  topic: Topic;
  actions: PostActions;
  highlighted: boolean;
  observe: (el: HTMLElement | null) => void;
}

/**
 * A post; one by someone the reader muted or blocked (`ignored`) is folded to a line that opens
 * it on request, keeping its place in the thread.
 */
export function PostItem({ post, topic, actions, highlighted, observe }: PostItemProps) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  if (post.ignored && !shown && !highlighted) {
    const depth = post.depth ?? 0;
    return (
      <div
        id={`post-${post.postNumber}`}
        ref={observe}
        data-post-number={post.postNumber}
        className={['post post--ignored', depth > 0 && 'post--nested'].filter(Boolean).join(' ')}
        style={{ '--depth': depth } as CSSProperties}
      >
        <p className="post__ignored muted">
          {t('post.ignored', { handle: post.author.handle })}{' '}
          <button type="button" className="link-button" onClick={() => setShown(true)}>
            {t('post.showIgnored')}
          </button>
        </p>
      </div>
    );
  }
  return <PostBody post={post} topic={topic} actions={actions} highlighted={highlighted} observe={observe} />;
}

function PostBody({ post, topic, actions, highlighted, observe }: PostItemProps) {
  const { t, formatDateTime } = useI18n();
  const errors = useErrorText();
  const navigate = useNavigate();
  const [history, setHistory] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [quoteError, setQuoteError] = useState<unknown>(null);
  const [quoting, setQuoting] = useState(false);
  const [reporting, setReporting] = useState<'post' | 'topic' | null>(null);
  const { user } = useSession();
  const remove = useDeletePost(post);
  const restore = useRestorePost(post);
  const p = post.permissions;
  const role = post.author.role === 'admin' || post.author.role === 'moderator' ? post.author.role : null;
  const depth = post.depth ?? 0;
  const anchor = `post-${post.postNumber}`;

  const quote = async () => {
    const selected = selectedTextIn(post.id);
    if (selected) {
      actions.onQuote(post, quoteMarkdown(selected, post, topic));
      return;
    }
    setQuoting(true);
    setQuoteError(null);
    try {
      const full = await getPost(post.id);
      actions.onQuote(post, quoteMarkdown(full.body ?? '', post, topic));
    } catch (error) {
      setQuoteError(error);
    } finally {
      setQuoting(false);
    }
  };

  const doDelete = () =>
    remove.mutate(undefined, {
      onSuccess: () => {
        setConfirmDelete(false);
        // A member's deleted topic is gone for them; staff keep seeing it, greyed.
        if (post.postNumber === 1 && !topic.permissions.canModerate) navigate(placePath(topic));
      },
    });

  // Any signed-in member may report someone else's post (and, from the first post, the topic).
  const canReport = user !== null && user.id !== post.author.id && !post.deleted;
  const hasMenu = p.canDelete || p.canRestore || post.revisionCount > 0 || canReport;

  return (
    <article
      id={anchor}
      ref={observe}
      data-post-number={post.postNumber}
      className={[
        'post',
        post.deleted && 'post--deleted',
        highlighted && 'post--highlighted',
        depth > 0 && 'post--nested',
      ]
        .filter(Boolean)
        .join(' ')}
      style={{ '--depth': depth } as CSSProperties}
      aria-labelledby={`${anchor}-by`}
      tabIndex={-1}
    >
      <header className="post__header">
        <Avatar user={post.author} />
        <div className="post__author" id={`${anchor}-by`}>
          <Link to={`/u/${encodeURIComponent(post.author.handle)}`} className="post__name">
            {post.author.displayName || post.author.handle}
          </Link>
          <span className="post__handle">@{post.author.handle}</span>
          {role && <span className={`role-badge role-badge--${role}`}>{t(ROLE_LABEL[role])}</span>}
          <Badges badges={post.author.badges} />
        </div>
        <div className="post__meta">
          {post.replyTo && (
            <Link
              to={topicPath(topic, post.replyTo.postNumber)}
              className="post__reply-to"
              aria-label={t('post.replyToLabel', {
                number: post.replyTo.postNumber,
                handle: post.replyTo.authorHandle,
              })}
            >
              <span aria-hidden="true">↩</span> @{post.replyTo.authorHandle}
            </Link>
          )}
          {post.editedAt && (
            <button
              type="button"
              className="post__edited"
              title={t('post.editedAt', { date: formatDateTime(post.editedAt) })}
              onClick={() => setHistory(true)}
              aria-label={t('post.editedLabel', { count: post.revisionCount })}
            >
              <span aria-hidden="true">✎</span> {t('post.edited')}
            </button>
          )}
          <Link
            to={topicPath(topic, post.postNumber)}
            className="post__number"
            aria-label={t('post.link', { number: post.postNumber })}
          >
            <RelativeTime iso={post.createdAt} />
            <span className="post__hash" aria-hidden="true">
              #{post.postNumber}
            </span>
          </Link>
        </div>
      </header>

      <div className="post__body" id={`post-body-${post.id}`}>
        {post.deleted && <p className="post__tombstone">{t('post.deleted')}</p>}
        {post.hidden && (
          <HiddenNotice
            reason={post.hiddenReason ?? null}
            mine={user?.id === post.author.id}
            removed={post.deleted}
          />
        )}
        {post.bodyHtml && <CookedContent html={post.bodyHtml} />}
      </div>

      <footer className="post__actions">
        <Reactions post={post} />
        <div className="post__buttons">
          {p.canReply && (
            <button type="button" className="post-action" onClick={() => void quote()} disabled={quoting}>
              <span aria-hidden="true">❝</span>
              <span className="post-action__label">{t('post.quote')}</span>
            </button>
          )}
          {p.canBookmark && <BookmarkButton post={post} />}
          {p.canEdit && (
            <button type="button" className="post-action" onClick={() => actions.onEdit(post)}>
              <span aria-hidden="true">✎</span>
              <span className="post-action__label">{t('post.edit')}</span>
            </button>
          )}
          {hasMenu && (
            <Menu.Root>
              <Menu.Trigger className="post-action" aria-label={t('post.more', { number: post.postNumber })}>
                <span aria-hidden="true">⋯</span>
              </Menu.Trigger>
              <Menu.Portal>
                <Menu.Content className="menu" align="end" sideOffset={4}>
                  {post.revisionCount > 0 && (
                    <Menu.Item className="menu__item" onSelect={() => setHistory(true)}>
                      {t('post.history')}
                    </Menu.Item>
                  )}
                  {p.canDelete && (
                    <Menu.Item
                      className="menu__item menu__item--danger"
                      onSelect={() => setConfirmDelete(true)}
                    >
                      {t('post.delete')}
                    </Menu.Item>
                  )}
                  {p.canRestore && (
                    <Menu.Item className="menu__item" onSelect={() => restore.mutate()}>
                      {t('post.restore')}
                    </Menu.Item>
                  )}
                  {canReport && (
                    <Menu.Item className="menu__item" onSelect={() => setReporting('post')}>
                      {t('moderation.report.post')}
                    </Menu.Item>
                  )}
                  {canReport && post.postNumber === 1 && (
                    <Menu.Item className="menu__item" onSelect={() => setReporting('topic')}>
                      {t('moderation.report.topic')}
                    </Menu.Item>
                  )}
                </Menu.Content>
              </Menu.Portal>
            </Menu.Root>
          )}
          {p.canReply && (
            <button
              type="button"
              className="post-action post-action--reply"
              onClick={() => actions.onReply(post)}
            >
              <span aria-hidden="true">↩</span>
              <span className="post-action__label">{t('post.reply')}</span>
            </button>
          )}
        </div>
      </footer>
      {(quoteError !== null || restore.isError) && (
        <p className="field__error" role="alert">
          {errors.problem(quoteError ?? restore.error)}
        </p>
      )}

      {post.revisionCount > 0 && (
        <RevisionHistory
          postId={post.id}
          postNumber={post.postNumber}
          open={history}
          onOpenChange={setHistory}
        />
      )}
      {canReport && (
        <ReportDialog
          open={reporting !== null}
          onOpenChange={(open) => !open && setReporting(null)}
          targetType={reporting ?? 'post'}
          targetId={reporting === 'topic' ? post.topicId : post.id}
        />
      )}
      <Dialog
        open={confirmDelete}
        onOpenChange={(open) => {
          setConfirmDelete(open);
          if (!open) remove.reset();
        }}
        title={post.postNumber === 1 ? t('post.deleteTopicTitle') : t('post.deleteTitle')}
        description={post.postNumber === 1 ? t('post.deleteTopicBody') : t('post.deleteBody')}
        actions={
          <Button variant="danger" busy={remove.isPending} onClick={doDelete}>
            {t('post.delete')}
          </Button>
        }
      >
        {remove.isError && <p className="field__error">{errors.problem(remove.error)}</p>}
      </Dialog>
    </article>
  );
}
