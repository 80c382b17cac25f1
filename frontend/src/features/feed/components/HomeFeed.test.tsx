import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockFetch } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import type { FeedItem, TopicListItem } from '@/types/api';
import { HomeFeed } from './HomeFeed';

const author = { id: 1, handle: 'ada', displayName: 'Ada', role: 'member', trustLevel: 1 };
const topic = {
  id: 7,
  slug: 'orbits',
  title: 'Orbits',
  author,
  replyCount: 1,
  likeCount: 0,
  viewCount: 3,
  highestPostNumber: 2,
  createdAt: '2026-01-01T00:00:00Z',
  lastPostedAt: '2026-01-01T00:00:00Z',
  pinned: 'none',
  locked: false,
  closed: false,
  excerpt: 'About orbits',
} as TopicListItem;

const items: FeedItem[] = [
  {
    kind: 'reply',
    key: 'p9',
    at: '2026-01-03T00:00:00Z',
    topic,
    post: {
      id: 9,
      topicId: 7,
      postNumber: 2,
      author,
      excerpt: 'Hohmann first',
      createdAt: '2026-01-03T00:00:00Z',
    },
  },
  {
    kind: 'chapter',
    key: 'c4',
    at: '2026-01-02T00:00:00Z',
    chapter: {
      id: 4,
      position: 1,
      title: 'Launch',
      workId: 3,
      workTitle: 'Deep Echo',
      author,
      publishedAt: '2026-01-02T00:00:00Z',
    },
  },
  { kind: 'announcement', key: 'a7', at: '2026-01-01T00:00:00Z', topic },
];

describe('HomeFeed', () => {
  it('draws each kind: reply card, new work, announced topic', async () => {
    mockFetch((call) =>
      call.path.startsWith('/api/v1/feed') ? json(200, { items, nextCursor: null }) : json(404, {}),
    );
    renderWithApp(
      <HomeFeed renderTopics={(topics) => topics.map((t) => <p key={t.id}>card {t.title}</p>)} />,
    );
    expect(await screen.findByText('New reply by @ada in a topic you watch')).toBeTruthy();
    expect(screen.getByText('Hohmann first')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Orbits' }).getAttribute('href')).toBe('/t/orbits/7/2');
    expect(screen.getByText('New work by @ada')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Deep Echo · Launch' }).getAttribute('href')).toBe('/works/3');
    expect(screen.getByText('Group announcement')).toBeTruthy();
    expect(screen.getByText('card Orbits')).toBeTruthy();
  });
});
