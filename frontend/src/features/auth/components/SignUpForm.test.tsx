import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, mockFetch, problem, type Call } from '@/test/fetchMock';
import { renderWithApp } from '@/test/render';
import { SignUpForm } from './SignUpForm';

let registerResponse: () => Response;
let calls: Call[];

beforeEach(() => {
  document.cookie = 'sb_csrf=t; path=/';
  calls = mockFetch((c) => {
    if (c.path === '/api/v1/auth/register') return registerResponse();
    return problem(401, '/problems/unauthorized'); // signed out: GET /me and the refresh
  });
});

async function fillAndSubmit(values: { handle: string; email: string; password: string }, submit: RegExp) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^(Handle|用户名)$/), values.handle);
  await user.type(screen.getByLabelText(/^(Email|邮箱)$/), values.email);
  await user.type(screen.getByLabelText(/^(Password|密码)$/), values.password);
  await user.click(screen.getByRole('button', { name: submit }));
}

describe('SignUpForm', () => {
  it('shows the server’s field error next to the field it concerns', async () => {
    registerResponse = () =>
      problem(409, '/problems/conflict', {
        detail: 'This handle is taken',
        errors: [{ field: 'handle', code: 'taken', message: 'is already taken' }],
      });
    renderWithApp(<SignUpForm />);
    await fillAndSubmit(
      { handle: 'Ada_L', email: 'ada@example.org', password: 'analytical engine notes' },
      /create account/i,
    );

    const message = await screen.findByText('This handle is taken. Choose another.');
    const handle = screen.getByLabelText('Handle');
    expect(handle.getAttribute('aria-invalid')).toBe('true');
    expect(handle.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBeNull();

    const sent = calls.find((c) => c.path === '/api/v1/auth/register');
    expect(sent?.body).toEqual({
      handle: 'Ada_L',
      email: 'ada@example.org',
      password: 'analytical engine notes',
      locale: 'en',
    });
    expect(sent?.headers['X-CSRF-Token']).toBe('t');
  });

  it('translates field errors into Chinese', async () => {
    registerResponse = () =>
      problem(400, '/problems/validation', {
        errors: [{ field: 'password', code: 'too_common', message: 'is too common' }],
      });
    renderWithApp(<SignUpForm />, { locale: 'zh-CN' });
    await fillAndSubmit({ handle: 'lin', email: 'lin@example.cn', password: 'password123' }, /创建账号/);
    expect(await screen.findByText('这个密码太容易被猜到，请换一个不常见的。')).toBeTruthy();
  });

  it('falls back to the server’s message for a code it does not know', async () => {
    registerResponse = () =>
      problem(400, '/problems/validation', {
        errors: [{ field: 'email', code: 'brand_new_rule', message: 'is on a deny list' }],
      });
    renderWithApp(<SignUpForm />);
    await fillAndSubmit(
      { handle: 'ada', email: 'ada@example.org', password: 'long enough words' },
      /create account/i,
    );
    expect(await screen.findByText('is on a deny list')).toBeTruthy();
  });

  it('checks the rules it knows before asking the server', async () => {
    renderWithApp(<SignUpForm />);
    await fillAndSubmit(
      { handle: 'no spaces!', email: 'ada@example.org', password: 'short' },
      /create account/i,
    );
    expect(screen.getByText('Use 3–30 characters: letters a–z, digits and _.')).toBeTruthy();
    expect(screen.getByText('Use at least 10 characters.')).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/v1/auth/register')).toBe(false);
  });

  it('asks the new user to check their email after signing up', async () => {
    registerResponse = () =>
      json(201, { id: 5, handle: 'ada', email: 'ada@example.org', emailVerified: false });
    renderWithApp(<SignUpForm />);
    await fillAndSubmit(
      { handle: 'ada', email: 'ada@example.org', password: 'long enough words' },
      /create account/i,
    );
    expect(await screen.findByText('Check your email')).toBeTruthy();
    expect(screen.getByText(/ada@example\.org/)).toBeTruthy();
  });
});
