// Search in a real browser against a running backend (STARBRIDGE_URL): a member starts a Chinese
// topic; the header box suggests it for a two-character query, and the search page finds it with
// highlights for a two-character query and for the same words in traditional characters.
import assert from 'node:assert/strict';
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

/** Cookies, CSRF and JSON for setting up content from Node. */
class ApiSession {
  cookies = new Map();

  async request(method, path, body) {
    if (method !== 'GET' && !this.cookies.has('sb_csrf')) await this.request('GET', '/boards');
    const headers = {
      Accept: 'application/json',
      Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
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

async function member() {
  const handle = uniqueHandle();
  const email = `${handle}@starbridge.test`;
  const api = new ApiSession();
  const registered = await api.request('POST', '/auth/register', {
    handle,
    email,
    password: PASSWORD,
    displayName: '搜索测试',
    locale: 'zh-CN',
  });
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  const link = new URL(await linkFromMailbox(email, '/verify-email'));
  const verified = await api.request('POST', '/auth/verify-email', { token: link.searchParams.get('token') });
  assert.equal(verified.status, 200, JSON.stringify(verified.body));
  const login = await api.request('POST', '/auth/login', { login: handle, password: PASSWORD });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  return api;
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
