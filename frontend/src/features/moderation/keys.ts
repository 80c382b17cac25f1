import type { ResolveAction } from './api/moderation';

export type QueueCommand =
  { type: 'move'; index: number } | { type: 'open' } | { type: 'resolve'; action: ResolveAction };

const RESOLVE_KEYS: Record<string, ResolveAction> = { d: 'dismiss', h: 'hide', x: 'delete' };

/**
 * The review queue's shortcuts: j/k move, Enter opens, d dismisses, h hides, x deletes. Keys typed
 * into a field, or with a modifier, are not shortcuts.
 */
export function queueCommand(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'> & { target: EventTarget | null },
  index: number,
  length: number,
): QueueCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey || length === 0) return null;
  const el = event.target as HTMLElement | null;
  if (
    el &&
    typeof el.closest === 'function' &&
    el.closest('input, textarea, select, [contenteditable="true"]')
  ) {
    return null;
  }
  switch (event.key) {
    case 'j':
      return { type: 'move', index: Math.min(index + 1, length - 1) };
    case 'k':
      return { type: 'move', index: Math.max(index - 1, 0) };
    case 'Enter':
      return { type: 'open' };
    default: {
      const action = RESOLVE_KEYS[event.key];
      return action ? { type: 'resolve', action } : null;
    }
  }
}
