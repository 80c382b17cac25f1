// The copyright registry in a real browser against a running backend (STARBRIDGE_URL): a writer
// registers a draft by pasting its text, lands on its certificate (whose signature we check with
// the published key), and a stranger, signed out, pastes one paragraph of it on the verify page
// and finds the entry.
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
