/** Days from now as an ISO instant, or null for "until lifted". */
export function untilFromDays(days: number | null, now: number = Date.now()): string | null {
  return days === null ? null : new Date(now + days * 86_400_000).toISOString();
}
