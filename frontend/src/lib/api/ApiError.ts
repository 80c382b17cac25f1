import type { FieldError, Problem } from '@/types/api';

/** The stable problem `type` values the server sends (see the API contract). */
export const ProblemType = {
  validation: '/problems/validation',
  malformedRequest: '/problems/malformed-request',
  unauthorized: '/problems/unauthorized',
  invalidCredentials: '/problems/invalid-credentials',
  invalidToken: '/problems/invalid-token',
  forbidden: '/problems/forbidden',
  csrf: '/problems/csrf',
  accountSuspended: '/problems/account-suspended',
  accountSilenced: '/problems/account-silenced',
  notFound: '/problems/not-found',
  conflict: '/problems/conflict',
  payloadTooLarge: '/problems/payload-too-large',
  rateLimited: '/problems/rate-limited',
  internal: '/problems/internal',
  /** Client-side only: the request never got an answer. */
  network: '/problems/network',
} as const;

/** A failed API call: the server's problem+json, or a synthesized one when there was none. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | null;
  readonly errors: FieldError[];
  readonly retryAfterSeconds: number | null;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors;
    this.retryAfterSeconds = problem.retryAfterSeconds;
  }

  is(type: string): boolean {
    return this.type === type;
  }

  static network(): ApiError {
    return new ApiError({
      type: ProblemType.network,
      title: 'Network error',
      status: 0,
      detail: null,
      errors: [],
      retryAfterSeconds: null,
    });
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Problem types for statuses whose body was not problem+json (a proxy page, an empty body). */
function typeForStatus(status: number): string {
  if (status === 401) return ProblemType.unauthorized;
  if (status === 403) return ProblemType.forbidden;
  if (status === 404) return ProblemType.notFound;
  if (status === 409) return ProblemType.conflict;
  if (status === 413) return ProblemType.payloadTooLarge;
  if (status === 429) return ProblemType.rateLimited;
  if (status >= 500) return ProblemType.internal;
  return ProblemType.malformedRequest;
}

function asFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => ({
      field: typeof e.field === 'string' ? e.field : '',
      code: typeof e.code === 'string' ? e.code : '',
      message: typeof e.message === 'string' ? e.message : '',
    }));
}

function retryAfterHeader(response: Response): number | null {
  const header = response.headers.get('Retry-After');
  if (header === null) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

/** Reads a failed response into an ApiError, tolerating bodies that are not problem+json. */
export async function problemFromResponse(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  const contentType = response.headers.get('Content-Type') ?? '';
  if (contentType.includes('json')) {
    try {
      const parsed: unknown = await response.json();
      if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>;
    } catch {
      // An unreadable body still yields an error typed by its status.
    }
  }
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const retry =
    typeof body.retryAfterSeconds === 'number' ? body.retryAfterSeconds : retryAfterHeader(response);
  return new ApiError({
    type: str(body.type) ?? typeForStatus(response.status),
    title: str(body.title) ?? response.statusText,
    status: typeof body.status === 'number' ? body.status : response.status,
    detail: str(body.detail),
    errors: asFieldErrors(body.errors),
    retryAfterSeconds: retry,
  });
}
