import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { CreatedPersonalToken } from '@/types/api';
import { tokensQuery } from './listTokens';

export interface CreateTokenRequest {
  name: string;
  expiresInDays?: number;
}

/** POST /me/tokens → 201 the token, with its secret shown this once. */
export function createToken(body: CreateTokenRequest): Promise<CreatedPersonalToken> {
  return api<CreatedPersonalToken>('/me/tokens', { method: 'POST', body });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey }),
  });
}
