import { describe, expect, it, vi } from 'vitest';
import { startShutdownDeadline } from './shutdown-deadline.js';

describe('startShutdownDeadline', () => {
  it('exits 1 with a log line once the grace period is over, and never when cancelled first', () => {
    vi.useFakeTimers();
    try {
      const warnings: string[] = [];
      const exits: number[] = [];
      const logger = { warn: (_details: object, message: string) => void warnings.push(message) };
      startShutdownDeadline({ graceMs: 5_000, logger, exit: (code) => void exits.push(code) });
      startShutdownDeadline({ graceMs: 5_000, logger, exit: () => void exits.push(99) }).cancel();
      vi.advanceTimersByTime(4_999);
      expect(exits).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(exits).toEqual([1]);
      expect(warnings).toEqual([
        'grace period over with jobs unfinished: exiting; another worker takes them when their locks expire',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });
});
