import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, problem } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import type { Post, PostPermissions, Topic, TopicPermissions } from '@/types/api';
import { ModeratorMenu } from './ModeratorMenu';
import { PostItem, quoteMarkdown } from './PostItem';

const author = { id: 1, handle: 'lin_yuan', displayName: '林远', role: 'member', trustLevel: 2 };
const none: PostPermissions = {
  canEdit: false,
  canDelete: false,
  canRestore: false,
  canReply: false,
  canReact: false,
  canBookmark: false,
};

function post(permissions: Partial<PostPermissions> = {}, extra: Partial<Post> = {}): Post {
  return {
    id: 11,
    topicId: 5,
    postNumber: 2,
    author,
    bodyHtml: '<p>正文</p>',
    createdAt: '2026-01-01T00:00:00Z',
    revisionCount: 0,
    reactions: [{ kind: 'like', count: 2, reacted: false }],
    bookmarked: false,
    deleted: false,
    permissions: { ...none, ...permissions },
    ...extra,
  };
}

function topic(permissions: Partial<TopicPermissions> = {}): Topic {
  return {
    id: 5,
    slug: '戴森球',
    title: '戴森球文明',
    board: { id: 1, slug: 'writing', nameZh: '创作', nameEn: 'Writing', color: '#7b5ea7' },
    tags: [],
    author,
    replyCount: 1,
    likeCount: 0,
    viewCount: 0,
    highestPostNumber: 2,
    createdAt: '2026-01-01T00:00:00Z',
    lastPostedAt: '2026-01-01T00:00:00Z',
    pinned: 'none',
    locked: false,
    closed: false,
    deleted: false,
    excerpt: '',
    permissions: {
      canReply: false,
      canEdit: false,
      canDelete: false,
      canModerate: false,
      canMarkRead: false,
      ...permissions,
    },
    firstPost: post(),
  };
}

const actions = { onReply: vi.fn(), onQuote: vi.fn(), onEdit: vi.fn() };

beforeEach(() => {
  mockFetch(() => problem(401, '/problems/unauthorized'));
});

describe('what a post offers follows the server’s permission flags', () => {
  it('offers nothing to do when every flag is off, but still shows the counts', () => {
    renderWithApp(
      <PostItem post={post()} topic={topic()} actions={actions} highlighted={false} observe={() => {}} />,
    );
    for (const name of ['Quote', 'Reply', 'Edit', 'Add a reaction', 'Bookmark this post']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    expect(screen.queryByRole('button', { name: 'More actions for post #2' })).toBeNull();
    const like = screen.getByRole('button', { name: 'Like (2)' });
    expect((like as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers each action its flag allows', () => {
    renderWithApp(
      <PostItem
        post={post({ canReply: true, canEdit: true, canReact: true, canBookmark: true, canDelete: true })}
        topic={topic()}
        actions={actions}
        highlighted={false}
        observe={() => {}}
      />,
    );
    for (const name of ['Quote', 'Reply', 'Edit', 'Add a reaction', 'Bookmark this post']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: 'More actions for post #2' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Like (2)' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('shows a deleted post as a tombstone', () => {
    renderWithApp(
      <PostItem
        post={post({}, { deleted: true, bodyHtml: null })}
        topic={topic()}
        actions={actions}
        highlighted={false}
        observe={() => {}}
      />,
    );
    expect(screen.getByText('This post was deleted.')).toBeTruthy();
  });
});

describe('a post by someone the reader muted or blocked', () => {
  it('is folded to one line that opens it on request', async () => {
    renderWithApp(
      <PostItem
        post={post({ canReply: true }, { ignored: true })}
        topic={topic()}
        actions={actions}
        highlighted={false}
        observe={() => {}}
      />,
    );
    expect(screen.queryByText('正文')).toBeNull();
    expect(screen.getByText(/A post by @lin_yuan, whom you muted or blocked/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Show it' }));
    expect(screen.getByText('正文')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reply' })).toBeTruthy();
  });

  it('shows author badges next to the name', () => {
    renderWithApp(
      <PostItem
        post={post({}, { author: { ...author, badges: ['verified_industry'], avatarUrl: '/media/a.png' } })}
        topic={topic()}
        actions={actions}
        highlighted={false}
        observe={() => {}}
      />,
    );
    expect(screen.getByText('Verified industry professional')).toBeTruthy();
    expect(document.querySelector('img.avatar')?.getAttribute('src')).toBe('/media/a.png');
  });
});

describe('ModeratorMenu', () => {
  it('is absent unless the server says the caller may moderate', () => {
    renderWithApp(<ModeratorMenu topic={topic()} boards={[]} />);
    expect(screen.queryByRole('button', { name: /Moderate/ })).toBeNull();
  });

  it('is there when it does', () => {
    renderWithApp(<ModeratorMenu topic={topic({ canModerate: true })} boards={[]} />);
    expect(screen.getByRole('button', { name: /Moderate/ })).toBeTruthy();
  });
});

describe('quoteMarkdown', () => {
  it('quotes every line and links back to the post', () => {
    expect(quoteMarkdown('first line\n\nsecond', post(), topic())).toBe(
      '> first line\n>\n> second\n> — [@lin_yuan #2](/t/%E6%88%B4%E6%A3%AE%E7%90%83/5/2)\n\n',
    );
  });
});
