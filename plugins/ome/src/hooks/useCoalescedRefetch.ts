import { useEffect, useRef } from 'react';

/**
 * A refetch that runs at most once per `waitMs` however many changes arrive (the first
 * change after a quiet spell waits `waitMs`, gathering what follows it).
 */
export function useCoalescedRefetch(refetch: () => void, waitMs = 500) {
  const latest = useRef(refetch);
  latest.current = refetch;
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  return () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      latest.current();
    }, waitMs);
  };
}
