import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Button } from '@/components/Button';
import { useSession } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import type { Post, Topic } from '@/types/api';
import { useBoards } from '@/features/boards/api/getBoards';
import {
  Composer,
  type ComposerInsert,
  type ComposerMode,
  type ComposerResult,
} from '@/features/composer/components/Composer';
import { useTopic } from '@/features/topics/api/getTopic';
import { topicKeys } from '@/features/topics/api/keys';
import { ModeratorMenu } from '@/features/topics/components/ModeratorMenu';
import type { PostActions } from '@/features/topics/components/PostItem';
import { topicPath } from '@/features/topics/components/TopicBits';
import { TopicView } from '@/features/topics/components/TopicView';
import { WatchControl } from '@/components/WatchControl';
import { NotFoundRoute } from './NotFoundRoute';

function positive(value: string | undefined): number | null {
  if (value === undefined || !/^[1-9][0-9]{0,15}$/.test(value)) return null;
  return Number(value);
}

/** /t/{slug}/{id}[/{postNumber}]: the topic, its posts, and the composer for replies and edits. */
export function TopicRoute() {
  const params = useParams();
  const topicId = positive(params.id);
  const postNumber = positive(params.postNumber);
  if (topicId === null || (params.postNumber !== undefined && postNumber === null)) return <NotFoundRoute />;
  return <TopicPage key={topicId} topicId={topicId} postNumber={postNumber} slug={params.slug ?? ''} />;
}

function TopicPage({
  topicId,
  postNumber,
  slug,
}: {
  topicId: number;
  postNumber: number | null;
  slug: string;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const boards = useBoards();
  const [composer, setComposer] = useState<ComposerMode | null>(null);
  const [insert, setInsert] = useState<ComposerInsert | null>(null);
  const seq = useRef(0);
  // The same cached query TopicView shows: the composer needs the title and the permissions.
  const current = useTopic(topicId).data ?? null;

  // An old address (the title, and so the slug, changed) is replaced by the current one.
  useEffect(() => {
    if (current && current.slug !== slug) {
      navigate(topicPath(current, postNumber) + search, { replace: true });
    }
  }, [current, slug, postNumber, search, navigate]);

  const replyMode = (post: Post | null): ComposerMode => ({
    kind: 'reply',
    topicId,
    topicTitle: current?.title ?? '',
    // Answering the first post is answering the topic.
    replyTo:
      post && post.postNumber > 1
        ? { postId: post.id, postNumber: post.postNumber, handle: post.author.handle }
        : null,
  });

  const actions: PostActions = {
    onReply: (post) => {
      setInsert(null);
      setComposer(replyMode(post));
    },
    onQuote: (post, markdown) => {
      if (composer?.kind !== 'reply') setComposer(replyMode(post));
      seq.current += 1;
      setInsert({ text: markdown, seq: seq.current });
    },
    onEdit: (post) => {
      const topic = current;
      setInsert(null);
      setComposer({
        kind: 'edit',
        topicId,
        postId: post.id,
        postNumber: post.postNumber,
        topic:
          post.postNumber === 1 && topic?.permissions.canEdit
            ? { title: topic.title, tags: topic.tags ?? [] }
            : null,
      });
    },
  };

  const done = (result: ComposerResult) => {
    setComposer(null);
    setInsert(null);
    void queryClient.invalidateQueries({ queryKey: topicKeys.lists() });
    // Once the pages hold the new post, going to its address just scrolls there.
    void queryClient.invalidateQueries({ queryKey: topicKeys.topic(topicId) }).then(() => {
      if (result.kind === 'reply' && current) navigate(topicPath(current, result.post.postNumber));
    });
  };

  const footer = (topic: Topic) => {
    if (composer) {
      return (
        <Composer
          key={composer.kind === 'edit' ? `edit-${composer.postId}` : composer.kind}
          mode={composer.kind === 'reply' ? { ...composer, topicTitle: topic.title } : composer}
          insert={insert}
          onDone={done}
          onCancel={() => {
            setComposer(null);
            setInsert(null);
          }}
        />
      );
    }
    if (topic.permissions.canReply) {
      return (
        <div className="reply-box">
          <Button variant="primary" onClick={() => actions.onReply(null)}>
            <span aria-hidden="true">↩ </span>
            {t('topic.reply')}
          </Button>
        </div>
      );
    }
    if (!user && !topic.locked && !topic.closed && !topic.deleted) {
      return (
        <p className="reply-box reply-box--signed-out">
          <Link to={`/signin?next=${encodeURIComponent(pathname + search)}`}>{t('topic.signInToReply')}</Link>
        </p>
      );
    }
    return null;
  };

  return (
    <TopicView
      topicId={topicId}
      postNumber={postNumber}
      actions={actions}
      moderation={(topic) => (
        <>
          {user && !topic.deleted && <WatchControl type="topics" id={topic.id} />}
          <ModeratorMenu topic={topic} boards={boards.data?.items ?? []} />
        </>
      )}
      footer={footer}
    />
  );
}
