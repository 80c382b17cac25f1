// The forum core in a real browser against a running backend (STARBRIDGE_URL): a member starts a
// topic with a table, a spoiler and math; another replies, quotes, reacts and bookmarks; a
// moderator and then the author edit, and the history shows the diff; the moderator locks the
// topic and the reply box is gone for members.
//
// Needs an administrator to appoint the moderator: the backend must run with
// STARBRIDGE_ADMIN_EMAIL=e2e-admin@starbridge.test (./starbridge test sets it).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ADMIN_EMAIL,
  ADMIN_HANDLE,
  BASE_URL,
  account,
  launchBrowser,
  requireBackend,
  screenshot,
  signIn,
  uniqueHandle,
  watchForErrors,
} from './support.mjs';

const BOARD = 'writing';

const TOPIC_BODY = [
  'Orbital numbers for the **Dyson swarm** chapter:',
  '',
  '| Shell | Radius (AU) | Temperature |',
  '|---|---:|---:|',
  '| inner | 0.5 | 557 K |',
  '| outer | 1.0 | 394 K |',
  '',
  'The ending: >!the swarm was never finished!<',
  '',
  'Equilibrium temperature $T = \\left(\\frac{L}{16 \\pi \\sigma d^2}\\right)^{1/4}$ and',
  '',
  '$$E = mc^2$$',
].join('\n');

test('members discuss a topic; a moderator locks it', async () => {
  await requireBackend();
  const admin = await account(ADMIN_HANDLE, ADMIN_EMAIL, { mayExist: true });
  assert.equal(
    admin.user.role,
    'admin',
    `${ADMIN_EMAIL} is not an administrator: start the backend with STARBRIDGE_ADMIN_EMAIL=${ADMIN_EMAIL}`,
  );
  const author = uniqueHandle();
  const member = uniqueHandle();
  const moderator = uniqueHandle();
  await account(author, `${author}@example.org`);
  await account(member, `${member}@example.org`);
  await account(moderator, `${moderator}@example.org`);
  const promoted = await admin.api.request('PATCH', `/admin/users/${moderator}`, { role: 'moderator' });
  assert.equal(promoted.status, 200, JSON.stringify(promoted.body));

  const title = `Dyson swarm numbers ${author}`;
  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors = watchForErrors(page);

    // --- The author starts a topic from the board page. --------------------------------------
    await signIn(page, author);
    await page.goto(`${BASE_URL}/b/${BOARD}`);
    await page.getByRole('heading', { name: 'Writing & Worldbuilding', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'New topic' }).first().click();
    await page.getByRole('heading', { name: 'New topic in Writing & Worldbuilding' }).waitFor();
    await page.getByLabel('Title').fill(title);
    await page.getByText(`${title.length} / 200`).waitFor();
    await page.getByLabel('Tags', { exact: true }).fill('worldbuilding');
    await page.keyboard.press('Enter');
    await page.getByLabel('Text', { exact: true }).fill(TOPIC_BODY);
    // The live preview is the server's rendering, math included.
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.locator('table').waitFor();
    await preview.locator('.katex').first().waitFor();
    // A double click still creates one topic (busy button, and one Idempotency-Key).
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/topics') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Create topic' }).dblclick();
    assert.equal((await created).status(), 201);
    await page.waitForURL(/\/t\/[^/]+\/\d+$/);
    const topicUrl = page.url();
    const topicId = Number(topicUrl.split('/').pop());
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();

    const first = page.locator('#post-1');
    await first.locator('.cooked table').waitFor();
    assert.equal(await first.locator('.cooked table td').count(), 6);
    const spoiler = first.locator('.cooked .spoiler');
    assert.equal(await spoiler.getAttribute('role'), 'button');
    assert.equal(await spoiler.getAttribute('aria-expanded'), 'false');
    assert.notEqual(await spoiler.evaluate((el) => getComputedStyle(el).filter), 'none');
    await first.locator('.katex').first().waitFor();
    assert.ok((await first.locator('.katex').count()) >= 2, 'KaTeX renders the inline and display math');
    assert.equal(await first.locator('.katex-display').count(), 1);
    await spoiler.click();
    assert.equal(await spoiler.getAttribute('aria-expanded'), 'true');
    await page.waitForFunction(
      () => getComputedStyle(document.querySelector('#post-1 .spoiler')).filter === 'none',
    );
    const sameTitle = await fetch(`${BASE_URL}/api/v1/boards/${BOARD}/topics?sort=new&limit=20`).then((r) =>
      r.json(),
    );
    assert.equal(
      sameTitle.items.filter((x) => x.title === title).length,
      1,
      'the double click made one topic',
    );

    // --- Another member replies, quotes, reacts and bookmarks. -------------------------------
    await signIn(page, member);
    await page.goto(topicUrl);
    await first.waitFor();
    await page.getByRole('button', { name: 'Reply to topic' }).click();
    const text = page.getByLabel('Text', { exact: true });
    await text.fill('The outer shell is where the **story** lives.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    await page.locator('#post-2').getByText('The outer shell is where the story lives.').waitFor();

    await first.getByRole('button', { name: 'Quote' }).click();
    await page.getByRole('heading', { name: `Reply to “${title}”` }).waitFor();
    await page.waitForFunction(() =>
      /^> Orbital numbers/m.test(document.querySelector('textarea')?.value ?? ''),
    );
    const quoted = await text.inputValue();
    assert.match(quoted, new RegExp(`> — \\[@${author} #1\\]\\(/t/[^)]+/${topicId}\\)`));
    await text.press('End');
    await text.pressSequentially('Agreed about the table.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    const third = page.locator('#post-3');
    await third.locator('.cooked blockquote').waitFor();
    assert.equal(await third.locator('.cooked blockquote a[href*="/t/"]').count(), 1);
    await third.getByText(`@${author}`).first().waitFor();

    await first.getByRole('button', { name: /^Like/ }).click();
    await first.getByRole('button', { name: 'Like (1)', pressed: true }).waitFor();
    await first.getByRole('button', { name: 'Add a reaction' }).click();
    await page.getByRole('button', { name: 'Rocket' }).click();
    await first.getByRole('button', { name: 'Rocket (1)', pressed: true }).waitFor();
    await first.getByRole('button', { name: 'Who reacted' }).click();
    await page.locator('.reactors').getByText(`@${member}`).first().waitFor();
    await page.keyboard.press('Escape');

    await first.getByRole('button', { name: 'Bookmark this post' }).click();
    await page.getByLabel('Note (optional)').fill('table for chapter 3');
    await page.getByRole('button', { name: 'Save bookmark' }).click();
    await first.getByRole('button', { name: 'Edit bookmark', pressed: true }).waitFor();
    await screenshot(page, '10-topic-member');
    await page.goto(`${BASE_URL}/me/bookmarks`);
    await page.getByRole('link', { name: title }).waitFor();
    await page.getByText('table for chapter 3').waitFor();

    // --- The moderator tidies the first post; then the author edits it. ----------------------
    await signIn(page, moderator);
    await page.goto(topicUrl);
    await first.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { name: 'Edit post #1' }).waitFor();
    await page.waitForFunction(() => (document.querySelector('textarea')?.value ?? '').startsWith('Orbital'));
    await text.fill(TOPIC_BODY.replace('Orbital numbers', 'Orbit numbers'));
    await page.getByLabel('Reason for the edit').fill('typo');
    await page.getByRole('button', { name: 'Save edit' }).click();
    await first.getByText('Orbit numbers for the').waitFor();

    await signIn(page, author);
    await page.goto(topicUrl);
    await first.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.waitForFunction(() => (document.querySelector('textarea')?.value ?? '').startsWith('Orbit '));
    await text.fill(
      TOPIC_BODY.replace('Orbital numbers', 'Orbit numbers').replace('never finished', 'never begun'),
    );
    await page.getByRole('button', { name: 'Save edit' }).click();
    await first.getByText('never begun', { exact: false }).waitFor({ state: 'attached' });
    await first.getByRole('button', { name: /Edited; show the history/ }).click();
    const history = page.getByRole('dialog', { name: 'History of post #1' });
    await history.getByText('Version 3').waitFor();
    await history.locator('ins', { hasText: 'begun' }).first().waitFor();
    await history.locator('del', { hasText: 'finished' }).first().waitFor();
    await history.locator('del', { hasText: 'Orbital' }).first().waitFor();
    await history.getByText('Reason: typo').waitFor();
    await screenshot(page, '11-revision-diff');
    await history.getByRole('button', { name: 'Close' }).click();

    // --- The moderator locks the topic. ------------------------------------------------------
    await signIn(page, moderator);
    await page.goto(topicUrl);
    await page.getByRole('button', { name: 'Moderate' }).click();
    await page.getByRole('menuitem', { name: 'Lock' }).click();
    await page.getByText('This topic is locked').waitFor();

    // --- …and the member can no longer reply. ------------------------------------------------
    await signIn(page, member);
    await page.goto(topicUrl);
    await page.getByText('This topic is locked').waitFor();
    await first.waitFor();
    assert.equal(await page.getByRole('button', { name: 'Reply to topic' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Reply', exact: true }).count(), 0);
    assert.equal(await page.locator('textarea').count(), 0);

    // --- Screenshots of the topic and the board, desktop and phone. ---------------------------
    await screenshot(page, '12-topic-desktop');
    await page.goto(`${BASE_URL}/b/${BOARD}`);
    await page.getByRole('link', { name: title }).waitFor();
    await screenshot(page, '13-board-desktop');
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(topicUrl);
    await first.locator('.katex').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the topic page is ${overflow}px wider than a 360px screen`);
    await screenshot(page, '14-topic-360px');
    await page.goto(`${BASE_URL}/b/${BOARD}`);
    await page.getByRole('link', { name: title }).waitFor();
    const boardOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(boardOverflow <= 0, `the board page is ${boardOverflow}px wider than a 360px screen`);
    await screenshot(page, '15-board-360px');

    assert.deepEqual(errors, []);
  } catch (error) {
    const page = browser.context.pages()[0];
    if (page) await screenshot(page, 'failure-forum').catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
});
