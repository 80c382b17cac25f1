import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiPage } from '@/lib/api';
import { meQueryKey } from '@/lib/auth';
import type { Page, PersonalToken } from '@/types/api';

/** GET /me/tokens: active personal access tokens, newest first, without their secrets. */
export function listTokens(): Promise<Page<PersonalToken>> {
  return apiPage<PersonalToken>('/me/tokens');
}

export const tokensQuery = queryOptions({ queryKey: [...meQueryKey, 'tokens'], queryFn: listTokens });

export function useTokens() {
  return useQuery(tokensQuery);
}
