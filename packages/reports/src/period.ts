import { invalidField } from '@reportmail/errors';
import { DateTime } from 'luxon';

export type Frequency = 'daily' | 'every_3_days' | 'weekly';
export type PeriodMode = 'previous_days' | 'to_date';
/** How a period was built: whole days, days up to an instant, or an arbitrary span (cron schedules). */
export type PeriodKind = PeriodMode | 'span';

/** A report period: [start, end) as instants, and the local calendar days it covers in its zone. */
export type ReportPeriod = {
  start: Date;
  end: Date;
  timezone: string;
  /** First and last local calendar day covered (inclusive), `YYYY-MM-DD`. */
  firstDay: string;
  lastDay: string;
  /** Calendar days covered; the previous period is the same number of days before. */
  days: number;
  mode: PeriodKind;
  label: string;
};

export const FREQUENCY_DAYS: Record<Frequency, number> = {
  daily: 1,
  every_3_days: 3,
  weekly: 7,
};

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Calendar days `first`…`last` (inclusive), `YYYY-MM-DD`. */
export type DateRange = { first: string; last: string };

/**
 * The days people may ask about (API input, schedule anchors): far wider than any shop's records. Dates
 * outside are refused where they come in: before 1900 zones fall back to local mean time (Manila was once
 * 15 h 56 min behind UTC), year 0 exists for JavaScript but not for PostgreSQL, and past 9999 ISO dates
 * gain a sign, any of which once sent the schedule maths into an endless loop.
 */
export const ACCEPTED_DATES: DateRange = { first: '1970-01-01', last: '2199-12-31' };
/**
 * The days the engine computes with: the accepted ones plus room around them for what a request at their
 * edge derives (the previous period of comparison, a run's period, a schedule's earlier runs).
 */
export const ENGINE_DATES: DateRange = { first: '1900-01-01', last: '2299-12-31' };

/** Why a `YYYY-MM-DD` value is not a calendar day within the range, or null when it is one. */
export function localDateProblem(value: string, range: DateRange = ENGINE_DATES): string | null {
  if (!LOCAL_DATE.test(value) || !DateTime.fromISO(value).isValid) {
    return `expected a calendar date as YYYY-MM-DD, got "${value}"`;
  }
  if (value < range.first || value > range.last) return `must be between ${range.first} and ${range.last}`;
  return null;
}

/** Whether an instant lies from the range's first day to the end of its last, in UTC (an invalid Date does not). */
export function isSupportedInstant(instant: Date, range: DateRange = ENGINE_DATES): boolean {
  const time = instant.getTime();
  return time >= Date.parse(`${range.first}T00:00:00Z`) && time < Date.parse(`${addDays(range.last, 1)}T00:00:00Z`);
}

export type ScheduledPeriodInput = {
  frequency: Frequency;
  /** The instant the report is due; the period depends on it alone, never on when a job runs. */
  scheduledAt: Date;
  timezone: string;
  periodMode?: PeriodMode;
};

/**
 * `previous_days` (default): the last complete 1 / 3 / 7 local calendar days before the scheduled day.
 * `to_date`: the N calendar days ending at the scheduled instant (the last one partly elapsed).
 */
export function computeReportPeriod({
  frequency,
  scheduledAt,
  timezone,
  periodMode = 'previous_days',
}: ScheduledPeriodInput): ReportPeriod {
  assertTimeZone(timezone);
  const days = FREQUENCY_DAYS[frequency];
  const scheduledDay = DateTime.fromJSDate(scheduledAt, {
    zone: timezone,
  }).toISODate() as string;
  if (periodMode === 'previous_days') {
    return periodFromLocalDates(addDays(scheduledDay, -days), addDays(scheduledDay, -1), timezone);
  }
  const firstDay = addDays(scheduledDay, -(days - 1));
  return buildPeriod({
    firstDay,
    lastDay: scheduledDay,
    end: scheduledAt,
    timezone,
    mode: 'to_date',
  });
}

/** Whole local days `from`…`to` (both inclusive) in the zone. */
export function periodFromLocalDates(from: string, to: string, timezone: string): ReportPeriod {
  assertTimeZone(timezone);
  assertLocalDate('from', from);
  assertLocalDate('to', to);
  if (from > to) throw invalidField('to', `must be on or after from (${from})`);
  const end = startOfLocalDay(addDays(to, 1), timezone);
  return buildPeriod({
    firstDay: from,
    lastDay: to,
    end,
    timezone,
    mode: 'previous_days',
  });
}

/**
 * From one instant to another, e.g. a cron schedule's previous run to this one.
 * Labelled with local times: `Mar 2, 09:00 – Mar 3, 2026, 09:00`.
 */
export function periodBetween(start: Date, end: Date, timezone: string): ReportPeriod {
  assertTimeZone(timezone);
  if (end.getTime() <= start.getTime()) throw invalidField('end', 'must be after start');
  const local = (instant: Date) => DateTime.fromJSDate(instant, { zone: timezone }).setLocale('en-US');
  const [from, to] = [local(start), local(end)];
  const lastInstant = local(new Date(end.getTime() - 1));
  const firstDay = from.toISODate() as string;
  const lastDay = lastInstant.toISODate() as string;
  const days = DateTime.fromISO(lastDay).diff(DateTime.fromISO(firstDay), 'days').days + 1;
  const label =
    from.year === to.year
      ? `${from.toFormat('LLL d, HH:mm')} – ${to.toFormat('LLL d, yyyy, HH:mm')}`
      : `${from.toFormat('LLL d, yyyy, HH:mm')} – ${to.toFormat('LLL d, yyyy, HH:mm')}`;
  return { start, end, timezone, firstDay, lastDay, days, mode: 'span', label };
}

/**
 * The period a stored `[start, end)` stands for (a ledger row keeps only its instants): whole local days
 * when both ends are local midnights, days "to date" when only the start is, otherwise a span.
 */
export function periodFromRange(start: Date, end: Date, timezone: string): ReportPeriod {
  assertTimeZone(timezone);
  const localDay = (instant: Date) => DateTime.fromJSDate(instant, { zone: timezone }).toISODate() as string;
  const isMidnight = (instant: Date) => startOfLocalDay(localDay(instant), timezone).getTime() === instant.getTime();
  if (end.getTime() <= start.getTime() || !isMidnight(start)) return periodBetween(start, end, timezone);
  const firstDay = localDay(start);
  if (isMidnight(end)) return periodFromLocalDates(firstDay, addDays(localDay(end), -1), timezone);
  return buildPeriod({ firstDay, lastDay: localDay(end), end, timezone, mode: 'to_date' });
}

/**
 * The period of equal length that ends where this one starts: the same number of calendar days
 * (so 23- and 25-hour days line up), or the same duration for a span.
 */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  if (period.mode === 'span') {
    const length = period.end.getTime() - period.start.getTime();
    return periodBetween(new Date(period.start.getTime() - length), period.start, period.timezone);
  }
  const firstDay = addDays(period.firstDay, -period.days);
  const lastDay = addDays(period.lastDay, -period.days);
  if (period.mode === 'previous_days') return periodFromLocalDates(firstDay, lastDay, period.timezone);
  const end = DateTime.fromJSDate(period.end, { zone: period.timezone }).minus({ days: period.days }).toJSDate();
  return buildPeriod({
    firstDay,
    lastDay,
    end,
    timezone: period.timezone,
    mode: 'to_date',
  });
}

/** `Sales_Report_2026_03_02.xlsx` or `Sales_Report_2026_02_24_to_2026_03_02.xlsx`. */
export function workbookFilename(period: Pick<ReportPeriod, 'firstDay' | 'lastDay'>): string {
  const day = (date: string) => date.replaceAll('-', '_');
  const range =
    period.firstDay === period.lastDay ? day(period.firstDay) : `${day(period.firstDay)}_to_${day(period.lastDay)}`;
  return `Sales_Report_${range}.xlsx`;
}

/** `Feb 25, 2026`, `Feb 23 – Feb 25, 2026`, `Dec 29, 2026 – Jan 4, 2027`. */
export function periodLabel(firstDay: string, lastDay: string): string {
  const first = DateTime.fromISO(firstDay, { locale: 'en-US' });
  const last = DateTime.fromISO(lastDay, { locale: 'en-US' });
  if (firstDay === lastDay) return last.toFormat('LLL d, yyyy');
  if (first.year === last.year) return `${first.toFormat('LLL d')} – ${last.toFormat('LLL d, yyyy')}`;
  return `${first.toFormat('LLL d, yyyy')} – ${last.toFormat('LLL d, yyyy')}`;
}

/** Local midnight of a calendar day; where midnight does not exist (a DST jump), the first instant after. */
export function startOfLocalDay(date: string, timezone: string): Date {
  return DateTime.fromISO(date, { zone: timezone }).startOf('day').toJSDate();
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() as string;
}

export function isValidTimeZone(timezone: string): boolean {
  return timezone.length > 0 && DateTime.local({ zone: timezone }).isValid;
}

function buildPeriod(input: {
  firstDay: string;
  lastDay: string;
  end: Date;
  timezone: string;
  mode: PeriodMode;
}): ReportPeriod {
  const { firstDay, lastDay, end, timezone, mode } = input;
  const days = DateTime.fromISO(lastDay).diff(DateTime.fromISO(firstDay), 'days').days + 1;
  const endTime = DateTime.fromJSDate(end, { zone: timezone }).toFormat('HH:mm');
  const label =
    mode === 'to_date' ? `${periodLabel(firstDay, lastDay)} (to ${endTime})` : periodLabel(firstDay, lastDay);
  return {
    start: startOfLocalDay(firstDay, timezone),
    end,
    timezone,
    firstDay,
    lastDay,
    days,
    mode,
    label,
  };
}

function assertTimeZone(timezone: string): void {
  if (!isValidTimeZone(timezone)) throw invalidField('timezone', `unknown IANA time zone "${timezone}"`);
}

/** A supported `YYYY-MM-DD` calendar date that exists, or a validation error naming the field. */
export function assertLocalDate(field: string, value: string): void {
  const problem = localDateProblem(value);
  if (problem) throw invalidField(field, problem);
}
