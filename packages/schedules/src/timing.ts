import { invalidField } from '@reportmail/errors';
import { addDays, isValidTimeZone } from '@reportmail/reports';
import { CronExpressionParser } from 'cron-parser';
import { DateTime } from 'luxon';

export type ScheduleFrequency = 'daily' | 'every_3_days' | 'weekly' | 'cron';

/** When a schedule fires: a local time of day in an IANA zone, on the days its frequency picks. */
export type ScheduleTiming = {
  frequency: ScheduleFrequency;
  /** `HH:MM`, local to `timezone` (ignored for cron). */
  sendTime: string;
  timezone: string;
  /** `YYYY-MM-DD`: every_3_days counts from it; weekly fires on its weekday. */
  anchorDate?: string | null;
  cronExpression?: string | null;
};

const SEND_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** Weekly needs at most 7 days ahead or back; a margin covers a slot pushed over midnight. */
const SEARCH_DAYS = 9;

/** The first instant strictly after `after` at which the schedule fires. */
export function nextRunAfter(timing: ScheduleTiming, after: Date): Date {
  if (timing.frequency === 'cron') return cronFrom(timing, after).next().toDate();
  const rule = dayRule(timing);
  const from = laterDay(localDate(after, timing.timezone), rule.firstDay);
  for (let offset = 0; offset <= SEARCH_DAYS + 3; offset += 1) {
    const day = addDays(from, offset);
    if (!rule.matches(day)) continue;
    const slot = localSlot(day, timing.sendTime, timing.timezone);
    if (slot.getTime() > after.getTime()) return slot;
  }
  throw new Error(`No run found within ${SEARCH_DAYS} days for ${timing.frequency}`);
}

/** The latest instant at or before `at` at which the schedule fired; null before its first run. */
export function latestRunAtOrBefore(timing: ScheduleTiming, at: Date): Date | null {
  if (timing.frequency === 'cron') {
    const cron = cronFrom(timing, new Date(at.getTime() + 1000));
    return cron.hasPrev() ? cron.prev().toDate() : null;
  }
  const rule = dayRule(timing);
  const from = localDate(at, timing.timezone);
  for (let offset = 0; offset <= SEARCH_DAYS; offset += 1) {
    const day = addDays(from, -offset);
    if (rule.firstDay && day < rule.firstDay) return null;
    if (!rule.matches(day)) continue;
    const slot = localSlot(day, timing.sendTime, timing.timezone);
    if (slot.getTime() <= at.getTime()) return slot;
  }
  return null;
}

/** The next `count` runs after `after`, for previews. */
export function nextRuns(timing: ScheduleTiming, after: Date, count: number): Date[] {
  const runs: Date[] = [];
  let cursor = after;
  while (runs.length < count) {
    cursor = nextRunAfter(timing, cursor);
    runs.push(cursor);
  }
  return runs;
}

/**
 * The instant a local day's send time names. A time skipped by a spring-forward jump becomes the
 * first valid minute after it; a time repeated by a fall-back fires once, at its first occurrence.
 */
export function localSlot(day: string, sendTime: string, timezone: string): Date {
  const wanted = `${day} ${sendTime}`;
  const [hour, minute] = parseSendTime(sendTime);
  const resolved = DateTime.fromISO(day, { zone: timezone }).set({ hour, minute });
  const wall = (value: DateTime) => value.toFormat('yyyy-MM-dd HH:mm');
  if (wall(resolved) === wanted) {
    const earlier = [60, 30].map((minutes) => resolved.minus({ minutes })).find((value) => wall(value) === wanted);
    return (earlier ?? resolved).toJSDate();
  }
  let candidate = resolved;
  while (wall(candidate.minus({ minutes: 1 })) > wanted) candidate = candidate.minus({ minutes: 1 });
  return candidate.startOf('minute').toJSDate();
}

type DayRule = { matches: (day: string) => boolean; firstDay: string | null };

function dayRule(timing: ScheduleTiming): DayRule {
  parseSendTime(timing.sendTime);
  if (!isValidTimeZone(timing.timezone)) {
    throw invalidField('timezone', `unknown IANA time zone "${timing.timezone}"`);
  }
  if (timing.frequency === 'daily') return { matches: () => true, firstDay: null };
  const anchor = timing.anchorDate;
  if (!anchor || !DateTime.fromISO(anchor).isValid) {
    throw invalidField('anchorDate', `is required for ${timing.frequency} schedules (YYYY-MM-DD)`);
  }
  const period = timing.frequency === 'weekly' ? 7 : 3;
  return { matches: (day) => daysBetween(anchor, day) % period === 0, firstDay: anchor };
}

function cronFrom(timing: ScheduleTiming, currentDate: Date) {
  try {
    return CronExpressionParser.parse(timing.cronExpression ?? '', { currentDate, tz: timing.timezone, strict: false });
  } catch (error) {
    throw invalidField('cronExpression', error instanceof Error ? error.message : 'is not a valid cron expression');
  }
}

function parseSendTime(sendTime: string): [number, number] {
  const match = SEND_TIME.exec(sendTime);
  if (!match) throw invalidField('sendTime', `expected HH:MM (00:00–23:59), got "${sendTime}"`);
  return [Number(match[1]), Number(match[2])];
}

const localDate = (instant: Date, timezone: string) =>
  DateTime.fromJSDate(instant, { zone: timezone }).toISODate() as string;
const daysBetween = (from: string, to: string) =>
  Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
const laterDay = (day: string, other: string | null) => (other && other > day ? other : day);
