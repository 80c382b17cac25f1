// Helpers for the browser tests: the backend's address, Chromium, the dev mailbox, screenshots.
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
