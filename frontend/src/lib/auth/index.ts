export { SessionSync } from './SessionSync';
export { fetchMe, meQueryKey, useApplySession, useSession, type Session } from './session';
