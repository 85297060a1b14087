import { useInterval } from '@mantine/hooks';
import { useState } from 'react';

/** The clock relative times ("in 3 h 12 min") count from, moved on every 30 s. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useInterval(() => setNow(Date.now()), 30_000, { autoInvoke: true });
  return now;
}
