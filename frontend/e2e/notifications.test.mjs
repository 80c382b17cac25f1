// Live notifications and the home feed in a real browser against a running backend
// (STARBRIDGE_URL): user B follows A; A starts a topic; B's open tab shows the notification badge
// without a reload, and B's home feed shows A's topic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BASE_URL,
  launchBrowser,
  requireBackend,
  screenshot,
  uniqueHandle,
  watchForErrors,
  PASSWORD,
  account as registerAccount,
} from './support.mjs';

const BOARD = 'writing';

/** Registers, verifies and signs in a member; their API session. */
async function account(handle) {
  return (await registerAccount(handle, `${handle}@example.org`)).api;
}

test('a followed author posts: the open tab shows the badge live and the feed shows the topic', async () => {
  await requireBackend();
  const a = uniqueHandle();
  const b = uniqueHandle();
  const aApi = await account(a);
  await account(b);

  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors = watchForErrors(page);
    await page.goto(`${BASE_URL}/signin`);
    await page.getByLabel('Handle or email').fill(b);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await page
      .locator('header.site-header')
      .getByRole('button', { name: `Account menu for @${b}` })
      .waitFor();

    // B follows A from A's profile, in the browser session.
    const followed = await page.evaluate(async (handle) => {
      const csrf = document.cookie
        .split(';')
        .map((c) => c.trim())
        .find((c) => c.startsWith('sb_csrf='))
        ?.slice('sb_csrf='.length);
      const r = await fetch(`/api/v1/users/${handle}/follow`, {
        method: 'PUT',
        headers: { 'X-CSRF-Token': decodeURIComponent(csrf ?? '') },
      });
      return r.status;
    }, a);
    assert.equal(followed, 204);

    await page.goto(`${BASE_URL}/`);
    await page.getByRole('heading', { name: 'Your feed' }).waitFor();
    const bell = page.getByTestId('notifications-bell');
    await bell.waitFor();
    assert.equal(await page.getByTestId('notifications-badge').count(), 0, 'no unread notifications yet');

    // A starts a topic; B's tab is not reloaded.
    const title = `Generation ships, revisited ${a}`;
    const created = await aApi.request('POST', '/topics', {
      board: BOARD,
      title,
      body: 'What would a thousand-year voyage do to a language? Notes for the ship chapters.',
      tags: [],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const started = Date.now();
    await page.getByTestId('notifications-badge').waitFor({ timeout: 10_000 });
    const delay = Date.now() - started;
    assert.equal((await page.getByTestId('notifications-badge').textContent()).trim(), '1');
    console.log(`badge shown ${delay} ms after the topic was created`);

    await page.getByTestId('home-feed').getByRole('link', { name: title }).waitFor({ timeout: 10_000 });

    // The menu lists it; opening the full page shows it too.
    await bell.click();
    await page
      .getByRole('link', { name: new RegExp(`started “${title}”`) })
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'See all notifications' }).click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await page
      .getByRole('main')
      .getByRole('link', { name: new RegExp(title) })
      .first()
      .waitFor();
    await screenshot(page, 'notifications');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('watching a board from its page: replies reach the feed and the topic list counts unread', async () => {
  await requireBackend();
  const a = uniqueHandle();
  const b = uniqueHandle();
  const aApi = await account(a);
  const bApi = await account(b);
  const title = `Tidally locked weather ${a}`;
  const created = await aApi.request('POST', '/topics', {
    board: BOARD,
    title,
    body: 'How would clouds move on a planet that always shows one face to its star?',
    tags: [],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const topicId = created.body.id;
  // B has read the first post.
  assert.equal((await bApi.request('POST', `/topics/${topicId}/read`, { postNumber: 1 })).status, 204);

  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors = watchForErrors(page);
    await page.goto(`${BASE_URL}/signin`);
    await page.getByLabel('Handle or email').fill(b);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await page
      .locator('header.site-header')
      .getByRole('button', { name: `Account menu for @${b}` })
      .waitFor();

    await page.goto(`${BASE_URL}/b/${BOARD}`);
    const select = page.getByTestId('watch-boards');
    await select.waitFor();
    assert.equal(await select.inputValue(), 'normal');
    await select.selectOption('watching');
    await page.waitForFunction(() => {
      const s = document.querySelector('[data-testid="watch-boards"]');
      return s instanceof HTMLSelectElement && !s.disabled && s.value === 'watching';
    });
    const level = await bApi.request('GET', `/boards/${BOARD}/watch`);
    assert.equal(level.body.level, 'watching');

    const reply = await aApi.request('POST', `/topics/${topicId}/posts`, {
      body: 'The terminator line would be one long storm front, I think.',
    });
    assert.equal(reply.status, 201, JSON.stringify(reply.body));

    // The reply appears in B's feed as a reply card (the feed is fanned out from the outbox).
    await page.goto(`${BASE_URL}/`);
    const card = page.getByTestId('home-feed').locator('[data-kind="reply"]').filter({ hasText: title });
    for (let i = 0; i < 20 && (await card.count()) === 0; i++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    await card.first().waitFor({ timeout: 5_000 });
    assert.match(await card.first().textContent(), new RegExp(`New reply by @${a}`));

    // The board's list counts the unread reply on the watched board's topic.
    await page.goto(`${BASE_URL}/b/${BOARD}`);
    await page.getByRole('main').getByLabel('1 unread posts').first().waitFor({ timeout: 10_000 });
    await screenshot(page, 'board-watching');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
