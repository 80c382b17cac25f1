export { api, apiPage, onSessionChange, readCookie, refreshSession } from './client';
export type { RequestOptions } from './client';
export { ApiError, ProblemType, isApiError } from './ApiError';
