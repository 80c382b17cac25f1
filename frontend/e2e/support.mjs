// Helpers for the browser tests: the backend's address, Chromium, the dev mailbox, screenshots.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.STARBRIDGE_URL || 'http://localhost:8080').replace(/\/+$/, '');
export const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-results');

/** Fails (never skips) when no backend answers: these tests are worthless without one. */
export async function requireBackend() {
  let answer;
  try {
    answer = await fetch(`${BASE_URL}/health`, { signal: AbortSignal.timeout(5000) });
  } catch (error) {
    throw new Error(
      `Starbridge is not reachable at ${BASE_URL} (${error.cause?.code ?? error.message}). ` +
        'Start the backend first and point STARBRIDGE_URL at it, e.g. STARBRIDGE_URL=http://localhost:18080 npm run e2e',
    );
  }
  if (!answer.ok) {
    throw new Error(`Starbridge at ${BASE_URL} is not healthy: GET /health answered ${answer.status}`);
  }
}

/** A fresh Chromium profile per call, removed again by close(). */
export async function launchBrowser(options = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'starbridge-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    locale: 'en-US',
    colorScheme: 'light',
    viewport: { width: 1280, height: 800 },
    ...options,
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Collects what would show a broken page: uncaught errors and CSP violations. Failed requests
 * that the app expects (401 from GET /me while signed out, 404 for a draft that does not exist)
 * are not errors.
 */
export function watchForErrors(page) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/status of 401/.test(text)) return;
    // A composer asks for its saved draft; 404 means there is none.
    if (/status of 404/.test(text) && /\/api\/v1\/drafts\//.test(message.location().url ?? '')) return;
    problems.push(`console error: ${text}`);
  });
  return problems;
}

/** The newest mail to `to` that carries a link containing `pathPart`, waiting up to 15 s. */
export async function linkFromMailbox(to, pathPart) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await fetch(`${BASE_URL}/dev/mailbox`);
    if (!response.ok) {
      throw new Error(
        `GET /dev/mailbox answered ${response.status}: is SMTP configured, or the server not on loopback?`,
      );
    }
    const { items } = await response.json();
    const mail = items.find((m) => m.to === to && m.links.some((l) => l.includes(pathPart)));
    if (mail) {
      // The mail's host comes from the server's public URL; the test talks to BASE_URL.
      const link = new URL(mail.links.find((l) => l.includes(pathPart)));
      return `${BASE_URL}${link.pathname}${link.search}`;
    }
    if (Date.now() > deadline) throw new Error(`No mail to ${to} with a ${pathPart} link arrived`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

export async function screenshot(page, name) {
  await mkdir(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export function uniqueHandle() {
  return `e2e_${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

// ---- accounts ----------------------------------------------------------------------------------

export const PASSWORD = 'quiet nebula 42 lighthouse';
export const ADMIN_EMAIL = 'e2e-admin@starbridge.test';
export const ADMIN_HANDLE = 'e2e_admin';

/** A tiny API client for setting up accounts from Node: cookies, CSRF, JSON. */
export class ApiSession {
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

/** Registers and verifies an account (or, for a fixed one that exists already, just signs in). */
export async function account(handle, email, { mayExist = false, displayName, locale = 'en' } = {}) {
  const api = new ApiSession();
  const registered = await api.request('POST', '/auth/register', {
    handle,
    email,
    password: PASSWORD,
    displayName: displayName ?? handle.replace(/^e2e_/, 'E2E '),
    locale,
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
  return { api, user: login.body };
}

export async function signIn(page, handle) {
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
