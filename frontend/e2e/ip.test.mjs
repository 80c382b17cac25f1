// The IP catalogue, the author dashboard and a certificate's title in a real browser against a
// running backend (STARBRIDGE_URL): a writer publishes a story and offers its film rights; a
// signed-out reader finds it in the catalogue through the facets; the writer sees it on the
// dashboard and follows its registration to the certificate, which names the work.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BASE_URL,
  account,
  launchBrowser,
  requireBackend,
  screenshot,
  signIn,
  uniqueHandle,
  watchForErrors,
} from './support.mjs';

async function until(what, check, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

test('a story offered for film is found through the facets and shows on its author’s dashboard', async () => {
  await requireBackend();
  const writer = uniqueHandle();
  const { api } = await account(writer, `${writer}@example.org`);
  const stamp = Date.now().toString(36);
  const title = `Lighthouse ${stamp}`;
  const created = await api.request('POST', '/works', {
    title,
    summary: `A keeper on Europa counts ice quakes (${stamp}).`,
    type: 'short_story',
    language: 'en',
    genres: ['hard-sf'],
    rating: 'general',
    status: 'complete',
    visibility: 'public',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const work = created.body.id;
  const chapter = await api.request('POST', `/works/${work}/chapters`, {
    title: 'Ice',
    body: `Under the ice of Europa the lighthouse burned for the first time (${stamp}).`,
  });
  assert.equal(chapter.status, 201, JSON.stringify(chapter.body));
  const rights = await api.request('PUT', `/works/${work}/rights`, {
    rights: [{ medium: 'film_tv', status: 'available' }],
  });
  assert.equal(rights.status, 200, JSON.stringify(rights.body));
  await until('the catalogue to index the work', async () => {
    const r = await fetch(`${BASE_URL}/api/v1/ip/catalogue?q=${stamp}`);
    const body = await r.json();
    return body.items.some((i) => i.work.id === work);
  });

  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors = watchForErrors(page);

    // Signed out: the catalogue, narrowed by a facet.
    await page.goto(`${BASE_URL}/ip?q=${stamp}`);
    const main = page.getByRole('main');
    await main.getByRole('link', { name: title }).first().waitFor();
    const length = main.getByRole('group', { name: 'Length' });
    await length.getByRole('checkbox', { name: /Short story/ }).waitFor();
    // The checkbox follows the query string, which the router updates in a transition: click, then
    // wait for the URL and the checked state (Playwright's check() may look too early).
    const filmTv = main
      .getByRole('group', { name: 'Available for' })
      .getByRole('checkbox', { name: /Film \/ TV/ });
    await filmTv.click();
    await page.waitForURL(/medium=film_tv/);
    await page.waitForFunction((el) => el.checked, await filmTv.elementHandle());
    await main.getByRole('link', { name: title }).first().waitFor();
    await screenshot(page, 'ip-catalogue');

    // The writer's dashboard, from the account menu.
    await signIn(page, writer);
    await page
      .locator('header.site-header')
      .getByRole('button', { name: `Account menu for @${writer}` })
      .click();
    await page.getByRole('menuitem', { name: 'Author dashboard' }).click();
    await page.waitForURL(/\/dashboard$/);
    const works = page.getByRole('region', { name: 'Your works' });
    const row = works.getByRole('row', { name: new RegExp(title) });
    await row.waitFor();
    await row.getByText('Film / TV: Available').waitFor();
    await row.getByRole('img', { name: /hits in the last 30 days/ }).waitFor();
    await screenshot(page, 'author-dashboard');
    const registrations = page.getByRole('region', { name: 'Your registrations' });
    await registrations
      .getByRole('link', { name: /^Certificate #\d+$/ })
      .first()
      .click();
    await page.waitForURL(/\/registry\/entries\/\d+$/);
    await page.getByRole('main').getByRole('link', { name: title, exact: true }).waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Ice' }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
