// Search in a real browser against a running backend (STARBRIDGE_URL): a member starts a Chinese
// topic; the header box suggests it for a two-character query, and the search page finds it with
// highlights for a two-character query and for the same words in traditional characters.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BASE_URL,
  launchBrowser,
  requireBackend,
  screenshot,
  uniqueHandle,
  watchForErrors,
  account,
} from './support.mjs';

/** Cookies, CSRF and JSON for setting up content from Node. */
/** A new member writing in Chinese; their API session. */
async function member() {
  const handle = uniqueHandle();
  const email = `${handle}@starbridge.test`;
  return (await account(handle, email, { displayName: '搜索测试', locale: 'zh-CN' })).api;
}

test('a Chinese topic is found by a two-character query and by traditional characters', async () => {
  await requireBackend();
  const api = await member();
  const nonce = Date.now().toString(36);
  const title = `星际殖民的伦理困境 ${nonce}`;
  const created = await api.request('POST', '/topics', {
    board: 'writing',
    title,
    body: '如果殖民地的居民不同意地球的法律，伦理上谁有权决定？',
    tags: [],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));

  const browser = await launchBrowser({ locale: 'zh-CN' });
  const page = await browser.context.newPage();
  const problems = watchForErrors(page);
  try {
    await page.goto(`${BASE_URL}/`);
    const box = page.getByRole('combobox');
    // Near-real-time: the topic becomes findable within a couple of seconds of being posted.
    await box.fill('殖民');
    const suggestion = page.getByRole('option', { name: new RegExp(nonce) });
    await suggestion.waitFor({ timeout: 10_000 });
    await box.press('Escape');
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=/);
    const result = page.locator('.search-result', { hasText: nonce });
    await result.waitFor();
    assert.equal(await result.locator('.search-result__title mark').first().textContent(), '殖民');
    await screenshot(page, 'search-two-characters');

    // 倫理 is 伦理 in traditional characters.
    await page.goto(`${BASE_URL}/search?q=${encodeURIComponent('倫理')}`);
    const traditional = page.locator('.search-result', { hasText: nonce });
    await traditional.waitFor();
    assert.equal(await traditional.locator('.search-result__title mark').first().textContent(), '伦理');
    await screenshot(page, 'search-traditional');

    // Keyboard: down to the suggestion, Enter opens the topic.
    await page.goto(`${BASE_URL}/`);
    await box.fill('殖民');
    await page.getByRole('option', { name: new RegExp(nonce) }).waitFor();
    await box.press('ArrowDown');
    await box.press('Enter');
    await page.waitForURL(new RegExp(`/t/[^/]+/${created.body.id}$`));
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
