// Creative works in a real browser against a running backend (STARBRIDGE_URL): a writer publishes
// a two-chapter work in Chinese through the editor; a reader reads it chapter by chapter, leaves
// kudos and subscribes; the writer adds chapter three and the reader finds it. (Notifying the
// reader belongs to the notifications feature.) Then translations, bookmarks and series, and a cover
// and a co-author invitation answered from the user menu.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import {
  BASE_URL,
  launchBrowser,
  requireBackend,
  screenshot,
  uniqueHandle,
  watchForErrors,
  account as registerAccount,
  signIn,
} from './support.mjs';

/** Registers, verifies and signs in a member; their API session. */
async function account(handle) {
  return (await registerAccount(handle, `${handle}@example.org`, { displayName: handle })).api;
}

async function addChapter(page, title, body) {
  const form = page.getByRole('form', { name: 'Add a chapter' });
  await form.getByLabel('Chapter title').fill(title);
  await form.getByLabel('Text (Markdown)').fill(body);
  await form.getByRole('button', { name: 'Publish chapter' }).click();
  await page.locator('.chapter-admin').getByText(title).waitFor();
}

test('a writer publishes a Chinese work; a reader reads, gives kudos, subscribes and finds chapter three', async () => {
  await requireBackend();
  const writer = uniqueHandle();
  const reader = uniqueHandle();
  const writerApi = await account(writer);
  await account(reader);
  const title = `星际旅人 ${writer}`;

  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const problems = watchForErrors(page);

    // The writer creates the work in the editor and adds two chapters.
    await signIn(page, writer);
    await page.goto(`${BASE_URL}/works/new`);
    const main = page.getByRole('main');
    await main.getByLabel('Title', { exact: true }).fill(title);
    await main.getByLabel('Summary (Markdown)').fill('一艘**世代飞船**的故事。');
    await main.getByLabel('Type').selectOption('novel');
    await main.getByLabel('Language').selectOption('zh-Hans');
    await main.getByLabel('Genres').fill('硬科幻, first-contact');
    await main.getByLabel('Content warnings').fill('violence');
    await main.getByLabel('Visibility').selectOption('public');
    await main.getByRole('button', { name: 'Create work' }).click();
    await page.waitForURL(/\/works\/\d+\/edit$/);
    const workId = Number(new URL(page.url()).pathname.split('/')[2]);
    await addChapter(page, '第一章 启航', '飞船离开了太阳系。\n\n船员们望着渐渐远去的地球。');
    await addChapter(page, '第二章 信号', '在半人马座附近，他们收到了一个信号。');
    await screenshot(page, 'works-editor');

    // The reader finds it in the listing and reads it.
    await signIn(page, reader);
    await page.goto(`${BASE_URL}/works?tag=${encodeURIComponent('硬科幻')}`);
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const tags = page.getByRole('list', { name: 'Rating, warnings and tags' });
    await tags.getByText('Warning: violence').waitFor();
    await page.getByRole('heading', { level: 2, name: '第一章 启航' }).waitFor();
    await page.getByText('飞船离开了太阳系。').waitFor();
    // 飞船离开了太阳系 8 + 船员们望着渐渐远去的地球 12 + 在半人马座附近 7 + 他们收到了一个信号 9 = 36
    await page.getByText('36 words · 2 chapters').waitFor();
    await page.getByRole('button', { name: 'Next chapter' }).click();
    await page.getByText('在半人马座附近，他们收到了一个信号。').waitFor();
    await page.getByRole('button', { name: 'Larger text' }).click();
    await page.getByRole('button', { name: 'Leave kudos' }).click();
    await page.getByRole('button', { name: 'Kudos given (1)' }).waitFor();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByRole('button', { name: 'Unsubscribe' }).waitFor();
    await screenshot(page, 'works-reader');

    const state = await writerApi.request('GET', `/works/${workId}`);
    assert.equal(state.body.kudos, 1);

    // The writer adds chapter three; the reader comes back to it.
    const third = await writerApi.request('POST', `/works/${workId}/chapters`, {
      title: '第三章 回应',
      body: '他们决定回应。',
    });
    assert.equal(third.status, 201, JSON.stringify(third.body));
    await page.reload();
    // The remembered position brings the reader back to chapter two, with chapter three next.
    await page.getByText('在半人马座附近，他们收到了一个信号。').waitFor();
    await page.getByRole('button', { name: 'Next chapter' }).click();
    await page.getByRole('heading', { level: 2, name: '第三章 回应' }).waitFor();
    await page.getByText('他们决定回应。').waitFor();
    // The entire work shows all three chapters.
    await page.getByRole('button', { name: 'Entire work' }).click();
    for (const heading of ['第一章 启航', '第二章 信号', '第三章 回应']) {
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
    }
    await screenshot(page, 'works-entire');

    // The works tab of the writer's profile lists the work.
    await page.goto(`${BASE_URL}/u/${writer}/works`);
    await page.getByRole('link', { name: title }).waitFor();

    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a translator publishes an English translation that appears once the author grants permission', async () => {
  await requireBackend();
  const writer = uniqueHandle();
  const translator = uniqueHandle();
  const writerApi = await account(writer);
  const translatorApi = await account(translator);
  const stranger = uniqueHandle();
  await account(stranger);
  const original = await writerApi.request('POST', '/works', {
    title: `三体余晖 ${writer}`,
    summary: '原作',
    type: 'short_story',
    language: 'zh-Hans',
    rating: 'general',
    visibility: 'public',
  });
  assert.equal(original.status, 201, JSON.stringify(original.body));
  const englishTitle = `Afterglow ${translator}`;
  const translation = await translatorApi.request('POST', '/works', {
    title: englishTitle,
    summary: 'The translation',
    type: 'short_story',
    language: 'en',
    rating: 'general',
    visibility: 'public',
  });
  assert.equal(translation.status, 201, JSON.stringify(translation.body));
  const chapter = await translatorApi.request('POST', `/works/${translation.body.id}/chapters`, {
    title: 'One',
    body: 'The afterglow lingered.',
  });
  assert.equal(chapter.status, 201, JSON.stringify(chapter.body));

  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const problems = watchForErrors(page);
    await signIn(page, translator);
    await page.goto(`${BASE_URL}/works/${translation.body.id}/edit`);
    await page.getByLabel('Original work (id or address)').fill(`${BASE_URL}/works/${original.body.id}`);
    await page.getByRole('button', { name: 'Link as translation' }).click();
    await page.getByText('Permission requested').waitFor();

    // Until the original's authors grant permission, readers do not see it.
    const check = await fetch(`${BASE_URL}/api/v1/works/${translation.body.id}`, {
      headers: { Accept: 'application/json' },
    });
    assert.equal(check.status, 404);
    await signIn(page, stranger);
    await page.goto(`${BASE_URL}/works/${original.body.id}`);
    await page.getByRole('heading', { level: 1, name: `三体余晖 ${writer}` }).waitFor();
    await page.getByText('The afterglow').waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('link', { name: englishTitle }).count(), 0);

    await signIn(page, writer);
    await page.goto(`${BASE_URL}/works/${original.body.id}`);
    const list = page.getByRole('region', { name: 'Translations' });
    await list.getByRole('link', { name: englishTitle }).waitFor();
    await list.getByRole('button', { name: 'Grant permission' }).click();
    await list.getByText('Permission granted').waitFor();
    await screenshot(page, 'works-translation');

    // The stranger now finds it on the original's page, with its language and translator.
    await signIn(page, stranger);
    await page.goto(`${BASE_URL}/works/${original.body.id}`);
    const translations = page.getByRole('region', { name: 'Translations' });
    await translations.getByRole('link', { name: englishTitle }).waitFor();
    await translations.getByText('(English) translated by').waitFor();
    await translations.getByRole('link', { name: translator, exact: true }).waitFor();

    // Now anyone reads it, linked to its original.
    await page.context().clearCookies();
    await page.goto(`${BASE_URL}/works/${translation.body.id}`);
    await page.getByRole('heading', { level: 1, name: englishTitle }).waitFor();
    await page.getByText('The afterglow lingered.').waitFor();
    await page.getByRole('link', { name: `三体余晖 ${writer}` }).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a translator answers a translation request with "Translate this"', async () => {
  await requireBackend();
  const writer = uniqueHandle();
  const reader = uniqueHandle();
  const translator = uniqueHandle();
  const writerApi = await account(writer);
  const readerApi = await account(reader);
  const translatorApi = await account(translator);
  const title = `流浪地球 ${writer}`;
  const original = await writerApi.request('POST', '/works', {
    title,
    summary: '原作',
    type: 'novelette',
    language: 'zh-Hans',
    genres: ['hard-sf'],
    rating: 'teen',
    visibility: 'public',
  });
  assert.equal(original.status, 201, JSON.stringify(original.body));
  const asked = await readerApi.request('POST', '/translation-requests', {
    workId: original.body.id,
    language: 'en',
    note: `please ${reader}`,
  });
  assert.equal(asked.status, 201, JSON.stringify(asked.body));

  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const problems = watchForErrors(page);
    await signIn(page, translator);
    await page.goto(`${BASE_URL}/translation-requests`);
    const request = page.locator('.translation-request', { hasText: `please ${reader}` });
    await request.getByRole('link', { name: 'Translate this' }).click();
    await page.getByText(`You are starting a translation of “${title}” into English`).waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Language' }).inputValue(), 'en');
    assert.equal(await page.getByRole('combobox', { name: 'Type' }).inputValue(), 'novelette');
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(`The Wandering Earth ${translator}`);
    await page.getByRole('button', { name: 'Create work' }).click();
    await page.waitForURL(/\/works\/\d+\/edit$/);
    const id = Number(new URL(page.url()).pathname.split('/')[2]);
    await page.getByText('Permission requested').waitFor();

    // Linked as the translation (a draft for now, so its translator sees it); the request is fulfilled.
    const translations = await translatorApi.request('GET', `/works/${original.body.id}/translations`);
    assert.deepEqual(
      translations.body.map((t) => t.work.id),
      [id],
    );
    const open = await readerApi.request('GET', `/translation-requests?work=${original.body.id}&language=en`);
    assert.deepEqual(open.body.items, []);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a reader reads a long work chapter by chapter and entire, in slices', async () => {
  await requireBackend();
  const writer = uniqueHandle();
  const writerApi = await account(writer);
  const created = await writerApi.request('POST', '/works', {
    title: `长篇 ${writer}`,
    type: 'novel',
    language: 'zh-Hans',
    rating: 'general',
    visibility: 'public',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.id;
  for (let i = 1; i <= 45; i++) {
    const r = await writerApi.request('POST', `/works/${id}/chapters`, {
      title: `第${i}章`,
      body: `第${i}章的正文。${'星'.repeat(200)}`,
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  // A real web-novel chapter: 100,000 Chinese characters (and their punctuation).
  const long = await writerApi.request('POST', `/works/${id}/chapters`, {
    title: '第46章',
    body: `第46章的正文。\n\n${'银河系边缘的星光。'.repeat(12_500)}\n\n第46章完。`,
  });
  assert.equal(long.status, 201, JSON.stringify(long.body).slice(0, 300));
  assert.ok(long.body.wordCount >= 100_000, String(long.body.wordCount));
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const problems = watchForErrors(page);
    const chapterCalls = [];
    page.on('request', (r) => {
      if (r.url().includes(`/api/v1/works/${id}/chapters`))
        chapterCalls.push(new URL(r.url()).pathname + new URL(r.url()).search);
    });
    await page.goto(`${BASE_URL}/works/${id}?chapter=30`);
    await page.getByText('第30章的正文').waitFor();
    await page.getByRole('button', { name: 'Next chapter' }).click();
    await page.getByText('第31章的正文').waitFor();
    await page.getByRole('button', { name: 'Entire work' }).click();
    await page.getByText('第20章的正文').waitFor();
    assert.equal(await page.getByText('第21章的正文').count(), 0);
    await page.getByRole('button', { name: 'More chapters (20 of 46 shown)' }).click();
    await page.getByText('第40章的正文').waitFor();
    await page.getByRole('button', { name: 'More chapters (40 of 46 shown)' }).click();
    await page.getByText('第45章的正文').waitFor();
    await page.getByText('第46章完。').waitFor();
    assert.deepEqual(chapterCalls, [
      `/api/v1/works/${id}/chapters/30`,
      `/api/v1/works/${id}/chapters/31`,
      `/api/v1/works/${id}/chapters?from=1&limit=20`,
      `/api/v1/works/${id}/chapters?from=21&limit=20`,
      `/api/v1/works/${id}/chapters?from=41&limit=20`,
    ]);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

test('a reader bookmarks a work of a series with a note and tags; the writer reorders the series', async () => {
  await requireBackend();
  const writer = uniqueHandle();
  const reader = uniqueHandle();
  const writerApi = await account(writer);
  await account(reader);
  const ids = [];
  for (const title of [`Dawn ${writer}`, `Noon ${writer}`]) {
    const work = await writerApi.request('POST', '/works', {
      title,
      summary: 'A part of the cycle',
      type: 'short_story',
      language: 'en',
      rating: 'general',
      visibility: 'public',
    });
    assert.equal(work.status, 201, JSON.stringify(work.body));
    ids.push(work.body.id);
  }
  const seriesTitle = `Sun cycle ${writer}`;
  const series = await writerApi.request('POST', '/series', { title: seriesTitle });
  assert.equal(series.status, 201, JSON.stringify(series.body));
  for (const id of ids) {
    const added = await writerApi.request('PUT', `/series/${series.body.id}/works/${id}`);
    assert.equal(added.status, 200, JSON.stringify(added.body));
  }

  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const problems = watchForErrors(page);
    await signIn(page, reader);
    await page.goto(`${BASE_URL}/works/${ids[0]}`);
    // Part 1 of the series, with the next work.
    const seriesNav = page.getByRole('navigation', { name: `Series: ${seriesTitle}` });
    await seriesNav.getByText('Part 1 of').waitFor();
    await seriesNav.getByRole('link', { name: `Noon ${writer} →` }).waitFor();

    // The bookmark form: a Markdown note, the reader's own tags, public.
    await page.getByRole('button', { name: 'Bookmark', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Bookmark' });
    await dialog.getByLabel('Note (optional)').fill('**Must** reread at dusk');
    await dialog.getByLabel('Your tags').fill('comfort read, hard SF');
    await dialog.getByRole('button', { name: 'Save bookmark' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Edit bookmark' }).waitFor();
    const bookmarks = page.getByRole('region', { name: 'Bookmarks (1)' });
    await bookmarks.locator('strong', { hasText: 'Must' }).waitFor();
    await bookmarks.getByText('comfort read').waitFor();
    await screenshot(page, 'works-bookmark');

    // The bookmarks page lists the work with its tags; a tag filters the list.
    await page.goto(`${BASE_URL}/me/bookmarks`);
    await page.getByRole('link', { name: `Dawn ${writer}` }).waitFor();
    await page.getByRole('button', { name: 'Show works bookmarked with “hard SF”' }).click();
    await page.getByText('Tagged “hard SF”').waitFor();
    await page.getByRole('link', { name: `Dawn ${writer}` }).waitFor();

    // The series page lists both works in order; the writer moves the second up.
    await signIn(page, writer);
    await page.goto(`${BASE_URL}/series/${series.body.id}`);
    await page.getByRole('heading', { level: 1, name: seriesTitle }).waitFor();
    await page.getByRole('button', { name: `Move “Noon ${writer}” up` }).click();
    await page
      .locator('.series__work h3')
      .first()
      .filter({ hasText: `Noon ${writer}` })
      .waitFor();
    const order = await writerApi.request('GET', `/series/${series.body.id}`);
    assert.deepEqual(
      order.body.works.map((w) => w.id),
      [ids[1], ids[0]],
    );
    await screenshot(page, 'works-series');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});

/** A w × h PNG of one colour. */
function png(w, h) {
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) raw.set([40, 60, 160, 255], y * (w * 4 + 1) + 1 + x * 4);
  }
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('a writer uploads a cover and invites a co-author, who accepts from the user menu', async () => {
  await requireBackend();
  const writer = uniqueHandle();
  const coauthor = uniqueHandle();
  const writerApi = await account(writer);
  await account(coauthor);
  const title = `Twin suns ${writer}`;
  const work = await writerApi.request('POST', '/works', {
    title,
    summary: 'Written by two',
    type: 'novelette',
    language: 'en',
    rating: 'general',
    visibility: 'public',
  });
  assert.equal(work.status, 201, JSON.stringify(work.body));

  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const problems = watchForErrors(page);
    await signIn(page, writer);
    await page.goto(`${BASE_URL}/works/${work.body.id}/edit`);
    const uploaded = page.waitForResponse(
      (r) => r.url().endsWith(`/api/v1/works/${work.body.id}/cover`) && r.request().method() === 'PUT',
    );
    await page.getByLabel('Choose a cover…').setInputFiles({
      name: 'cover.png',
      mimeType: 'image/png',
      buffer: png(600, 200),
    });
    assert.equal((await uploaded).status(), 200);
    await page.getByRole('button', { name: 'Remove cover' }).waitFor();
    await page.getByLabel('Invite a co-author').fill(`@${coauthor}`);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('Invitation sent.').waitFor();
    await page.locator('.coauthors__list li', { hasText: `@${coauthor}` }).waitFor();

    await signIn(page, coauthor);
    await page
      .locator('header.site-header')
      .getByRole('button', { name: `Account menu for @${coauthor}` })
      .click();
    const invitation = page.getByRole('group', { name: title });
    await invitation.getByRole('menuitem', { name: `Accept ${title}` }).click();
    await page.waitForURL(new RegExp(`/works/${work.body.id}$`));
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const by = page.locator('.reader__by');
    await by.getByRole('link', { name: writer, exact: true }).waitFor();
    await by.getByRole('link', { name: coauthor, exact: true }).waitFor();
    assert.equal(await page.locator('img.work-cover').count(), 1);
    await screenshot(page, 'works-coauthor');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
