import { useEffect } from 'react';
import { onSessionChange } from '@/lib/api';
import { useApplySession } from './session';

/** Keeps the cached session in step with refreshes the API client did on its own. */
export function SessionSync() {
  const applySession = useApplySession();
  useEffect(() => onSessionChange(applySession), [applySession]);
  return null;
}
