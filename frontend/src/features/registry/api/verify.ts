import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api';
import type { RegistryMatch } from '@/types/api';

export type VerifyInput = { text: string } | { hash: string };

const HEX64 = /^[0-9a-fA-F]{64}$/;

/** What the user pasted: a bare SHA-256 is looked up as a hash, anything else as text. */
export function verifyInput(pasted: string): VerifyInput {
  const trimmed = pasted.trim();
  return HEX64.test(trimmed) ? { hash: trimmed } : { text: pasted };
}

/** POST /registry/verify: entries matching a text (whole or by paragraph) or a hash, oldest first. */
export async function verify(input: VerifyInput): Promise<RegistryMatch[]> {
  const answer = await api<{ items: RegistryMatch[] }>('/registry/verify', { method: 'POST', body: input });
  return answer.items;
}

export function useVerify() {
  return useMutation({ mutationFn: verify });
}
