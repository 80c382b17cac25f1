import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { json, mockFetch, problem, type Call } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import { Composer, type ComposerResult } from './Composer';

let calls: Call[];
let draft: Record<string, unknown> | null;

beforeEach(() => {
  document.cookie = 'sb_csrf=t; path=/';
  draft = null;
  calls = mockFetch(async (c) => {
    if (c.path === '/api/v1/drafts/new-topic%3Awriting' && c.method === 'GET') {
      return draft ? json(200, draft) : problem(404, '/problems/not-found');
    }
    if (c.path.startsWith('/api/v1/drafts/'))
      return c.method === 'DELETE' ? new Response(null, { status: 204 }) : json(200, {});
    if (c.path === '/api/v1/markdown/preview') {
      const body = (c.body as { body: string }).body;
      return json(200, { bodyHtml: `<p>${body.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')}</p>` });
    }
    if (c.path === '/api/v1/topics') {
      await new Promise((r) => setTimeout(r, 50));
      return json(201, { id: 42, slug: 'a-fine-title', title: 'A fine title' });
    }
    return problem(401, '/problems/unauthorized');
  });
});

function renderComposer(onDone = vi.fn<(r: ComposerResult) => void>()) {
  renderWithApp(
    <Composer
      mode={{ kind: 'topic', board: 'writing', boardName: 'Writing' }}
      onDone={onDone}
      onCancel={() => {}}
    />,
  );
  return onDone;
}

describe('Composer', () => {
  it('counts the title and the text as they are typed', async () => {
    const user = userEvent.setup();
    renderComposer();
    const title = await screen.findByLabelText('Title');
    expect(screen.getByText('0 / 200')).toBeTruthy();
    await user.type(title, '星桥 🚀 go');
    expect(screen.getByText('7 / 200')).toBeTruthy();
    await user.type(screen.getByLabelText('Text'), 'hello');
    expect(screen.getByText('5 / 32,000')).toBeTruthy();
  });

  it('marks a text over the limit', async () => {
    renderComposer();
    const text = await screen.findByLabelText('Text');
    fireEvent.change(text, { target: { value: 'x'.repeat(32_001) } });
    const counter = screen.getByText('32,001 / 32,000');
    expect(counter.className).toContain('counter--over');
  });

  it('refuses a short title and an empty text without asking the server', async () => {
    const user = userEvent.setup();
    renderComposer();
    await user.type(await screen.findByLabelText('Title'), 'Short');
    await user.click(screen.getByRole('button', { name: 'Create topic' }));
    expect(await screen.findByText('Use 6 to 200 characters for the title.')).toBeTruthy();
    expect(screen.getByText('Write something first.')).toBeTruthy();
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true');
    expect(calls.some((c) => c.path === '/api/v1/topics')).toBe(false);
  });

  it('adds tags and stops at five', async () => {
    const user = userEvent.setup();
    renderComposer();
    const tags = await screen.findByLabelText('Tags');
    await user.type(tags, '#Hard-SF{Enter}世界观,a{Enter}');
    expect(screen.getByText('#hard-sf')).toBeTruthy();
    expect(screen.getByText('#世界观')).toBeTruthy();
    expect(screen.getByText('A tag is 2–30 letters, digits, - or _.')).toBeTruthy();
    await user.clear(tags);
    await user.type(tags, 'three{Enter}four{Enter}five{Enter}');
    expect((screen.getByLabelText('Tags') as HTMLInputElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Remove tag four' }));
    expect((screen.getByLabelText('Tags') as HTMLInputElement).disabled).toBe(false);
  });

  it('shows the server’s preview of the text', async () => {
    const user = userEvent.setup();
    renderComposer();
    await user.type(await screen.findByLabelText('Text'), 'some **bold** text');
    await user.click(screen.getByRole('button', { name: 'Show preview' }));
    const strong = await screen.findByText('bold', { selector: 'strong' });
    expect(strong.closest('.cooked')).toBeTruthy();
    expect(calls.filter((c) => c.path === '/api/v1/markdown/preview').length).toBeLessThanOrEqual(2);
  });

  it('sends one topic with an Idempotency-Key however often it is clicked, then drops the draft', async () => {
    const user = userEvent.setup();
    const onDone = renderComposer();
    await user.type(await screen.findByLabelText('Title'), 'A fine title');
    await user.type(screen.getByLabelText('Tags'), 'craft{Enter}');
    await user.type(screen.getByLabelText('Text'), 'Body text');
    const submit = screen.getByRole('button', { name: 'Create topic' });
    await act(async () => {
      fireEvent.click(submit);
      fireEvent.click(submit);
    });
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    const posts = calls.filter((c) => c.path === '/api/v1/topics');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toEqual({
      board: 'writing',
      title: 'A fine title',
      body: 'Body text',
      tags: ['craft'],
    });
    expect(posts[0]!.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() =>
      expect(
        calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/drafts/new-topic%3Awriting'),
      ).toBe(true),
    );
  });

  it('restores a saved draft', async () => {
    draft = {
      key: 'new-topic:writing',
      title: 'Half a title',
      tags: ['craft'],
      body: 'Unfinished',
      updatedAt: '2026-01-01T00:00:00Z',
    };
    renderComposer();
    expect(await screen.findByText('Your unsent draft was restored.')).toBeTruthy();
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('Half a title');
    expect((screen.getByLabelText('Text') as HTMLTextAreaElement).value).toBe('Unfinished');
    expect(screen.getByText('#craft')).toBeTruthy();
  });
});
