/** Where to go after signing in: only paths on this site, never another origin ("//evil.example"). */
export function safeNext(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
