// Sign up → verify by mail → sign in → switch language → sign out, in a real browser against a
// running backend (STARBRIDGE_URL).
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

test('a new member signs up, verifies, signs in, switches language and signs out', async () => {
  await requireBackend();
  const handle = uniqueHandle();
  const email = `${handle}@example.org`;
  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors = watchForErrors(page);
    const header = page.locator('header.site-header');

    // Sign up.
    await page.goto(`${BASE_URL}/signup`);
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await page.getByLabel('Handle', { exact: true }).fill(handle);
    await page.getByLabel('Display name', { exact: true }).fill('E2E Tester');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await screenshot(page, '01-sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Check your email').waitFor();

    // Verify with the link from the mail.
    const link = await linkFromMailbox(email, '/verify-email');
    await page.goto(link);
    await page.getByText('Your email is verified').waitFor();

    // Sign in.
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Handle or email').fill(handle);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    const menu = header.getByRole('button', { name: `Account menu for @${handle}` });
    await menu.waitFor();
    assert.equal(await header.getByRole('link', { name: 'Sign in' }).count(), 0);
    await page.getByRole('heading', { name: 'Boards' }).waitFor();

    // Switch to Chinese: the interface changes and the account remembers it.
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH',
    );
    await header.getByRole('button', { name: '中文' }).click();
    assert.equal((await saved).status(), 200);
    await header.getByRole('link', { name: '版块' }).waitFor();
    assert.equal(await header.getByRole('link', { name: 'Boards' }).count(), 0);
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    const me = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.json()));
    assert.equal(me.locale, 'zh-CN');
    await page.reload();
    await header.getByRole('button', { name: `@${handle} 的账号菜单` }).waitFor();
    await screenshot(page, '02-home-signed-in-zh');

    // Settings, in Chinese: rename, then create a personal access token and see it once.
    await page.goto(`${BASE_URL}/settings`);
    await page.getByRole('heading', { name: '账号设置' }).waitFor();
    await page.getByLabel('显示名称', { exact: true }).fill('测试员 E2E');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('已保存。').waitFor();
    await header.getByRole('button', { name: `@${handle} 的账号菜单` }).click();
    await page.getByRole('menu').getByText('测试员 E2E').waitFor();
    await page.keyboard.press('Escape');
    await page.getByLabel('名称', { exact: true }).fill('e2e script');
    await page.getByRole('button', { name: '创建令牌' }).click();
    await page.getByText('令牌“e2e script”已创建').waitFor();
    await page
      .getByRole('list', { name: '你的令牌' })
      .getByRole('button', { name: '撤销 e2e script' })
      .waitFor();
    await screenshot(page, '03-settings-zh');
    await page.getByRole('button', { name: '我已复制' }).click();
    await page.getByRole('button', { name: '撤销 e2e script' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '撤销', exact: true }).click();
    await page.getByText('还没有令牌').waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0);

    // And back to English.
    await header.getByRole('button', { name: 'English' }).click();
    await header.getByRole('link', { name: 'Boards' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    // Sign out from the account menu.
    await header.getByRole('button', { name: `Account menu for @${handle}` }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await header.getByRole('link', { name: 'Sign in' }).waitFor();
    await header.getByRole('link', { name: 'Sign up' }).waitFor();
    assert.equal(await header.getByRole('button', { name: /Account menu/ }).count(), 0);
    await page.getByRole('heading', { name: 'Boards' }).waitFor();
    const after = await page.evaluate(() => fetch('/api/v1/me').then((r) => r.status));
    assert.equal(after, 401);

    await screenshot(page, '04-signed-out');
    assert.deepEqual(errors, []);
  } catch (error) {
    const page = browser.context.pages()[0];
    if (page) await screenshot(page, 'failure-account').catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
});

test('the home page lists the boards on a 360 px wide phone', async () => {
  await requireBackend();
  const browser = await launchBrowser({ viewport: { width: 360, height: 780 }, locale: 'zh-CN' });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors = watchForErrors(page);
    await page.goto(`${BASE_URL}/`);
    await page.getByRole('heading', { name: '版块' }).waitFor();
    await page.locator('.board-card').first().waitFor();
    assert.ok((await page.locator('.board-card').count()) > 0);
    // Nothing may stick out sideways on a narrow screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    // The header's pieces sit side by side, inside the screen, without overlapping.
    const boxes = await Promise.all(
      ['.logo', '.lang-switch', '.session-links'].map((sel) => page.locator(sel).boundingBox()),
    );
    for (let i = 0; i < boxes.length; i++) {
      assert.ok(boxes[i].x >= 0 && boxes[i].x + boxes[i].width <= 360, `header item ${i} leaves the screen`);
      if (i > 0)
        assert.ok(
          boxes[i - 1].x + boxes[i - 1].width <= boxes[i].x,
          `header items ${i - 1} and ${i} overlap`,
        );
    }
    await screenshot(page, '05-home-360px-zh');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
