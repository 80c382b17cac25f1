// The copyright registry in a real browser against a running backend (STARBRIDGE_URL): a writer
// registers a draft by pasting its text, lands on its certificate (whose signature we check with
// the published key), and a stranger, signed out, pastes one paragraph of it on the verify page
// and finds the entry. Then a writer publishes a chapter, opens its certificate from the author
// dashboard, and a stranger verifies a paragraph copied from the reading page (no-break spaces,
// CRLF, a full-width space, trailing spaces; smart quotes kept).
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
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

test('a writer registers a draft; a stranger verifies a pasted paragraph of it', async () => {
  await requireBackend();
  const writer = uniqueHandle();
  await account(writer, `${writer}@example.org`);
  const stamp = Date.now().toString(36);
  const paragraph = `The lighthouse keeper on Europa counted the ice quakes every night (${stamp}).`;
  const draft = `第一章 冰下灯塔\r\n\r\n欧罗巴冰层之下，灯塔的光第一次照亮了海。${stamp}\r\n\r\n${paragraph}\r\n`;

  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors = watchForErrors(page);
    await signIn(page, writer);

    await page.goto(`${BASE_URL}/registry/drafts/new`);
    await page.getByLabel('Draft text').fill(draft);
    await page.getByRole('button', { name: 'Register' }).click();
    await page.waitForURL(/\/registry\/entries\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('heading', { name: /Registration certificate/ }).waitFor();
    const main = page.getByRole('main');
    await main.getByText('Draft', { exact: true }).first().waitFor();
    // Bilingual: the Chinese title is on the English page too.
    await main.getByText('登记证书').waitFor();
    const body = await main.innerText();
    assert.ok(!body.includes('lighthouse keeper'), 'the certificate shows none of the draft text');
    assert.ok(!body.includes('冰下灯塔'), 'the certificate shows none of the draft text');
    const message = await page.getByTestId('signed-message').innerText();
    assert.match(message, new RegExp(`^starbridge-registry-entry-v1\\nseq: ${id}\\nkind: draft\\n`));
    await screenshot(page, 'registry-certificate');

    // The certificate's signature checks out offline with the published key.
    const cert = await (await fetch(`${BASE_URL}/api/v1/registry/entries/${id}`)).json();
    const key = await (await fetch(`${BASE_URL}/api/v1/registry/key`)).json();
    assert.equal(cert.keyId, key.keyId);
    assert.ok(
      verify(
        null,
        Buffer.from(cert.signedMessage, 'utf8'),
        createPublicKey(key.publicKeyPem),
        Buffer.from(cert.signature, 'base64'),
      ),
      'Ed25519 signature verifies',
    );

    // A stranger (signed out) pastes one paragraph on the verify page.
    await page.context().clearCookies();
    await page.goto(`${BASE_URL}/registry/verify`);
    // Outer blank lines and trailing spaces do not count (the canonical form); indentation would.
    await page.getByLabel('Text or hash').fill(`\n${paragraph}  \n`);
    await page.getByRole('button', { name: 'Verify' }).click();
    const found = page.getByRole('link', { name: `Certificate of entry ${id}` });
    await found.waitFor();
    await page.getByText('1 matching paragraphs').first().waitFor();
    await screenshot(page, 'registry-verify');
    await found.click();
    await page.waitForURL(new RegExp(`/registry/entries/${id}$`));
    await page.getByRole('heading', { name: /Registration certificate/ }).waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('a writer publishes and opens the certificate; a stranger verifies a paragraph copied from the page', async () => {
  await requireBackend();
  const writer = uniqueHandle();
  const { api } = await account(writer, `${writer}@example.org`);
  const stamp = Date.now().toString(36);
  // What a writer types: “smart” quotes, a no-break space, a double space, and a paragraph
  // hard-wrapped over two lines (Markdown shows it as one line).
  const typed =
    `\u201cWe land at dawn,\u201d said Captain\u00a0Okafor.  The crew nodded (${stamp}),\n` +
    'and nobody asked about the fuel that was left.';
  const title = `Europa Dawn ${stamp}`;
  const work = await api.request('POST', '/works', {
    title,
    summary: 'A landing.',
    type: 'short_story',
    language: 'en',
    rating: 'general',
    visibility: 'public',
  });
  assert.equal(work.status, 201, JSON.stringify(work.body));
  const chapter = await api.request('POST', `/works/${work.body.id}/chapters`, {
    title: 'Landing',
    body: `The ship came down over the ice.\r\n\r\n${typed}\r\n`,
  });
  assert.equal(chapter.status, 201, JSON.stringify(chapter.body));

  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors = watchForErrors(page);

    // The writer finds the publication's certificate on the author dashboard.
    await signIn(page, writer);
    await page.goto(`${BASE_URL}/dashboard`);
    const registrations = page.getByRole('region', { name: 'Your registrations' });
    const entry = registrations.getByRole('listitem').filter({ hasText: title });
    await entry.getByRole('link', { name: /Certificate #\d+/ }).click();
    await page.waitForURL(/\/registry\/entries\/\d+$/);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByRole('heading', { name: /Registration certificate/ }).waitFor();
    await page.getByRole('main').getByText('Publication', { exact: true }).first().waitFor();

    // A stranger reads the chapter and copies the paragraph as the browser renders it.
    await page.context().clearCookies();
    await page.goto(`${BASE_URL}/works/${work.body.id}`);
    const rendered = page.locator('.chapter p', { hasText: stamp });
    await rendered.waitFor();
    const copied = await rendered.innerText();
    // Soft line breaks render as <br>: the copy keeps the writer's two lines.
    assert.ok(copied.includes('\n'), JSON.stringify(copied));
    assert.ok(copied.includes('\u201c'), 'smart quotes stay as typed');

    await page.goto(`${BASE_URL}/registry/verify`);
    const box = page.getByLabel('Text or hash');
    const button = page.getByRole('button', { name: 'Verify' });
    const found = page.getByRole('link', { name: `Certificate of entry ${id}` });
    // as copied; as a clipboard on Windows gives it (CRLF, U+00A0 as spaces, a full-width space,
    // trailing spaces); and as one line, the way a site without line breaks shows it
    const windows = copied.replaceAll('\u00a0', ' ').replace('Okafor. ', 'Okafor.\u3000');
    const pastes = [copied, `\r\n${windows.replaceAll('\n', '  \r\n')}  \r\n`, copied.replaceAll('\n', ' ')];
    for (const pasted of pastes) {
      await page.goto(`${BASE_URL}/registry/verify`);
      await box.fill(pasted);
      await button.click();
      await found.waitFor();
      await page.getByText('1 matching paragraphs').first().waitFor();
    }
    // Straightened quotes are a different text: nothing matches.
    await page.goto(`${BASE_URL}/registry/verify`);
    await box.fill(copied.replaceAll('\u201c', '"').replaceAll('\u201d', '"'));
    await button.click();
    await page.getByText('No registered entry matches.').waitFor();
    assert.equal(await found.count(), 0);
    await screenshot(page, 'registry-verify-copied');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
