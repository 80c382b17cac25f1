import type { Page, User } from '@/types/api';
import { ApiError, problemFromResponse } from './ApiError';

export const API_BASE = '/api/v1';
const CSRF_COOKIE = 'sb_csrf';
const CSRF_HEADER = 'X-CSRF-Token';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data instead of `body` (the browser sets the boundary). */
  form?: FormData;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `Idempotency-Key` on creating requests. */
  headers?: Record<string, string>;
}

// These answer 401 for a wrong password or a dead session: refreshing would not help.
const NO_REFRESH = new Set(['/auth/login', '/auth/refresh']);

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      return decodeURIComponent(part.slice(eq + 1).trim());
    }
  }
  return null;
}

let csrfPriming: Promise<void> | null = null;

/** Every API response sets the readable CSRF cookie when it is missing; a cheap GET fetches one. */
async function csrfToken(): Promise<string> {
  let token = readCookie(CSRF_COOKIE);
  if (token === null) {
    csrfPriming ??= fetch(`${API_BASE}/boards`, { credentials: 'same-origin' })
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        csrfPriming = null;
      });
    await csrfPriming;
    token = readCookie(CSRF_COOKIE);
  }
  return token ?? '';
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (method !== 'GET') headers[CSRF_HEADER] = await csrfToken();
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw ApiError.network();
  }
}

async function read<T>(response: Response): Promise<T> {
  if (!response.ok) throw await problemFromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

type SessionListener = (user: User | null) => void;
const sessionListeners = new Set<SessionListener>();

/**
 * Told when the client learns who is signed in without being asked: a refresh that succeeded
 * (the user) or failed (null, signed out).
 */
export function onSessionChange(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

let refreshing: Promise<boolean> | null = null;

/**
 * Rotates the session once for all callers that hit a 401 together: two refreshes with the same
 * refresh token would look like token theft to the server and end the session.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const user = await read<User>(await send('/auth/refresh', { method: 'POST' }));
      sessionListeners.forEach((l) => l(user));
      return true;
    } catch {
      sessionListeners.forEach((l) => l(null));
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/**
 * Calls `/api/v1{path}`. Resolves with the parsed JSON (undefined for 204); rejects with ApiError.
 * A 401 triggers one shared session refresh and one retry.
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 401 && !NO_REFRESH.has(path)) {
    if (await refreshSession()) {
      return read<T>(await send(path, options));
    }
  }
  return read<T>(response);
}

/**
 * GETs one page of a list. The server leaves out an empty `items` and a null `nextCursor`
 * (`{}` is an empty list), so both are filled in here.
 */
export async function apiPage<T>(path: string, options: RequestOptions = {}): Promise<Page<T>> {
  const page = await api<Partial<Page<T>> | undefined>(path, options);
  return { items: page?.items ?? [], nextCursor: page?.nextCursor ?? null };
}
