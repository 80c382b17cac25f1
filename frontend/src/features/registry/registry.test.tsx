import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, type Call } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import type { RegistryCertificate, RegistryMatch } from '@/types/api';
import { verifyInput } from './api/verify';
import { Certificate } from './components/Certificate';
import { DraftForm } from './components/DraftForm';
import { VerifyPanel } from './components/VerifyPanel';

const HASH = 'a'.repeat(64);

/** The registry calls only (the providers also ask GET /me). */
const registryCalls = (calls: Call[]) => calls.filter((c) => c.path.startsWith('/api/v1/registry'));
const signedOut = (call: Call) =>
  call.path === '/api/v1/me' ? problem(401, '/problems/unauthorized') : null;

function certificate(over: Partial<RegistryCertificate> = {}): RegistryCertificate {
  return {
    id: 7,
    seq: 7,
    kind: 'draft',
    authors: [
      {
        id: 3,
        handle: 'liu',
        displayName: 'Liu',
        role: 'member',
        trustLevel: 1,
        avatarUrl: null,
        badges: [],
      },
    ],
    registeredAt: '2026-11-28T20:03:27.123400Z',
    contentHash: HASH,
    paragraphCount: 2,
    paragraphsDigest: 'b'.repeat(64),
    previousHash: 'c'.repeat(64),
    entryHash: 'd'.repeat(64),
    algorithm: 'Ed25519',
    keyId: '0123456789abcdef',
    signature: 'c2lnbmF0dXJl',
    signedMessage: 'starbridge-registry-entry-v1\nseq: 7\n',
    ...over,
  };
}

describe('verifyInput', () => {
  it('treats a bare SHA-256 as a hash and anything else as text', () => {
    expect(verifyInput(`  ${HASH.toUpperCase()}\n`)).toEqual({ hash: HASH.toUpperCase() });
    expect(verifyInput(`${HASH} and more`)).toEqual({ text: `${HASH} and more` });
    expect(verifyInput('第一段')).toEqual({ text: '第一段' });
  });
});

describe('Certificate', () => {
  it('labels every field in both languages and shows the exact signed message', () => {
    const { container } = renderWithApp(<Certificate certificate={certificate()} />, { locale: 'zh-CN' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('登记证书');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Registration certificate');
    expect(screen.getByText('内容哈希（SHA-256）')).toBeTruthy();
    expect(screen.getByText('Content hash (SHA-256)')).toBeTruthy();
    expect(screen.getByText(HASH)).toBeTruthy();
    expect(screen.getByText('2026-11-28T20:03:27.123400Z')).toBeTruthy();
    expect(screen.getByTestId('signed-message').textContent).toBe('starbridge-registry-entry-v1\nseq: 7\n');
    expect(screen.getByText(/只登记了哈希值/)).toBeTruthy();
    // A draft has no work row.
    expect(container.textContent).not.toContain('作品 / 章节 / 版本');
  });

  it('shows the work, chapter and version of a publication', () => {
    renderWithApp(
      <Certificate
        certificate={certificate({
          kind: 'publication',
          workId: 4,
          chapterId: 40,
          chapterNumber: 2,
          version: 3,
        })}
      />,
    );
    expect(screen.getByText('4 / 40 (#2) / v3')).toBeTruthy();
    expect(screen.queryByText(/only its hashes were registered/)).toBeNull();
    // no title when the server withheld it
    expect(screen.queryByText('Title')).toBeNull();
  });

  it('links the work and chapter titles when the server sends them', () => {
    renderWithApp(
      <Certificate
        certificate={certificate({
          kind: 'publication',
          workId: 4,
          chapterId: 40,
          chapterNumber: 2,
          version: 1,
          workTitle: 'The Star Bridge',
          chapterTitle: 'Dawn',
        })}
      />,
    );
    expect(screen.getByRole('link', { name: 'The Star Bridge' }).getAttribute('href')).toBe('/works/4');
    expect(screen.getByRole('link', { name: 'Dawn' }).getAttribute('href')).toBe('/works/4?chapter=2');
  });
});

describe('VerifyPanel', () => {
  it('posts the pasted text and lists the matching entries', async () => {
    const match: RegistryMatch = {
      id: 7,
      seq: 7,
      kind: 'draft',
      authors: [],
      registeredAt: '2026-11-28T20:03:27.123400Z',
      contentHash: HASH,
      entryHash: 'd'.repeat(64),
      keyId: '0123456789abcdef',
      match: 'paragraph',
      matchedParagraphs: 1,
    };
    const calls = mockFetch((c) => signedOut(c) ?? json(200, { items: [match] }));
    renderWithApp(<VerifyPanel />);
    await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(screen.getByText('Paste a text or a hash first.')).toBeTruthy();
    expect(registryCalls(calls)).toHaveLength(0);
    await userEvent.type(screen.getByLabelText('Text or hash'), 'A paragraph long enough');
    await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('link', { name: 'Certificate of entry 7' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Certificate of entry 7' }).getAttribute('href')).toBe(
      '/registry/entries/7',
    );
    expect(screen.getByText('1 matching paragraphs')).toBeTruthy();
    expect(registryCalls(calls)[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/registry/verify',
      body: { text: 'A paragraph long enough' },
    });
  });

  it('says so when nothing matches, and shows a refused hash as a problem', async () => {
    let answer = () => json(200, { items: [] });
    mockFetch((c) => signedOut(c) ?? answer());
    renderWithApp(<VerifyPanel />);
    await userEvent.type(screen.getByLabelText('Text or hash'), 'nothing like it');
    await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('No registered entry matches.')).toBeTruthy();
    answer = () => problem(429, '/problems/rate-limited', { retryAfterSeconds: 30 });
    await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
  });
});

describe('DraftForm', () => {
  it('registers the draft and opens its certificate', async () => {
    const calls = mockFetch((c) => signedOut(c) ?? json(201, certificate({ id: 12, seq: 12 })));
    renderWithApp(
      <Routes>
        <Route path="/" element={<DraftForm />} />
        <Route path="/registry/entries/:id" element={<p>certificate page</p>} />
      </Routes>,
    );
    await userEvent.type(screen.getByLabelText('Draft text'), 'my secret draft');
    await userEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByText('certificate page')).toBeTruthy();
    expect(registryCalls(calls)[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/registry/drafts',
      body: { text: 'my secret draft' },
    });
  });
});
