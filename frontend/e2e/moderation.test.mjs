// Moderation in a real browser against a running backend (STARBRIDGE_URL): three members report a
// post, it is hidden pending review and its author is told so; a moderator reviews the queue and
// deletes it with the keyboard; the author sees that a moderator removed it.
//
// Needs an administrator to appoint the moderator: the backend must run with
// STARBRIDGE_ADMIN_EMAIL=e2e-admin@starbridge.test (./starbridge test sets it).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import {
  BASE_URL,
  launchBrowser,
  linkFromMailbox,
  requireBackend,
  screenshot,
  uniqueHandle,
  watchForErrors,
} from './support.mjs';

const PASSWORD = 'quiet nebula 42 lighthouse';
const ADMIN_EMAIL = 'e2e-admin@starbridge.test';
const ADMIN_HANDLE = 'e2e_admin';
const BOARD = 'writing';

/** A tiny API client for setting up accounts from Node: cookies, CSRF, JSON. */
class ApiSession {
  cookies = new Map();

  async request(method, path, body, extraHeaders = {}) {
    if (method !== 'GET' && !this.cookies.has('sb_csrf')) await this.request('GET', '/boards');
    const headers = {
      Accept: 'application/json',
      Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      ...extraHeaders,
    };
    if (method !== 'GET') headers['X-CSRF-Token'] = decodeURIComponent(this.cookies.get('sb_csrf') ?? '');
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${BASE_URL}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }
}

async function account(handle, email, { mayExist = false } = {}) {
  const api = new ApiSession();
  const registered = await api.request('POST', '/auth/register', {
    handle,
    email,
    password: PASSWORD,
    displayName: handle.replace(/^e2e_/, 'E2E '),
    locale: 'en',
  });
  if (registered.status === 201) {
    const link = new URL(await linkFromMailbox(email, '/verify-email'));
    const verified = await api.request('POST', '/auth/verify-email', {
      token: link.searchParams.get('token'),
    });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
  } else if (!(mayExist && registered.status === 409)) {
    assert.fail(`registering ${handle} answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  }
  const login = await api.request('POST', '/auth/login', { login: handle, password: PASSWORD });
  assert.equal(login.status, 200, `signing in ${handle}: ${JSON.stringify(login.body)}`);
  return { api, user: login.body, handle };
}

async function signIn(page, handle) {
  await page.context().clearCookies();
  await page.goto(`${BASE_URL}/signin`);
  await page.getByLabel('Handle or email').fill(handle);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await page
    .locator('header.site-header')
    .getByRole('button', { name: `Account menu for @${handle}` })
    .waitFor();
}

test('three members report a post; a moderator deletes it from the queue; the author is told', async () => {
  await requireBackend();
  const admin = await account(ADMIN_HANDLE, ADMIN_EMAIL, { mayExist: true });
  assert.equal(admin.user.role, 'admin', `start the backend with STARBRIDGE_ADMIN_EMAIL=${ADMIN_EMAIL}`);
  const [author, starter, r1, r2, r3, moderator] = await Promise.all(
    ['author', 'starter', 'rep1', 'rep2', 'rep3', 'mod'].map(async (role) => {
      const handle = `${uniqueHandle()}${role}`.slice(0, 30);
      return account(handle, `${handle}@example.org`);
    }),
  );
  const promoted = await admin.api.request('PATCH', `/admin/users/${moderator.handle}`, {
    role: 'moderator',
  });
  assert.equal(promoted.status, 200, JSON.stringify(promoted.body));

  // New members score 1 each: three of them reach a threshold of 3 (the default 4 needs trust).
  const settings = await admin.api.request('GET', '/admin/settings');
  const hideScore = settings.body.values.reportHideScore;
  assert.equal((await admin.api.request('PATCH', '/admin/settings', { reportHideScore: 3 })).status, 200);

  const browser = await launchBrowser();
  try {
    const topic = await starter.api.request(
      'POST',
      '/topics',
      { board: BOARD, title: `Moderation check ${Date.now()}`, body: 'Where do we draw the line?', tags: [] },
      { 'Idempotency-Key': randomUUID() },
    );
    assert.equal(topic.status, 201, JSON.stringify(topic.body));
    const reply = await author.api.request(
      'POST',
      `/topics/${topic.body.id}/posts`,
      { body: 'BUY CHEAP ROCKETS at the usual place, best prices in the galaxy' },
      { 'Idempotency-Key': randomUUID() },
    );
    assert.equal(reply.status, 201, JSON.stringify(reply.body));
    const topicUrl = `${BASE_URL}/t/${topic.body.slug}/${topic.body.id}`;

    const page = await browser.context.newPage();
    const problems = watchForErrors(page);

    // The first reporter uses the dialog.
    await signIn(page, r1.handle);
    await page.goto(topicUrl);
    const post = page.locator('article[data-post-number="2"]');
    await post.getByText('BUY CHEAP ROCKETS').waitFor();
    await post.getByRole('button', { name: /More actions|#2/ }).click();
    await page.getByRole('menuitem', { name: 'Report post' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report this post' });
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText('Choose a reason.').waitFor();
    await dialog.getByLabel(/^Spam/).check();
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await dialog.getByText('Thank you. Moderators will look at it soon.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Two more through the API: the score (3) and the reporters (3) now pass the thresholds.
    for (const reporter of [r2, r3]) {
      const filed = await reporter.api.request('POST', '/reports', {
        targetType: 'post',
        targetId: reply.body.id,
        reason: 'spam',
      });
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
    }

    // Hidden: other members no longer see it; the author sees why.
    const asStarter = await starter.api.request('GET', `/topics/${topic.body.id}/posts`);
    assert.ok(!asStarter.body.items.some((p) => p.id === reply.body.id && p.bodyHtml), 'still visible');
    await signIn(page, author.handle);
    await page.goto(topicUrl);
    await post.getByText('Hidden pending review').waitFor();
    await screenshot(page, 'moderation-hidden-author');

    // The moderator finds it in the queue and deletes it with the keyboard.
    await signIn(page, moderator.handle);
    await page
      .locator('header.site-header')
      .getByRole('button', { name: /Account menu/ })
      .click();
    await page.getByRole('menuitem', { name: 'Review queue' }).click();
    await page.getByText('Keys: j / k move').waitFor();
    const item = page.getByTestId('queue-item').filter({ hasText: 'BUY CHEAP ROCKETS' });
    await item.waitFor();
    await item.getByText(/Score 3 of 3 · 3 reporters/).waitFor();
    await item.click();
    await page.keyboard.press('x');
    await item.waitFor({ state: 'detached' });
    await screenshot(page, 'moderation-queue');

    const log = await moderator.api.request('GET', '/mod/log?action=report.delete');
    assert.ok(
      log.body.items.some((row) => row.targetId === reply.body.id),
      JSON.stringify(log.body),
    );

    // The author sees the outcome.
    await signIn(page, author.handle);
    await page.goto(topicUrl);
    await post.getByText('Removed by a moderator').waitFor();
    await screenshot(page, 'moderation-removed-author');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await admin.api.request('PATCH', '/admin/settings', { reportHideScore: hideScore });
  }
});
