import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Route, Routes } from 'react-router';
import { json, mockFetch, problem } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import type { Chapter, WorkCard, WorkFull } from './api/types';
import { listQuery } from './api/works';
import { RightsEditor, RightsTable } from './components/Rights';
import { TranslationRequestList } from './components/TranslationRequests';
import { WorkEditor } from './components/WorkEditor';
import { WorkReader } from './components/WorkReader';
import { UserWorks, filtersFromParams, paramsFromFilters } from './components/WorksListing';
import {
  clampFont,
  loadGuestPosition,
  loadPrefs,
  saveGuestPosition,
  savePrefs,
  splitTags,
} from './readerPrefs';

const author = { id: 1, handle: 'lin', displayName: '林远', role: 'member', trustLevel: 1 };

function card(extra: Partial<WorkCard> = {}): WorkCard {
  return {
    id: 7,
    title: '星际旅人',
    summaryHtml: '<p>简介</p>',
    type: 'novel',
    language: 'zh-Hans',
    genres: ['hard-sf'],
    tags: ['曲率引擎'],
    rating: 'mature',
    warnings: ['violence'],
    status: 'in_progress',
    visibility: 'public',
    coverUrl: null,
    authors: [author],
    wordCount: 12,
    chapterCount: 2,
    kudos: 3,
    bookmarks: 1,
    hits: 9,
    translationOf: null,
    translationState: null,
    createdAt: '2026-01-01T00:00:00Z',
    publishedAt: '2026-01-01T00:00:00Z',
    revisedAt: '2026-01-01T00:00:00Z',
    ...extra,
  };
}

function work(extra: Partial<WorkFull> = {}): WorkFull {
  return {
    ...card(),
    translationOf: null,
    summary: null,
    invited: [],
    topicId: 5,
    board: 'writing',
    series: [],
    chapters: [],
    updatedAt: '2026-01-01T00:00:00Z',
    rights: [],
    viewer: null,
    permissions: {
      canEdit: false,
      canDelete: false,
      canManageCoauthors: false,
      canGiveKudos: false,
      canKeep: false,
      canAcceptInvitation: false,
      canDecideTranslation: false,
    },
    ...extra,
  };
}

function chapter(position: number, title: string, body: string): Chapter {
  return {
    id: 100 + position,
    workId: 7,
    position,
    title,
    bodyHtml: `<p>${body}</p>`,
    notesBeforeHtml: position === 1 ? '<p>作者的话</p>' : null,
    notesAfterHtml: null,
    body: null,
    notesBefore: null,
    notesAfter: null,
    wordCount: body.length,
    publishAt: null,
    publishedAt: '2026-01-01T00:00:00Z',
    previous: null,
    next: null,
  };
}

function ref(c: Chapter) {
  return {
    id: c.id,
    position: c.position,
    title: c.title,
    wordCount: c.wordCount,
    publishAt: c.publishAt,
    publishedAt: c.publishedAt,
  };
}

/** Answers the reader's chapter requests from `list`: one chapter, or a slice of the entire work. */
function chapterRoute(path: string, list: Chapter[]): Response | null {
  const one = /^\/api\/v1\/works\/7\/chapters\/(\d+)$/.exec(path);
  if (one) {
    const i = list.findIndex((c) => c.position === Number(one[1]));
    if (i < 0) return problem(404, '/problems/not-found');
    return json(200, {
      ...list[i],
      previous: list[i - 1]?.position ?? null,
      next: list[i + 1]?.position ?? null,
    });
  }
  const slice = /^\/api\/v1\/works\/7\/chapters\?from=(\d+)&limit=(\d+)$/.exec(path);
  if (slice) {
    const rest = list.filter((c) => c.position >= Number(slice[1]));
    const limit = Number(slice[2]);
    const page = rest.slice(0, limit);
    return json(
      200,
      page.map((c, k) => ({
        ...c,
        next: (k + 1 < page.length ? page[k + 1]?.position : rest[limit]?.position) ?? null,
      })),
    );
  }
  return null;
}

describe('reader preferences', () => {
  it('clamp the font size and survive bad storage', () => {
    expect(clampFont(100)).toBe(28);
    expect(clampFont(3)).toBe(14);
    localStorage.setItem('sb.reader', '{not json');
    expect(loadPrefs().fontSize).toBe(18);
    savePrefs({ fontSize: 22, width: 'wide', theme: 'dark', showNotes: false });
    expect(loadPrefs()).toEqual({ fontSize: 22, width: 'wide', theme: 'dark', showNotes: false });
  });

  it('keep a guest position per work', () => {
    expect(loadGuestPosition(7)).toBeNull();
    saveGuestPosition(7, { chapter: 2, progress: 0.5 });
    expect(loadGuestPosition(7)).toEqual({ chapter: 2, progress: 0.5 });
    expect(loadGuestPosition(8)).toBeNull();
  });

  it('split tags at ASCII and full-width commas', () => {
    expect(splitTags('硬科幻， space-opera, ,cyberpunk')).toEqual(['硬科幻', 'space-opera', 'cyberpunk']);
  });
});

describe('listing filters', () => {
  it('send every include and exclude tag and leave empty filters out', () => {
    const q = new URLSearchParams(
      listQuery({ tags: ['a', 'b'], excludeTags: ['c'], type: '', language: 'en', sort: 'kudos' }, 'cur'),
    );
    expect(q.getAll('tag')).toEqual(['a', 'b']);
    expect(q.getAll('excludeTag')).toEqual(['c']);
    expect(q.get('language')).toBe('en');
    expect(q.has('type')).toBe(false);
    expect(q.get('sort')).toBe('kudos');
    expect(q.get('cursor')).toBe('cur');
  });

  it('round-trip through the address and refuse unknown values', () => {
    const f = filtersFromParams(new URLSearchParams('tag=a&tag=b&excludeTag=c&type=poem&sort=hits'));
    expect(f).toMatchObject({ tags: ['a', 'b'], excludeTags: ['c'], type: '', sort: 'hits' });
    expect(paramsFromFilters(f).toString()).toBe('tag=a&tag=b&excludeTag=c&sort=hits');
  });
});

function renderReader(path = '/works/7') {
  return renderWithApp(
    <Routes>
      <Route path="/works/:id" element={<WorkReader id={7} />} />
    </Routes>,
    { locale: 'zh-CN', path },
  );
}

describe('WorkReader', () => {
  it('shows tags and warnings before the text, pages through chapters and shows the entire work', async () => {
    const two = [chapter(1, '第一章', '宇宙很大'), chapter(2, '第二章', '生活很小')];
    const calls = mockFetch((call) => {
      if (call.path === '/api/v1/me') return problem(401, '/problems/unauthorized');
      if (call.path === '/api/v1/works/7') return json(200, work({ chapters: two.map(ref) }));
      return chapterRoute(call.path, two) ?? problem(404, '/problems/not-found');
    });
    renderReader();
    const title = await screen.findByRole('heading', { level: 2, name: '第一章' });
    const tags = screen.getByRole('list', { name: '分级、警告与标签' });
    expect(within(tags).getByText('警告：violence')).toBeTruthy();
    // the warnings come before the chapter text in the document
    expect(tags.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByText('作者的话')).toBeTruthy();
    expect(screen.queryByText('生活很小')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '下一章' }));
    expect(await screen.findByText('生活很小')).toBeTruthy();
    expect(loadGuestPosition(7)).toEqual({ chapter: 2, progress: 0 });

    fireEvent.click(screen.getByRole('button', { name: '全文' }));
    expect(await screen.findByText('宇宙很大')).toBeTruthy();
    expect(screen.getByText('生活很小')).toBeTruthy();
    // one chapter at a time, then the entire work as one slice; never every chapter unasked
    expect(calls.map((c) => c.path).filter((p) => p.includes('/chapters'))).toEqual([
      '/api/v1/works/7/chapters/1',
      '/api/v1/works/7/chapters/2',
      '/api/v1/works/7/chapters?from=1&limit=20',
    ]);

    fireEvent.click(screen.getByRole('button', { name: '隐藏作者注' }));
    expect(screen.queryByText('作者的话')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '放大字号' }));
    expect(loadPrefs().fontSize).toBe(20);
    expect(screen.getByRole('article').style.fontSize).toBe('20px');
    fireEvent.click(screen.getByRole('button', { name: '深色' }));
    expect(screen.getByRole('article').className).toContain('reader--dark');
    expect(screen.getByText('登录后即可点赞、收藏或订阅')).toBeTruthy();
  });

  it('gives kudos and subscribes for a signed-in reader', async () => {
    const two = [chapter(1, '第一章', '宇宙很大'), chapter(2, '第二章', '生活很小')];
    let kudos = false;
    const calls = mockFetch((call) => {
      if (call.path === '/api/v1/me') return json(200, { id: 2, handle: 'reader', locale: 'zh-CN' });
      if (call.path === '/api/v1/works/7/kudos') {
        kudos = true;
        return new Response(null, { status: 204 });
      }
      if (call.path === '/api/v1/works/7/position') return new Response(null, { status: 204 });
      if (call.path === '/api/v1/works/7')
        return json(
          200,
          work({
            viewer: { kudos, subscribed: false, bookmark: null, position: { chapter: 2, progress: 0 } },
            permissions: { ...work().permissions, canGiveKudos: !kudos, canKeep: true },
            kudos: kudos ? 4 : 3,
            chapters: two.map(ref),
          }),
        );
      return chapterRoute(call.path, two) ?? problem(404, '/problems/not-found');
    });
    renderReader();
    // the remembered position opens chapter two
    expect(await screen.findByText('生活很小')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '点赞' }));
    expect(await screen.findByRole('button', { name: '已点赞（4）' })).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT' && c.path === '/api/v1/works/7/kudos')).toBe(true);
    expect(calls.some((c) => c.method === 'PUT' && c.path === '/api/v1/works/7/position')).toBe(true);
  });
});

describe('WorkReader on a long work', () => {
  it('reads the entire work in slices of twenty chapters', async () => {
    const many = Array.from({ length: 45 }, (_, i) => chapter(i + 1, `第${i + 1}章`, `正文${i + 1}`));
    const calls = mockFetch((call) => {
      if (call.path === '/api/v1/me') return problem(401, '/problems/unauthorized');
      if (call.path === '/api/v1/works/7') return json(200, work({ chapters: many.map(ref) }));
      return chapterRoute(call.path, many) ?? problem(404, '/problems/not-found');
    });
    renderReader('/works/7?view=all');
    expect(await screen.findByText('正文20')).toBeTruthy();
    expect(screen.queryByText('正文21')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '加载更多章节（已显示 20 / 45 章）' }));
    expect(await screen.findByText('正文40')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: '加载更多章节（已显示 40 / 45 章）' }));
    expect(await screen.findByText('正文45')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /加载更多章节/ })).toBeNull();
    expect(calls.map((c) => c.path).filter((p) => p.includes('/chapters'))).toEqual([
      '/api/v1/works/7/chapters?from=1&limit=20',
      '/api/v1/works/7/chapters?from=21&limit=20',
      '/api/v1/works/7/chapters?from=41&limit=20',
    ]);
  });
});

describe('UserWorks', () => {
  it('renders the profile works as work cards', async () => {
    mockFetch((call) =>
      call.path.startsWith('/api/v1/users/lin/works')
        ? json(200, { items: [card()], nextCursor: null })
        : problem(401, '/problems/unauthorized'),
    );
    renderWithApp(<UserWorks handle="lin" />, { locale: 'en' });
    expect(await screen.findByRole('link', { name: '星际旅人' })).toBeTruthy();
    expect(screen.getByText('Mature')).toBeTruthy();
    expect(screen.getByText('Warning: violence')).toBeTruthy();
  });
});

describe('adaptation rights', () => {
  it('lists the rights in the reader language', () => {
    mockFetch(() => problem(401, '/problems/unauthorized'));
    renderWithApp(
      <RightsTable
        rights={[
          { medium: 'film_tv', status: 'under_option', terms: '18 个月', contact: 'agent' },
          { medium: 'translation', status: 'available', language: 'en', contact: 'platform' },
        ]}
      />,
      { locale: 'zh-CN' },
    );
    const table = screen.getByRole('table', { name: '改编权' });
    expect(within(table).getByRole('rowheader', { name: '影视' })).toBeTruthy();
    expect(within(table).getByText('已签意向')).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: '翻译 (en)' })).toBeTruthy();
    expect(within(table).getByText('通过经纪人')).toBeTruthy();
  });

  it('saves the whole set and shows a field error next to its row', async () => {
    const calls = mockFetch((c) => {
      if (c.path === '/api/v1/me') return problem(401, '/problems/unauthorized');
      return problem(400, '/problems/validation', {
        errors: [
          { field: 'rights[1].language', code: 'required', message: 'A translation needs a language' },
        ],
      });
    });
    renderWithApp(
      <RightsEditor work={work({ rights: [{ medium: 'games', status: 'available', contact: 'email' }] })} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Add a right' }));
    const rows = screen.getAllByRole('group');
    expect(rows).toHaveLength(2);
    fireEvent.change(within(rows[1]!).getByLabelText('Medium'), { target: { value: 'translation' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rights' }));
    expect(await within(rows[1]!).findByText('This field is required.')).toBeTruthy();
    expect(within(rows[0]!).queryByText('This field is required.')).toBeNull();
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe('/api/v1/works/7/rights');
    expect(put?.body).toEqual({
      rights: [
        { medium: 'games', status: 'available', terms: '', contact: 'email', language: null },
        { medium: 'translation', status: 'available', terms: '', contact: 'platform', language: '' },
      ],
    });
  });
});

describe('Work bookmarks and series', () => {
  it('saves a bookmark with a note, the reader’s tags and privacy, and shows a tag’s field error', async () => {
    let attempts = 0;
    const calls = mockFetch((call) => {
      if (call.path === '/api/v1/me') return json(200, { id: 2, handle: 'reader', locale: 'en' });
      if (call.path === '/api/v1/works/7/bookmark') {
        attempts += 1;
        return attempts === 1
          ? problem(400, '/problems/validation', {
              errors: [{ field: 'tags[1]', code: 'length', message: 'must be 1–100 characters' }],
            })
          : new Response(null, { status: 204 });
      }
      if (call.path === '/api/v1/works/7/position') return new Response(null, { status: 204 });
      if (call.path === '/api/v1/works/7')
        return json(
          200,
          work({
            viewer: { kudos: false, subscribed: false, bookmark: null, position: null },
            permissions: { ...work().permissions, canKeep: true },
            chapters: [ref(chapter(1, 'One', 'Text'))],
          }),
        );
      const answered = chapterRoute(call.path, [chapter(1, 'One', 'Text')]);
      if (answered) return answered;
      if (call.path.startsWith('/api/v1/works/7/bookmarks'))
        return json(200, { items: [], nextCursor: null });
      return problem(404, '/problems/not-found');
    });
    renderWithApp(
      <Routes>
        <Route path="/works/:id" element={<WorkReader id={7} />} />
      </Routes>,
      { locale: 'en', path: '/works/7' },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Bookmark' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Note (optional)'), { target: { value: '**Reread**' } });
    fireEvent.change(within(dialog).getByLabelText('Your tags'), {
      target: { value: 'comfort read， hard SF, ' },
    });
    fireEvent.click(within(dialog).getByRole('checkbox'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save bookmark' }));
    const tags = within(dialog).getByLabelText('Your tags');
    await within(dialog).findByText('This is too short or too long.');
    expect(tags.getAttribute('aria-invalid')).toBe('true');
    const put = calls.find((c) => c.method === 'PUT' && c.path === '/api/v1/works/7/bookmark');
    expect(put?.body).toEqual({ note: '**Reread**', tags: ['comfort read', 'hard SF'], private: true });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save bookmark' }));
    await waitForGone(() => screen.queryByRole('dialog'));
    expect(attempts).toBe(2);
  });

  it('shows the part of the series with the neighbouring works', async () => {
    mockFetch((call) => {
      if (call.path === '/api/v1/me') return problem(401, '/problems/unauthorized');
      if (call.path === '/api/v1/works/7')
        return json(200, work({ series: [{ id: 3, title: '星际三部曲', position: 2 }] }));
      if (call.path === '/api/v1/series/3')
        return json(200, {
          id: 3,
          title: '星际三部曲',
          summaryHtml: '',
          summary: null,
          creator: author,
          authors: [author],
          works: [card({ id: 6, title: '前传' }), card(), card({ id: 8, title: '终章' })],
          wordCount: 36,
          subscribed: false,
          canEdit: false,
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
        });
      return problem(404, '/problems/not-found');
    });
    renderReader();
    const nav = await screen.findByRole('navigation', { name: '系列：星际三部曲' });
    expect(within(nav).getByText(/第 2 部/)).toBeTruthy();
    expect(within(nav).getByRole('link', { name: '星际三部曲' }).getAttribute('href')).toBe('/series/3');
    expect(within(nav).getByRole('link', { name: '← 前传' }).getAttribute('href')).toBe('/works/6');
    expect(within(nav).getByRole('link', { name: '终章 →' }).getAttribute('href')).toBe('/works/8');
  });
});

describe('TranslationRequestList', () => {
  it('lists open requests and filters them by the language asked for', async () => {
    const calls = mockFetch((call) => {
      if (call.path === '/api/v1/me') return problem(401, '/problems/unauthorized');
      if (call.path.startsWith('/api/v1/translation-requests')) {
        const english = call.path.includes('language=en');
        return json(200, {
          items: [
            {
              id: english ? 2 : 1,
              work: card(),
              language: english ? 'en' : 'zh-Hant',
              note: english ? 'please' : '繁體版',
              requester: { ...author, id: 3, handle: 'reader' },
              fulfilledBy: null,
              createdAt: '2026-01-01T00:00:00Z',
            },
          ],
          nextCursor: null,
        });
      }
      return problem(404, '/problems/not-found');
    });
    renderWithApp(<TranslationRequestList />, { locale: 'en', path: '/translation-requests' });
    expect(await screen.findByText('繁體版')).toBeTruthy();
    expect(screen.getByRole('link', { name: '星际旅人' }).getAttribute('href')).toBe('/works/7');
    expect(screen.getByText(/Simplified Chinese → Traditional Chinese/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Into'), { target: { value: 'en' } });
    expect(await screen.findByText('please')).toBeTruthy();
    expect(
      calls.some((c) => c.path.startsWith('/api/v1/translation-requests?') && c.path.includes('language=en')),
    ).toBe(true);
  });
});

describe('Translate this', () => {
  it('offers signed-in translators a link to start the translation', async () => {
    mockFetch((call) => {
      if (call.path === '/api/v1/me') return json(200, { id: 4, handle: 'tr', locale: 'en' });
      if (call.path.startsWith('/api/v1/translation-requests'))
        return json(200, {
          items: [
            {
              id: 1,
              work: card(),
              language: 'en',
              note: null,
              requester: { ...author, id: 3, handle: 'reader' },
              fulfilledBy: null,
              createdAt: '2026-01-01T00:00:00Z',
            },
          ],
          nextCursor: null,
        });
      return problem(404, '/problems/not-found');
    });
    renderWithApp(<TranslationRequestList />, { locale: 'en', path: '/translation-requests' });
    const link = await screen.findByRole('link', { name: 'Translate this' });
    expect(link.getAttribute('href')).toBe('/works/new?translationOf=7&language=en');
  });

  it('opens the editor pre-filled from the original and links the new work as its translation', async () => {
    const calls = mockFetch((call) => {
      if (call.path === '/api/v1/me') return json(200, { id: 4, handle: 'tr', locale: 'en' });
      if (call.path === '/api/v1/works/7') return json(200, work());
      if (call.path === '/api/v1/works' && call.method === 'POST')
        return json(201, work({ id: 9, title: 'The Star Traveller', language: 'en', visibility: 'draft' }));
      if (call.path === '/api/v1/works/7/translations' && call.method === 'POST')
        return json(201, { work: card({ id: 9 }), translators: [], state: 'requested' });
      return problem(404, '/problems/not-found');
    });
    renderWithApp(
      <Routes>
        <Route path="/works/new" element={<WorkEditor id={null} />} />
        <Route path="/works/:id/edit" element={<p>editing</p>} />
      </Routes>,
      { locale: 'en', path: '/works/new?translationOf=7&language=en' },
    );
    expect(await screen.findByText(/You are starting a translation of “星际旅人” into English/)).toBeTruthy();
    expect((screen.getByLabelText('Language') as HTMLSelectElement).value).toBe('en');
    expect((screen.getByLabelText(/^Genres/) as HTMLInputElement).value).toBe('hard-sf');
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'The Star Traveller' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create work' }));
    expect(await screen.findByText('editing')).toBeTruthy();
    const created = calls.find((c) => c.method === 'POST' && c.path === '/api/v1/works');
    expect(created?.body).toMatchObject({ title: 'The Star Traveller', language: 'en', genres: ['hard-sf'] });
    const linked = calls.find((c) => c.method === 'POST' && c.path === '/api/v1/works/7/translations');
    expect(linked?.body).toEqual({ workId: 9 });
  });
});

async function waitForGone(query: () => unknown) {
  for (let i = 0; i < 50 && query(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(query()).toBeNull();
}
