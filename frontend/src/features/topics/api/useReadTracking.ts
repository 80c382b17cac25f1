import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { Topic } from '@/types/api';
import { topicKeys } from './keys';
import { markRead } from './markRead';

/** At most one report per this many milliseconds while the reader scrolls. */
const THROTTLE_MS = 2000;

/**
 * Reports the highest post number the reader has seen (a post counts once half of it, or all of a
 * tall one's first screen, was on screen), throttled, and once more when leaving the topic.
 * Returns a ref callback for each post's element.
 */
export function useReadTracking(topic: Topic | undefined) {
  const queryClient = useQueryClient();
  const enabled = topic?.permissions.canMarkRead ?? false;
  const topicId = topic?.id ?? 0;
  const seen = useRef(0);
  const sent = useRef(topic?.lastReadPostNumber ?? 0);
  const timer = useRef<number | null>(null);
  const observer = useRef<IntersectionObserver | null>(null);

  const flush = useCallback(() => {
    timer.current = null;
    if (!enabled || seen.current <= sent.current) return;
    const n = seen.current;
    sent.current = n;
    markRead(topicId, n).then(
      () => void queryClient.invalidateQueries({ queryKey: topicKeys.lists(), refetchType: 'none' }),
      () => {
        // Lost reports are not worth an error: the next one carries a higher number anyway.
        if (sent.current === n) sent.current = 0;
      },
    );
  }, [enabled, topicId, queryClient]);

  useEffect(() => {
    sent.current = Math.max(sent.current, topic?.lastReadPostNumber ?? 0);
  }, [topic?.lastReadPostNumber]);

  useEffect(() => {
    if (!enabled || typeof IntersectionObserver === 'undefined') return;
    observer.current = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const mostlyShown =
            entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= window.innerHeight / 2;
          if (!entry.isIntersecting || !mostlyShown) continue;
          const n = Number((entry.target as HTMLElement).dataset.postNumber);
          if (n > seen.current) seen.current = n;
        }
        if (seen.current > sent.current && timer.current === null) {
          timer.current = window.setTimeout(flush, THROTTLE_MS);
        }
      },
      { threshold: [0, 0.25, 0.5, 1] },
    );
    const current = observer.current;
    document.querySelectorAll<HTMLElement>('[data-post-number]').forEach((el) => current.observe(el));
    return () => {
      current.disconnect();
      observer.current = null;
      if (timer.current !== null) window.clearTimeout(timer.current);
      flush();
    };
  }, [enabled, flush]);

  return useCallback((el: HTMLElement | null) => {
    if (el) observer.current?.observe(el);
  }, []);
}
