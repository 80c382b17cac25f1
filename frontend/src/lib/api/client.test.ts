import { beforeEach, describe, expect, it } from 'vitest';
import { json, mockFetch, problem } from '@/test/fetchMock';
import { ApiError, ProblemType } from './ApiError';
import { api, apiPage, onSessionChange } from './client';

const user = { id: 1, handle: 'ada', locale: 'en' };

beforeEach(() => {
  document.cookie = 'sb_csrf=csrf-value; path=/';
});

describe('problem+json', () => {
  it('becomes a typed ApiError with field errors', async () => {
    mockFetch(() =>
      problem(409, ProblemType.conflict, {
        detail: 'This handle is taken',
        errors: [{ field: 'handle', code: 'taken', message: 'is already taken' }],
      }),
    );
    const error = await api('/auth/register', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(409);
    expect(e.type).toBe('/problems/conflict');
    expect(e.detail).toBe('This handle is taken');
    expect(e.errors).toEqual([{ field: 'handle', code: 'taken', message: 'is already taken' }]);
  });

  it('tolerates the fields the server leaves out when empty', async () => {
    mockFetch(() =>
      json(
        401,
        { type: '/problems/unauthorized', title: 'Sign-in required', status: 401, detail: 'Unauthorized' },
        { 'Content-Type': 'application/problem+json' },
      ),
    );
    const e = (await api('/auth/login', { method: 'POST', body: {} }).catch((x: unknown) => x)) as ApiError;
    expect(e.type).toBe(ProblemType.unauthorized);
    expect(e.errors).toEqual([]);
    expect(e.retryAfterSeconds).toBeNull();
  });

  it('takes the retry delay from the body, or from Retry-After', async () => {
    mockFetch(() => problem(429, ProblemType.rateLimited, { retryAfterSeconds: 42 }));
    expect(((await api('/boards').catch((e: unknown) => e)) as ApiError).retryAfterSeconds).toBe(42);

    mockFetch(() => new Response('', { status: 429, headers: { 'Retry-After': '7' } }));
    const e = (await api('/boards').catch((x: unknown) => x)) as ApiError;
    expect(e.type).toBe(ProblemType.rateLimited);
    expect(e.retryAfterSeconds).toBe(7);
  });

  it('types a body that is not problem+json by its status', async () => {
    mockFetch(
      () =>
        new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    );
    const e = (await api('/boards').catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(502);
    expect(e.type).toBe(ProblemType.internal);
    expect(e.errors).toEqual([]);
  });

  it('reports a failed connection as a network problem', async () => {
    mockFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const e = (await api('/boards').catch((x: unknown) => x)) as ApiError;
    expect(e.type).toBe(ProblemType.network);
    expect(e.status).toBe(0);
  });

  it('resolves 204 with undefined and JSON with the parsed body', async () => {
    mockFetch((c) =>
      c.path.endsWith('/auth/logout') ? new Response(null, { status: 204 }) : json(200, user),
    );
    await expect(api('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
    await expect(api('/me')).resolves.toEqual(user);
  });
});

describe('apiPage', () => {
  it('reads {} as an empty page: the server leaves out empty lists and nulls', async () => {
    mockFetch(() => json(200, {}));
    await expect(apiPage('/me/tokens')).resolves.toEqual({ items: [], nextCursor: null });
  });
});

describe('CSRF', () => {
  it('echoes the sb_csrf cookie on unsafe requests only', async () => {
    const calls = mockFetch(() => json(200, user));
    await api('/me');
    await api('/me', { method: 'PATCH', body: { locale: 'en' } });
    expect(calls[0]?.headers['X-CSRF-Token']).toBeUndefined();
    expect(calls[1]?.headers['X-CSRF-Token']).toBe('csrf-value');
    expect(calls[1]?.headers['Content-Type']).toBe('application/json');
  });

  it('fetches a cookie first when there is none', async () => {
    document.cookie = 'sb_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    const calls = mockFetch((c) => {
      if (c.path === '/api/v1/boards') document.cookie = 'sb_csrf=fresh; path=/';
      return json(200, {});
    });
    await api('/auth/logout', { method: 'POST' });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/v1/boards',
      'POST /api/v1/auth/logout',
    ]);
    expect(calls[1]?.headers['X-CSRF-Token']).toBe('fresh');
  });
});

describe('refresh on 401', () => {
  it('refreshes the session once and retries the request', async () => {
    let refreshed = false;
    const calls = mockFetch((c) => {
      if (c.path === '/api/v1/auth/refresh') {
        refreshed = true;
        return json(200, user);
      }
      return refreshed ? json(200, { items: [] }) : problem(401, ProblemType.unauthorized);
    });
    const seen: unknown[] = [];
    const stop = onSessionChange((u) => seen.push(u));
    await expect(api('/me/tokens')).resolves.toEqual({ items: [] });
    stop();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api/v1/me/tokens',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/me/tokens',
    ]);
    expect(calls[1]?.headers['X-CSRF-Token']).toBe('csrf-value');
    expect(seen).toEqual([user]);
  });

  it('shares one refresh among concurrent callers', async () => {
    let refreshed = false;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const calls = mockFetch(async (c) => {
      if (c.path === '/api/v1/auth/refresh') {
        await gate;
        refreshed = true;
        return json(200, user);
      }
      return refreshed ? json(200, { path: c.path }) : problem(401, ProblemType.unauthorized);
    });
    const all = Promise.all([api('/me'), api('/me/tokens'), api('/me', { method: 'PATCH', body: {} })]);
    await new Promise((r) => setTimeout(r, 0));
    release();
    const results = await all;
    expect(results).toHaveLength(3);
    expect(calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('gives up with the 401 and reports sign-out when the refresh fails', async () => {
    const calls = mockFetch(() => problem(401, ProblemType.unauthorized));
    const seen: unknown[] = [];
    const stop = onSessionChange((u) => seen.push(u));
    const e = (await api('/me').catch((x: unknown) => x)) as ApiError;
    stop();
    expect(e.status).toBe(401);
    expect(calls).toHaveLength(2);
    expect(seen).toEqual([null]);
  });

  it('does not refresh after a failed sign-in', async () => {
    const calls = mockFetch(() => problem(401, ProblemType.invalidCredentials));
    const e = (await api('/auth/login', { method: 'POST', body: {} }).catch((x: unknown) => x)) as ApiError;
    expect(e.type).toBe(ProblemType.invalidCredentials);
    expect(calls).toHaveLength(1);
  });
});
