import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockFetch, problem, type Call } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import type { Inquiry } from './api/inquiries';
import { AskAboutRights } from './components/AskAboutRights';
import { InquiryThread } from './components/InquiryThread';

const signedOut = (call: Call) =>
  call.path === '/api/v1/me' ? problem(401, '/problems/unauthorized') : null;

const ada = { id: 1, handle: 'ada', displayName: 'Ada', role: 'member', trustLevel: 1 };
const bo = { id: 2, handle: 'bo', displayName: 'Bo', role: 'member', trustLevel: 1 };

function inquiry(over: Partial<Inquiry> = {}): Inquiry {
  return {
    id: 9,
    work: { id: 5, title: 'Deep Echo' },
    inquirer: { ...ada, badges: ['verified_industry'] },
    medium: 'film_tv',
    territory: 'Worldwide',
    term: '18-month option',
    state: 'in_discussion',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-02T00:00:00Z',
    role: 'author',
    allowedTransitions: ['agreed', 'declined'],
    canPostMessage: true,
    messages: [
      { id: 1, author: ada, bodyHtml: '<p>We would like an option.</p>', createdAt: '2026-01-01T00:00:00Z' },
    ],
    events: [
      { id: 1, actor: bo, fromState: 'sent', toState: 'in_discussion', createdAt: '2026-01-01T01:00:00Z' },
    ],
    ...over,
  };
}

describe('InquiryThread', () => {
  it('shows the thread and only the moves the server allows; agreeing asks what the right becomes', async () => {
    const calls = mockFetch((c) => {
      if (c.path === '/api/v1/inquiries/9/state') {
        return json(200, inquiry({ state: 'agreed', rightStatus: 'licensed', allowedTransitions: [] }));
      }
      return signedOut(c) ?? json(200, inquiry());
    });
    renderWithApp(<InquiryThread id={9} />, { path: '/inquiries/9' });
    expect(await screen.findByText('We would like an option.')).toBeTruthy();
    expect(screen.getByText('Bo moved this to “In discussion”')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Withdraw' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Decline' })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Agree' }));
    await userEvent.click(await screen.findByRole('radio', { name: 'Licensed' }));
    await userEvent.click(screen.getByRole('button', { name: 'Confirm agreement' }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === '/api/v1/inquiries/9/state')?.body).toEqual({
        state: 'agreed',
        rightStatus: 'licensed',
      }),
    );
    expect(await screen.findByText('Agreed')).toBeTruthy();
  });

  it('tells admins they only read', async () => {
    mockFetch(
      (c) =>
        signedOut(c) ?? json(200, inquiry({ role: 'admin', allowedTransitions: [], canPostMessage: false })),
    );
    renderWithApp(<InquiryThread id={9} />, { path: '/inquiries/9' });
    expect(
      await screen.findByText('Administrators read this thread but do not take part in it.'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send reply' })).toBeNull();
  });
});

describe('AskAboutRights', () => {
  it('checks the fields, then shows the server’s field errors', async () => {
    const calls = mockFetch(
      (c) =>
        signedOut(c) ??
        problem(409, '/problems/conflict', {
          errors: [{ field: 'medium', code: 'duplicate', message: 'open' }],
        }),
    );
    renderWithApp(
      <AskAboutRights
        workId={5}
        rights={[
          { medium: 'film_tv', status: 'available' },
          { medium: 'games', status: 'licensed' },
        ]}
      />,
      { path: '/works/5' },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Ask about rights' }));
    expect(screen.queryByRole('option', { name: 'Games' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Send inquiry' }));
    expect(await screen.findAllByText('This field is required.')).toHaveLength(3);
    expect(calls.some((c) => c.path === '/api/v1/works/5/inquiries')).toBe(false);

    await userEvent.type(screen.getByLabelText('Territory'), 'Worldwide');
    await userEvent.type(screen.getByLabelText('Term'), '18 months');
    await userEvent.type(screen.getByLabelText('Message (Markdown)'), 'Hello');
    await userEvent.click(screen.getByRole('button', { name: 'Send inquiry' }));
    expect(await screen.findByText('You already have an open inquiry about this right.')).toBeTruthy();
    expect(calls.find((c) => c.path === '/api/v1/works/5/inquiries')?.body).toEqual({
      medium: 'film_tv',
      language: null,
      territory: 'Worldwide',
      term: '18 months',
      message: 'Hello',
    });
  });
});
