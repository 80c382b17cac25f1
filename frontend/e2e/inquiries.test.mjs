// Adaptation inquiries in a real browser against a running backend (STARBRIDGE_URL): a writer
// publishes a public work with film/TV rights available; a producer asks for the industry badge and
// an administrator approves it; the producer finds the work in the IP catalogue by the medium facet,
// opens it and sends an inquiry; the writer sees it on the author dashboard, opens it from their
// received inquiries and agrees; the dashboard counts it as agreed and the work's rights read
// "Under option".
//
// Needs the administrator account: the backend must run with
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

test('a verified producer inquires from the catalogue, the writer agrees, the right is under option', async () => {
  await requireBackend();
  const admin = await account(ADMIN_HANDLE, ADMIN_EMAIL, { mayExist: true });
  assert.equal(admin.user.role, 'admin', `start the backend with STARBRIDGE_ADMIN_EMAIL=${ADMIN_EMAIL}`);
  const writer = uniqueHandle();
  const producer = uniqueHandle();
  const { api: writerApi } = await account(writer, `${writer}@example.org`);
  const { api: producerApi } = await account(producer, `${producer}@example.org`);

  // The writer's public work with film/TV rights available (the rights editor has its own test).
  const title = `星桥彼岸 ${writer}`;
  const work = await writerApi.request('POST', '/works', {
    title,
    summary: '一部开放改编的小说',
    type: 'novel',
    language: 'zh-Hans',
    rating: 'general',
    visibility: 'public',
  });
  assert.equal(work.status, 201, JSON.stringify(work.body));
  const workId = work.body.id;
  const rights = await writerApi.request('PUT', `/works/${workId}/rights`, {
    rights: [{ medium: 'film_tv', status: 'available', terms: 'Option first' }],
  });
  assert.equal(rights.status, 200, JSON.stringify(rights.body));

  // The producer's industry badge, asked for and approved the way people-groups shows in the UI.
  const asked = await producerApi.request('POST', '/me/verifications', {
    kind: 'industry',
    evidence: 'Development executive at a film studio.',
    links: [],
  });
  assert.equal(asked.status, 201, JSON.stringify(asked.body));
  const decided = await admin.api.request('POST', `/admin/verifications/${asked.body.id}/decision`, {
    decision: 'approve',
    note: 'Checked.',
  });
  assert.equal(decided.status, 200, JSON.stringify(decided.body));

  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors = watchForErrors(page);

    // --- The producer finds the work in the catalogue by facet and sends an inquiry. ------------
    await signIn(page, producer);
    await page.goto(`${BASE_URL}/ip?q=${encodeURIComponent(writer)}`);
    const medium = page.getByRole('group', { name: 'Available for' });
    // The checkbox follows the query string, which the router updates in a transition: click, then
    // wait for the URL and the checked state (Playwright's check() looks too early).
    const filmTv = medium.getByRole('checkbox', { name: /Film \/ TV/ });
    await filmTv.click();
    await page.waitForURL(/medium=film_tv/);
    await page.waitForFunction((el) => el.checked, await filmTv.elementHandle());
    // The catalogue offers the inquiry too; the producer reads the work first.
    // (Scoped to this work: the search may also find other runs' works against the same server.)
    const item = page.getByRole('listitem').filter({ hasText: title });
    await item.getByRole('button', { name: 'Ask about rights' }).waitFor();
    await item.getByRole('link', { name: title }).first().click();
    await page.waitForURL(new RegExp(`/works/${workId}$`));

    await page.getByRole('button', { name: 'Ask about rights' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ask about adaptation rights' });
    // Sent empty first: the form names what is missing.
    await dialog.getByRole('button', { name: 'Send inquiry' }).click();
    await dialog.getByText('This field is required.').first().waitFor();
    await dialog.getByLabel('Territory').fill('Worldwide');
    await dialog.getByLabel('Term').fill('18-month option');
    await dialog.getByLabel('Message (Markdown)').fill('We would love to **option** this for a series.');
    await dialog.getByRole('button', { name: 'Send inquiry' }).click();
    await page.waitForURL(/\/inquiries\/\d+$/);
    const inquiryPath = new URL(page.url()).pathname;
    await page.getByTestId('inquiry-state').getByText('Sent').waitFor();
    await page.locator('.inquiry-message strong', { hasText: 'option' }).waitFor();
    await page.getByRole('button', { name: 'Withdraw' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Agree' }).count(), 0, 'only authors agree');

    // --- The writer sees it on the author dashboard, open, from a verified producer. -----------
    await signIn(page, writer);
    await page.goto(`${BASE_URL}/dashboard`);
    const section = page.getByRole('region', { name: 'Inquiries about your works' });
    const counts = section.getByRole('list', { name: 'Inquiries per state' });
    await counts
      .getByRole('listitem')
      .filter({ hasText: /^Sent 1$/ })
      .waitFor();
    await counts
      .getByRole('listitem')
      .filter({ hasText: /^Agreed 0$/ })
      .waitFor();
    const filters = section.getByRole('group', { name: 'Show inquiries' });
    const received = section.getByRole('listitem').filter({ hasText: title });
    await received.getByText('Sent', { exact: true }).waitFor();
    await received.getByText('Verified industry professional').waitFor();
    await received.getByText('18-month option', { exact: false }).waitFor();
    assert.equal(
      await received.getByRole('link', { name: 'Open the thread' }).getAttribute('href'),
      inquiryPath,
    );
    await screenshot(page, 'dashboard-inquiries');

    // --- The writer opens it from the received inquiries and agrees. ----------------------------
    await page.goto(`${BASE_URL}/inquiries/received`);
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(new RegExp(`${inquiryPath}$`));
    const reply = page.getByLabel('Reply (Markdown)');
    await reply.fill('Happy to talk. An option sounds right.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    // An author's reply moves the inquiry into discussion.
    await page.getByTestId('inquiry-state').getByText('In discussion').waitFor();
    await page.getByRole('button', { name: 'Agree' }).click();
    const agree = page.getByRole('dialog', { name: 'Confirm the agreement' });
    await agree.getByRole('radio', { name: 'Under option' }).check();
    await agree.getByRole('button', { name: 'Confirm agreement' }).click();
    await page.getByTestId('inquiry-state').getByText('Agreed').waitFor();
    await page.getByText('This inquiry is closed.').waitFor();
    await screenshot(page, 'inquiry-agreed');

    // The dashboard counts it as agreed now, and no longer among the open ones.
    await page.goto(`${BASE_URL}/dashboard`);
    await counts
      .getByRole('listitem')
      .filter({ hasText: /^Agreed 1$/ })
      .waitFor();
    await counts
      .getByRole('listitem')
      .filter({ hasText: /^Sent 0$/ })
      .waitFor();
    await section.getByText('No open inquiries about your works.').waitFor();
    await filters.getByRole('button', { name: 'Agreed' }).click();
    await section
      .getByRole('listitem')
      .filter({ hasText: title })
      .getByText('Agreed', { exact: true })
      .waitFor();
    await page.goto(`${BASE_URL}${inquiryPath}`);

    // --- The work's rights now read "Under option", for everyone. -------------------------------
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(new RegExp(`/works/${workId}$`));
    const row = page.locator('.rights-table tr', { hasText: 'Film / TV' });
    await row.getByText('Under option').waitFor();

    // The producer hears about it (the notifier runs after the commit).
    let kinds = [];
    for (let i = 0; i < 50; i++) {
      const notes = await producerApi.request('GET', '/notifications?limit=50');
      kinds = notes.body.items.map((n) => `${n.kind}:${n.data.state ?? ''}`);
      if (kinds.includes('inquiry_state:agreed')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(kinds.includes('inquiry_state:agreed'), JSON.stringify(kinds));
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
