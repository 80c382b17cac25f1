import { describe as suite, expect, it } from 'vitest';
import { translate } from '@/lib/i18n';
import type { Notification } from '../api/types';
import { actorsText, describe, notificationHref } from './describe';

const ada = { id: 1, handle: 'ada', displayName: 'Ada', role: 'member', trustLevel: 1 };
const bo = { id: 2, handle: 'bo', displayName: '', role: 'member', trustLevel: 1 };

function n(extra: Partial<Notification>): Notification {
  return {
    id: 1,
    kind: 'reply',
    read: false,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    actors: [ada],
    actorCount: 1,
    topic: { id: 7, slug: 'dyson', title: 'Dyson spheres' },
    postId: 70,
    postNumber: 3,
    group: null,
    data: {},
    ...extra,
  };
}

const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('en', key, params);
const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('zh-CN', key, params);

suite('notification text', () => {
  it('groups actors: one, two, and many', () => {
    expect(actorsText({ actors: [ada], actorCount: 1 }, en)).toBe('Ada');
    expect(actorsText({ actors: [ada, bo], actorCount: 2 }, en)).toBe('Ada and bo');
    expect(actorsText({ actors: [ada, bo], actorCount: 4 }, en)).toBe('Ada and 3 others');
    expect(actorsText({ actors: [ada, bo], actorCount: 4 }, zh)).toBe('Ada 等 3 人');
  });

  it('describes each kind in both languages', () => {
    expect(describe(n({ kind: 'reaction', actors: [ada, bo], actorCount: 4 }), en)).toBe(
      'Ada and 3 others reacted to your post in “Dyson spheres”',
    );
    expect(describe(n({ kind: 'mention' }), zh)).toBe('Ada 在“Dyson spheres”中提到了你');
    expect(describe(n({ kind: 'verification', topic: null, data: { decision: 'approve' } }), en)).toBe(
      'Your verification request was approved',
    );
    expect(describe(n({ kind: 'something_new' }), en)).toBe('Something new for you');
  });

  it('links to the post, the follower or the group', () => {
    expect(notificationHref(n({}))).toBe('/t/dyson/7/3');
    expect(notificationHref(n({ kind: 'follow', topic: null }))).toBe('/u/ada');
    expect(
      notificationHref(
        n({ kind: 'group_invitation', topic: null, group: { id: 3, slug: 'sf', name: 'SF' } }),
      ),
    ).toBe('/groups/sf');
  });

  it('describes a group announcement in both languages and links to the topic', () => {
    const a = n({
      kind: 'group_announcement',
      postId: null,
      postNumber: null,
      group: { id: 3, slug: 'sf', name: 'Hard SF' },
    });
    expect(describe(a, en)).toBe('Ada announced “Dyson spheres” in Hard SF');
    expect(describe(a, zh)).toBe('Ada 在 Hard SF 发布了公告“Dyson spheres”');
    expect(notificationHref(a)).toBe('/t/dyson/7');
  });

  it('describes works notifications and links to the work', () => {
    const w = (extra: Partial<Notification>) => n({ topic: null, postId: null, postNumber: null, ...extra });
    expect(describe(w({ kind: 'work', data: { workId: 5, title: 'Deep Echo' } }), en)).toBe(
      'A new chapter of “Deep Echo” is out',
    );
    expect(
      describe(
        w({ kind: 'kudos', actors: [ada, bo], actorCount: 2, data: { workId: 5, title: 'Deep Echo' } }),
        en,
      ),
    ).toBe('Ada and bo gave kudos to “Deep Echo”');
    expect(
      describe(
        w({ kind: 'translation_decision', data: { workId: 6, title: 'T', decision: 'declined' } }),
        zh,
      ),
    ).toBe('Ada 拒绝了你的译作“T”');
    expect(describe(w({ kind: 'coauthor_invitation', data: { workId: 5, title: 'S' } }), en)).toBe(
      'Ada invited you to co-author “S”',
    );
    expect(notificationHref(w({ kind: 'translation_request', data: { workId: 6, title: 'T' } }))).toBe(
      '/works/6',
    );
  });

  it('describes inquiry notifications and links to the thread, never the work', () => {
    const i = (extra: Partial<Notification>) => n({ topic: null, postId: null, postNumber: null, ...extra });
    const received = i({ kind: 'inquiry_received', data: { workId: 5, title: 'Deep Echo', inquiryId: 9 } });
    expect(describe(received, en)).toBe('Ada sent an adaptation inquiry about “Deep Echo”');
    expect(notificationHref(received)).toBe('/inquiries/9');
    expect(
      describe(
        i({ kind: 'inquiry_state', data: { workId: 5, title: 'Deep Echo', inquiryId: 9, state: 'agreed' } }),
        en,
      ),
    ).toBe('Ada agreed to your inquiry about “Deep Echo”');
    expect(
      describe(i({ kind: 'inquiry_message', data: { workId: 5, title: 'Deep Echo', inquiryId: 9 } }), zh),
    ).toBe('Ada 在关于“Deep Echo”的改编询问中回复了');
  });

  it('describes report outcomes and sanctions', () => {
    const m = (data: Record<string, unknown>) =>
      n({ kind: 'moderation', topic: null, postId: null, postNumber: null, actors: [], actorCount: 0, data });
    expect(describe(m({ event: 'report_resolved', role: 'reporter', action: 'dismiss' }), en)).toBe(
      'Your report was reviewed; no action was needed',
    );
    expect(describe(m({ event: 'report_resolved', role: 'reporter', action: 'delete' }), en)).toBe(
      'Your report was upheld and a moderator acted on it',
    );
    expect(describe(m({ event: 'report_resolved', role: 'author', action: 'hide' }), en)).toBe(
      'A moderator hid your content after a report',
    );
    expect(describe(m({ event: 'silenced', reason: 'cool down', until: '2026-12-01T10:00:00Z' }), en)).toBe(
      'You cannot post until 2026-12-01: cool down',
    );
    expect(describe(m({ event: 'warned', reason: 'be kind' }), zh)).toBe('版主警告了你：be kind');
  });
});
