import { vi } from 'vitest';

export interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (call: Call) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problem(
  status: number,
  type: string,
  extra: { detail?: string; errors?: unknown[]; retryAfterSeconds?: number } = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({
      type,
      title: 'Title from server',
      status,
      detail: extra.detail ?? null,
      errors: extra.errors ?? [],
      retryAfterSeconds: extra.retryAfterSeconds ?? null,
    }),
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}

/**
 * Replaces global fetch with `handler`, recording each call. The API client calls
 * fetch(url, init) with a relative URL, as the browser would.
 */
export function mockFetch(handler: Handler): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const headers = (init.headers ?? {}) as Record<string, string>;
      const call: Call = {
        method: init.method ?? 'GET',
        path: String(input),
        headers,
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      calls.push(call);
      return handler(call);
    }),
  );
  return calls;
}
