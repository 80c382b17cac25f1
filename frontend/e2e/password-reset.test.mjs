// Forgot password → reset link by mail → new password → sign in with it → delete the account.
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
import assert from 'node:assert/strict';

test('a member who forgot the password sets a new one, signs in, then deletes the account', async () => {
  await requireBackend();
  const handle = uniqueHandle();
  const email = `${handle}@example.org`;
  // Registering needs no CSRF token while no session cookie is sent.
  const registered = await fetch(`${BASE_URL}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ handle, email, password: 'first orbit 77 comet', locale: 'en' }),
  });
  assert.equal(registered.status, 201, await registered.text());

  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors = watchForErrors(page);
    await page.goto(`${BASE_URL}/signin`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('Check your email').waitFor();

    await page.goto(await linkFromMailbox(email, '/reset-password'));
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('second orbit 88 comet');
    await page.getByLabel('Repeat the new password').fill('second orbit 88 comet!');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('The two passwords differ.').waitFor();
    await page.getByLabel('Repeat the new password').fill('second orbit 88 comet');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('Your password has been changed').waitFor();

    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Handle or email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('first orbit 77 comet');
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong handle, email or password.').waitFor();
    await page.getByLabel('Password', { exact: true }).fill('second orbit 88 comet');
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await page
      .locator('header')
      .getByRole('button', { name: `Account menu for @${handle}` })
      .waitFor();
    // Following the reset link proved the address: no "verify your email" banner.
    assert.equal(await page.getByText('Please verify your email').count(), 0);
    await screenshot(page, '06-after-reset');

    // Delete the account: the handle must be typed before the button works.
    await page.goto(`${BASE_URL}/settings`);
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Delete account' });
    assert.equal(await confirm.isDisabled(), true);
    await dialog.getByLabel(`Type your handle “${handle}” to confirm`).fill(handle);
    await confirm.click();
    await page.getByText('Your account has been deleted.').waitFor();
    await page.locator('header').getByRole('link', { name: 'Sign in' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
