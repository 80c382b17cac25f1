import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, mockFetch, type Call } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import { parseOriginal, reportRules } from '@/lib/reports';
import { ReportDialog } from './ReportDialog';

let calls: Call[];

beforeEach(() => {
  document.cookie = 'sb_csrf=t; path=/';
  calls = mockFetch(async () => json(201, { id: 1 }));
});

const reports = () => calls.filter((c) => c.path === '/api/v1/reports');

describe('reportRules', () => {
  it('asks for a reason, a note for "other" and a link for copyright', () => {
    expect(reportRules('', '', '').map((e) => e.field)).toEqual(['reason']);
    expect(reportRules('other', '  ', '').map((e) => e.code)).toEqual(['report_note_required']);
    expect(reportRules('copyright', '', 'not a link').map((e) => e.field)).toEqual(['originalUrl']);
    expect(reportRules('copyright', '', 'https://example.org/book')).toEqual([]);
    expect(reportRules('spam', 'x'.repeat(1001), '').map((e) => e.code)).toEqual(['report_too_long']);
  });
});

describe('parseOriginal', () => {
  const origin = 'https://starbridge.example';
  it('reads a work id, a work or certificate address on this site, or another address', () => {
    expect(parseOriginal(' 42 ', origin)).toEqual({ originalWorkId: 42 });
    expect(parseOriginal('https://starbridge.example/works/42?chapter=2', origin)).toEqual({
      originalWorkId: 42,
    });
    expect(parseOriginal('https://starbridge.example/registry/entries/7', origin)).toEqual({
      originalEntryId: 7,
    });
    expect(parseOriginal('https://elsewhere.example/works/42', origin)).toEqual({
      originalUrl: 'https://elsewhere.example/works/42',
    });
    expect(parseOriginal('not a link', origin)).toBeNull();
  });
});

describe('ReportDialog', () => {
  it('sends a work id typed as the original', async () => {
    const user = userEvent.setup();
    renderWithApp(<ReportDialog open onOpenChange={() => {}} targetType="work" targetId={9} />);
    await user.click(screen.getByLabelText(/Copyright infringement/));
    await user.type(screen.getByLabelText('The original work'), '42');
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    await waitFor(() => expect(reports()).toHaveLength(1));
    expect(reports()[0]!.body).toEqual({
      targetType: 'work',
      targetId: 9,
      reason: 'copyright',
      originalWorkId: 42,
    });
  });

  it('does not send without a reason, nor "other" without a note', async () => {
    const user = userEvent.setup();
    renderWithApp(<ReportDialog open onOpenChange={() => {}} targetType="post" targetId={7} />);
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByText('Choose a reason.')).toBeTruthy();
    await user.click(screen.getByLabelText(/Something else/));
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByText('Say what is wrong.')).toBeTruthy();
    expect(reports()).toHaveLength(0);
  });

  it('asks for the original for copyright, then sends the report', async () => {
    const user = userEvent.setup();
    renderWithApp(<ReportDialog open onOpenChange={() => {}} targetType="post" targetId={7} />);
    await user.click(screen.getByLabelText(/Copyright infringement/));
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    expect(
      await screen.findByText('Give the original work: an address (http or https) or a work id.'),
    ).toBeTruthy();
    await user.type(screen.getByLabelText('The original work'), 'https://example.org/story');
    await user.click(screen.getByRole('button', { name: 'Send report' }));
    await waitFor(() => expect(reports()).toHaveLength(1));
    expect(reports()[0]!.body).toEqual({
      targetType: 'post',
      targetId: 7,
      reason: 'copyright',
      originalUrl: 'https://example.org/story',
    });
    expect(await screen.findByText('Thank you. Moderators will look at it soon.')).toBeTruthy();
  });
});
