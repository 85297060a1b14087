import { AppError, invalidField } from '@reportmail/errors';
import { ACCEPTED_DATES, addDays, isSupportedInstant, isValidTimeZone, localDateProblem } from '@reportmail/reports';
import { CronExpressionParser } from 'cron-parser';
import { DateTime, IANAZone } from 'luxon';

export type ScheduleFrequency = 'daily' | 'every_3_days' | 'weekly' | 'cron';

/** Monday first: a weekday's index + 1 is its ISO number (luxon's `weekday`, Postgres's `isodow`). */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** When a schedule fires: a local time of day in an IANA zone, on the days its frequency picks. */
export type ScheduleTiming = {
  frequency: ScheduleFrequency;
  /** `HH:MM`, local to `timezone` (ignored for cron). */
  sendTime: string;
  timezone: string;
  /** `YYYY-MM-DD`: every_3_days counts from it (and never fires before it). */
  anchorDate?: string | null;
  /** The day weekly fires on, in `timezone`. */
  weekday?: Weekday | null;
  cronExpression?: string | null;
};

const SEND_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** Weekly needs at most 7 days ahead or back; a margin covers a slot pushed over midnight. */
const SEARCH_DAYS = 9;
/** Runs one call may list, and how long it may take: a preview, never a reason to hold the event loop. */
export const MAX_LISTED_RUNS = 1000;
const LISTING_BUDGET_MS = 1000;
/** The largest jump a zone ever made (Samoa skipped a whole day in 2011), with a margin, in minutes. */
const MAX_SKIPPED_MINUTES = 2 * 24 * 60;

/** The first instant strictly after `after` at which the schedule fires. */
export function nextRunAfter(timing: ScheduleTiming, after: Date): Date {
  assertSupported(after);
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
  assertSupported(at);
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

/**
 * The next `count` runs after `after` (at most MAX_LISTED_RUNS, within a time budget), for previews;
 * fewer when the accepted range of days (ACCEPTED_DATES) ends first.
 */
export function nextRuns(timing: ScheduleTiming, after: Date, count: number): Date[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_LISTED_RUNS) {
    throw invalidField('count', `must be a whole number from 1 to ${MAX_LISTED_RUNS}`);
  }
  const deadline = performance.now() + LISTING_BUDGET_MS;
  const runs: Date[] = [];
  let cursor = after;
  while (runs.length < count) {
    if (performance.now() > deadline) {
      throw new AppError('INTERNAL', `Listing ${count} runs took over ${LISTING_BUDGET_MS} ms`);
    }
    cursor = nextRunAfter(timing, cursor);
    if (!isSupportedInstant(cursor, ACCEPTED_DATES)) break;
    runs.push(cursor);
  }
  return runs;
}

/**
 * The instant a local day's send time names. A time skipped by a spring-forward jump becomes the
 * first valid minute after it; a time repeated by a fall-back fires once, at its first occurrence.
 * Plain arithmetic on the zone's offsets (two lookups, a search only inside a gap): a scheduler with
 * thousands of schedules calls this for each of them on every sync.
 */
export function localSlot(day: string, sendTime: string, timezone: string): Date {
  const [hour, minute] = parseSendTime(sendTime);
  const zone = IANAZone.create(timezone);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  // The wall-clock time wanted, written as if it were UTC; an instant `t` shows it when wallOf(t) equals it.
  const wanted = Date.UTC(year, month - 1, date, hour, minute);
  const wallOf = (instant: number) => instant + zone.offset(instant) * MINUTE_MS;
  // Offsets a day either side bound every offset the zone can show around the slot.
  const before = wanted - zone.offset(wanted - DAY_MS) * MINUTE_MS;
  const after = wanted - zone.offset(wanted + DAY_MS) * MINUTE_MS;
  const shown = [before, after].filter((instant) => wallOf(instant) === wanted);
  if (shown.length > 0) return new Date(Math.min(...shown));
  const [low, high] = [Math.min(before, after), Math.max(before, after)];
  if (high - low > MAX_SKIPPED_MINUTES * MINUTE_MS) {
    throw new AppError('INTERNAL', `No instant found for ${day} ${sendTime} in ${timezone}`);
  }
  return new Date(firstMinuteShowingAfter(wallOf, wanted, low, high));
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** In a gap (`low` shows a wall time before `wanted`, `high` after): the first whole minute past it. */
function firstMinuteShowingAfter(wallOf: (instant: number) => number, wanted: number, low: number, high: number) {
  let lo = Math.floor(low / MINUTE_MS);
  let hi = Math.ceil(high / MINUTE_MS);
  while (lo < hi) {
    const middle = Math.floor((lo + hi) / 2);
    if (wallOf(middle * MINUTE_MS) > wanted) hi = middle;
    else lo = middle + 1;
  }
  return lo * MINUTE_MS;
}

/** The weekday of a local calendar day (`YYYY-MM-DD`). */
export function weekdayOf(day: string): Weekday {
  const weekday = WEEKDAYS[DateTime.fromISO(day, { zone: 'UTC' }).weekday - 1];
  if (!weekday) throw invalidField('date', `expected a calendar date as YYYY-MM-DD, got "${day}"`);
  return weekday;
}

type DayRule = { matches: (day: string) => boolean; firstDay: string | null };

function dayRule(timing: ScheduleTiming): DayRule {
  parseSendTime(timing.sendTime);
  if (!isValidTimeZone(timing.timezone)) {
    throw invalidField('timezone', `unknown IANA time zone "${timing.timezone}"`);
  }
  if (timing.frequency === 'daily') return { matches: () => true, firstDay: null };
  if (timing.frequency === 'weekly') return weeklyRule(timing.weekday);
  const anchor = timing.anchorDate;
  if (!anchor) throw invalidField('anchorDate', `is required for ${timing.frequency} schedules (YYYY-MM-DD)`);
  const problem = localDateProblem(anchor);
  if (problem) throw invalidField('anchorDate', problem);
  return { matches: (day) => daysBetween(anchor, day) % 3 === 0, firstDay: anchor };
}

function weeklyRule(weekday: Weekday | null | undefined): DayRule {
  if (!weekday || !WEEKDAYS.includes(weekday)) {
    throw invalidField('weekday', `is required for weekly schedules: one of ${WEEKDAYS.join(', ')}`);
  }
  return { matches: (day) => weekdayOf(day) === weekday, firstDay: null };
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

/** Outside the engine's range zone rules and ISO dates break down (see ENGINE_DATES). */
function assertSupported(instant: Date): void {
  if (!isSupportedInstant(instant)) {
    const shown = Number.isNaN(instant.getTime()) ? 'an invalid date' : instant.toISOString();
    throw new AppError('INTERNAL', `${shown} is outside the range of instants schedules are computed in`);
  }
}

const localDate = (instant: Date, timezone: string) =>
  DateTime.fromJSDate(instant, { zone: timezone }).toISODate() as string;
const daysBetween = (from: string, to: string) =>
  Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
const laterDay = (day: string, other: string | null) => (other && other > day ? other : day);
