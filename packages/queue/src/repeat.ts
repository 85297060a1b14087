import { nextRunAfter, type ScheduleTiming, WEEKDAYS, weekdayOf } from '@reportmail/schedules';
import type { RepeatOptions } from 'bullmq';
import { z } from 'zod';

const timingPattern = z.strictObject({
  frequency: z.enum(['daily', 'every_3_days', 'weekly', 'cron']),
  sendTime: z.string(),
  timezone: z.string(),
  anchorDate: z.string().nullable().optional(),
  weekday: z.enum(WEEKDAYS).nullable().optional(),
  cronExpression: z.string().nullable().optional(),
});

/**
 * A schedule's timing as a job scheduler `pattern`, read back by scheduleRepeatStrategy. A null weekday
 * is left out, so the patterns of schedules that are not weekly stay as they were before weekdays
 * existed and the scheduler's sync finds them unchanged.
 */
export function encodeTiming(timing: ScheduleTiming): string {
  const { weekday, ...rest } = timingPattern.parse(timing);
  return JSON.stringify(weekday ? { ...rest, weekday } : rest);
}

/**
 * A pattern back as timing. Weekly patterns stored before weekdays existed ran on their anchor date's
 * weekday: they read as that weekday until the scheduler's next sync replaces them.
 */
export function decodeTiming(pattern: string): ScheduleTiming {
  const timing = timingPattern.parse(JSON.parse(pattern));
  if (timing.frequency !== 'weekly' || timing.weekday || !timing.anchorDate) return timing;
  return { ...timing, anchorDate: null, weekday: weekdayOf(timing.anchorDate) };
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
