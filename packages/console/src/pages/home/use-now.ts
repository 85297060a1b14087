import { useEffect, useState } from 'react';

/** The current time, renewed every `everyMs`, so "in 3 h 12 min" keeps counting down on an open screen. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
