// People and groups in a real browser against a running backend (STARBRIDGE_URL): a writer creates
// a restricted group, a scientist asks to join, the writer approves, the scientist starts a
// discussion in it; an outsider sees the about page but no discussions, and a secret group is a
// "not found" page to them. Then a profile: the scientist edits bio and disciplines, the outsider
// follows them and the follower count moves. Last, an avatar cropped on the canvas and uploaded,
// and a verification request an administrator approves.
//
// Needs an administrator to raise the writer's trust level (creating a group needs level 1): the
// backend must run with STARBRIDGE_ADMIN_EMAIL=e2e-admin@starbridge.test (./starbridge test sets it).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
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

/** The shown name of an account made by account(): `e2e_x` → `E2E x`. */
const nameOf = (handle) => handle.replace(/^e2e_/, 'E2E ');

async function people() {
  const admin = await account(ADMIN_HANDLE, ADMIN_EMAIL, { mayExist: true });
  assert.equal(
    admin.user.role,
    'admin',
    `${ADMIN_EMAIL} is not an administrator: start the backend with STARBRIDGE_ADMIN_EMAIL=${ADMIN_EMAIL}`,
  );
  const writer = uniqueHandle();
  const scientist = uniqueHandle();
  const outsider = uniqueHandle();
  const writerAccount = await account(writer, `${writer}@example.org`);
  await account(scientist, `${scientist}@example.org`);
  await account(outsider, `${outsider}@example.org`);
  const raised = await admin.api.request('PATCH', `/admin/users/${writer}`, { trustLevel: 1 });
  assert.equal(raised.status, 200, JSON.stringify(raised.body));
  return { writer, scientist, outsider, writerApi: writerAccount.api };
}

/** A w × h PNG: a left half in one colour, a right half in another (to see what the crop kept). */
function png(w, h) {
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const at = y * (w * 4 + 1) + 1 + x * 4;
      raw.set(x < w / 2 ? [200, 40, 40, 255] : [40, 40, 200, 255], at);
    }
  }
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The number shown for one of a profile's counts. */
async function profileCount(page, key) {
  const text = await page
    .locator(`.profile-counts__item[data-count="${key}"] .profile-counts__n`)
    .innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

test('a restricted group: request, approval, a member’s discussion, and what outsiders see', async () => {
  await requireBackend();
  const { writer, scientist, outsider, writerApi } = await people();
  const slug = `bridge-${writer.slice(4).replace(/_/g, '-')}`;
  const name = `Hard SF bridge ${writer}`;
  const secretSlug = `secret-${writer.slice(4).replace(/_/g, '-')}`;

  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors = watchForErrors(page);

    // --- The writer creates a restricted group from the directory. ---------------------------
    await signIn(page, writer);
    await page.goto(`${BASE_URL}/groups`);
    await page.getByRole('heading', { name: 'Groups', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'New group' }).click();
    await page.getByRole('heading', { name: 'New group', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Address', { exact: true }).fill(slug);
    await page
      .getByLabel('Description', { exact: true })
      .fill('Writers and **physicists** checking the numbers of near-future fiction.');
    await page.getByRole('radio', { name: /Restricted/ }).check();
    await page.getByRole('checkbox', { name: 'Writer' }).check();
    await page.getByRole('checkbox', { name: 'Scientist' }).check();
    await page.getByLabel('Fields', { exact: true }).fill('orbital mechanics');
    await page.keyboard.press('Enter');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/groups') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Create group' }).click();
    assert.equal((await created).status(), 201);
    await page.waitForURL(`${BASE_URL}/g/${slug}`);
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByText('Restricted', { exact: true }).first().waitFor();
    await page.locator('.group-about').getByText('orbital-mechanics').waitFor();
    await page.getByText('Owner', { exact: true }).first().waitFor();

    // A secret group, made through the API: the outsider must not find it.
    const secret = await writerApi.request('POST', '/groups', {
      slug: secretSlug,
      name: `Secret ${writer}`,
      description: 'Not for outsiders.',
      visibility: 'secret',
      disciplines: ['writer'],
      fields: [],
    });
    assert.equal(secret.status, 201, JSON.stringify(secret.body));

    // --- The scientist asks to join. ---------------------------------------------------------
    await signIn(page, scientist);
    await page.goto(`${BASE_URL}/g/${slug}`);
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByText('Discussions are for members').waitFor();
    await page.getByRole('button', { name: 'Request to join' }).click();
    await page.getByText('Request pending').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Request to join' }).count(), 0);

    // --- The writer approves the request on the members tab. ---------------------------------
    await signIn(page, writer);
    await page.goto(`${BASE_URL}/g/${slug}/members`);
    const requests = page.getByRole('region', { name: 'Join requests' });
    await requests.getByRole('link', { name: nameOf(scientist) }).waitFor();
    await requests.getByRole('button', { name: `Approve ${nameOf(scientist)}` }).click();
    await page.getByText('No one is waiting to join.').waitFor();
    await screenshot(page, 'group-members-manager');
    await page
      .getByRole('region', { name: 'Members' })
      .getByRole('link', { name: nameOf(scientist) })
      .waitFor();

    // --- The scientist, now a member, starts a discussion in the group. ----------------------
    const title = `Delta-v budget for the Jupiter chapter ${scientist}`;
    await signIn(page, scientist);
    await page.goto(`${BASE_URL}/g/${slug}/discussions`);
    await page.getByText('No discussions yet').waitFor();
    await page.getByRole('link', { name: 'New topic' }).first().click();
    await page.getByRole('heading', { name: `New topic in ${name}` }).waitFor();
    await page.getByLabel('Title').fill(title);
    await page
      .getByLabel('Text', { exact: true })
      .fill('A Hohmann transfer takes **2.7 years**; the plot needs 9 months.');
    const posted = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/topics') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Create topic' }).click();
    assert.equal((await posted).status(), 201);
    await page.waitForURL(/\/t\/[^/]+\/\d+$/);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    // The topic's place is the group, not a board.
    const place = page.locator('.topic__meta').getByRole('link', { name: new RegExp(name) });
    assert.equal(await place.getAttribute('href'), `/g/${slug}`);
    await page.goto(`${BASE_URL}/g/${slug}/discussions`);
    await page.getByRole('link', { name: title }).waitFor();
    await screenshot(page, 'group-discussions-member');
    assert.deepEqual(errors, [], 'no page errors for the members');

    // --- An outsider reads the about page, but no discussions; the secret group is not there. -
    await signIn(page, outsider);
    await page.goto(`${BASE_URL}/g/${slug}`);
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByText('checking the numbers of near-future fiction').waitFor();
    await page.getByRole('button', { name: 'Request to join' }).waitFor();
    await screenshot(page, 'group-about-outsider');
    await page.getByRole('link', { name: /^Discussions/ }).click();
    await page.getByText('Discussions are for members').waitFor();
    assert.equal(await page.getByText(title).count(), 0, 'the outsider sees no discussion');
    const topics = await fetch(`${BASE_URL}/api/v1/groups/${slug}/topics`);
    assert.equal(topics.status, 403, 'anonymous callers cannot list the discussions either');
    await page.goto(`${BASE_URL}/groups?q=${encodeURIComponent(writer)}`);
    await page.getByRole('link', { name }).waitFor();
    assert.equal(await page.getByRole('link', { name: `Secret ${writer}` }).count(), 0);
    assert.deepEqual(errors, [], 'no page errors for the outsider');

    await page.goto(`${BASE_URL}/g/${secretSlug}`);
    await page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    assert.equal(await page.getByText(`Secret ${writer}`).count(), 0);
    await screenshot(page, 'group-secret-outsider');
    // The one failed request is the group's own 404.
    assert.ok(
      errors.every((e) => /status of 404/.test(e)),
      errors.join('\n'),
    );
  } finally {
    await browser.close();
  }
});

test('a profile: edit bio and disciplines, be followed, see the count move', async () => {
  await requireBackend();
  const { scientist, outsider } = await people();
  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors = watchForErrors(page);

    // --- The scientist fills in the profile. --------------------------------------------------
    await signIn(page, scientist);
    await page.goto(`${BASE_URL}/settings`);
    const profile = page.getByRole('form', { name: 'Public profile' });
    await profile.getByLabel('About you').fill('Planetary scientist. I check the **orbits** in your novels.');
    await profile.getByRole('checkbox', { name: 'Scientist' }).check();
    await profile.getByRole('checkbox', { name: 'Reader' }).check();
    await profile.getByLabel('Fields', { exact: true }).fill('Planetary Science');
    await page.keyboard.press('Enter');
    await profile.getByLabel('Affiliation').fill('Purple Mountain Observatory');
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await profile.getByText('Saved.').waitFor();

    await page.goto(`${BASE_URL}/u/${scientist}`);
    await page.getByRole('heading', { name: nameOf(scientist), level: 1 }).waitFor();
    await page.locator('.profile-header__bio').getByText('I check the').waitFor();
    await screenshot(page, 'profile-own');
    assert.equal(await page.locator('.profile-header__bio strong').innerText(), 'orbits');
    const disciplines = page.getByRole('list', { name: 'Disciplines' });
    await disciplines.getByText('Scientist').waitFor();
    await disciplines.getByText('Reader').waitFor();
    await page.getByText('planetary-science').waitFor();
    await page.getByText('Purple Mountain Observatory').waitFor();
    // One's own profile offers editing, not following.
    await page.getByRole('link', { name: 'Edit profile' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Follow' }).count(), 0);

    // --- The outsider follows; the count moves and the list shows them. -----------------------
    await signIn(page, outsider);
    await page.goto(`${BASE_URL}/u/${scientist}`);
    await page.getByRole('heading', { name: nameOf(scientist), level: 1 }).waitFor();
    assert.equal(await profileCount(page, 'followers'), 0);
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await page.getByRole('button', { name: 'Unfollow' }).waitFor();
    await page.waitForFunction(
      () => document.querySelector('[data-count="followers"] .profile-counts__n')?.textContent === '1',
    );
    await page.getByRole('link', { name: /^Followers/ }).click();
    await page.waitForURL(`${BASE_URL}/u/${scientist}/followers`);
    await page
      .getByRole('region', { name: 'Followers' })
      .getByRole('link', { name: nameOf(outsider) })
      .waitFor();
    await screenshot(page, 'profile-followers');

    // Unfollowing moves it back.
    await page.getByRole('button', { name: 'Unfollow' }).click();
    await page.getByRole('button', { name: 'Follow', exact: true }).waitFor();
    await page.waitForFunction(
      () => document.querySelector('[data-count="followers"] .profile-counts__n')?.textContent === '0',
    );
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('an avatar cropped in the browser, and a verified badge approved in the queue', async () => {
  await requireBackend();
  await account(ADMIN_HANDLE, ADMIN_EMAIL, { mayExist: true });
  const scientist = uniqueHandle();
  await account(scientist, `${scientist}@example.org`);
  const browser = await launchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors = watchForErrors(page);
    await signIn(page, scientist);
    await page.goto(`${BASE_URL}/settings`);

    // --- Choose a wide picture, drag it to its right (blue) half, zoom a little, upload. --------
    await page.getByLabel('Choose a picture…').setInputFiles({
      name: 'wide.png',
      mimeType: 'image/png',
      buffer: png(600, 300),
    });
    const crop = page.getByRole('img', { name: /Crop area/ });
    await crop.scrollIntoViewIfNeeded();
    const box = await crop.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x - box.width, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await crop.focus();
    await page.keyboard.press('+');
    const uploaded = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/me/avatar') && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: 'Use this picture' }).click();
    const answer = await uploaded;
    assert.equal(answer.status(), 200);
    const { avatarUrl } = await answer.json();
    assert.match(avatarUrl, /^\/media\//);
    // The server's re-encoded avatar is what the page shows now, and it is blue to its left edge:
    // the crop kept the right half of the picture.
    const img = page.locator('.image-settings img.avatar');
    await img.waitFor();
    const colour = await img.evaluate(async (el) => {
      await el.decode();
      const c = document.createElement('canvas');
      c.width = el.naturalWidth;
      c.height = el.naturalHeight;
      const ctx = c.getContext('2d');
      ctx.drawImage(el, 0, 0);
      // Its left edge: red if the crop had stayed in the middle of the picture.
      const [r, , b] = ctx.getImageData(2, c.height / 2, 1, 1).data;
      return { r, b, w: el.naturalWidth, h: el.naturalHeight };
    });
    assert.equal(colour.w, colour.h, 'the avatar is square');
    assert.ok(colour.b > 150 && colour.r < 100, `the crop kept the blue half: ${JSON.stringify(colour)}`);

    // --- A verification request; an admin approves it in the queue. ----------------------------
    const verification = page.getByRole('form', { name: 'Request a badge' });
    await verification.getByLabel('Evidence').fill('Postdoc in planetary science; ORCID below.');
    await verification.getByLabel('Links').fill('https://orcid.org/0000-0002-1825-0097');
    await verification.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('list', { name: 'Your requests' }).getByText('Pending').waitFor();

    await signIn(page, ADMIN_HANDLE);
    await page.goto(`${BASE_URL}/admin/verifications`);
    const item = page.locator('.queue-item', { hasText: `@${scientist}` });
    await item.getByText('Postdoc in planetary science').waitFor();
    await item.getByLabel('Note to the requester (optional)').fill('ORCID checked.');
    await item.getByRole('button', { name: 'Approve' }).click();
    await item.waitFor({ state: 'detached' });

    // The badge shows on the profile, next to the avatar the crop made.
    await page.goto(`${BASE_URL}/u/${scientist}`);
    await page.locator('.profile-header').getByText('Verified scientist').waitFor();
    assert.equal(await page.locator('.profile-header img.avatar').count(), 1);
    await screenshot(page, 'profile-verified');

    await signIn(page, scientist);
    await page.goto(`${BASE_URL}/settings`);
    await page.getByRole('list', { name: 'Your requests' }).getByText('Approved').waitFor();
    await page.getByText('ORCID checked.').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
