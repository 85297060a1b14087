import { nextRunAfter, type ScheduleTiming } from '@reportmail/schedules';
import type { RepeatOptions } from 'bullmq';
import { z } from 'zod';

const timingPattern = z.strictObject({
  frequency: z.enum(['daily', 'every_3_days', 'weekly', 'cron']),
  sendTime: z.string(),
  timezone: z.string(),
  anchorDate: z.string().nullable().optional(),
  cronExpression: z.string().nullable().optional(),
});

/** A schedule's timing as a job scheduler `pattern`, read back by scheduleRepeatStrategy. */
export function encodeTiming(timing: ScheduleTiming): string {
  return JSON.stringify(timingPattern.parse(timing));
}

export function decodeTiming(pattern: string): ScheduleTiming {
  return timingPattern.parse(JSON.parse(pattern));
}

/**
 * The repeat strategy set on both the Queue and the Worker: the next run after `millis` in the
 * schedule's own zone (09:00 stays 09:00 across DST; every_3_days counts from its anchor), instead of
 * cron's `*\/3` (resets monthly) or `every` (epoch-aligned, DST-blind).
 */
export function scheduleRepeatStrategy(millis: number, options: RepeatOptions): number | undefined {
  if (!options.pattern) return undefined;
  return nextRunAfter(decodeTiming(options.pattern), new Date(millis)).getTime();
}
