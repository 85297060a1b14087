import { AppError, invalidField, isAppError } from '@reportmail/errors';
import { periodFromLocalDates, type ReportPeriod } from '@reportmail/reports';
import {
  nextRunAfter,
  nextRuns,
  reportPeriodForRun,
  type SchedulePeriodInput,
  type ScheduleTiming,
} from '@reportmail/schedules';
import { z } from 'zod';

/** Periods a send-now may cover, and (smaller, as it is built while the request waits) a preview. */
export const MAX_RUN_DAYS = 366;
export const MAX_PREVIEW_DAYS = 92;

export const periodReply = z.object({
  start: z.string().describe('ISO instant, inclusive'),
  end: z.string().describe('ISO instant, exclusive'),
  label: z.string(),
  timezone: z.string(),
});

export function periodJson(period: ReportPeriod): z.infer<typeof periodReply> {
  return {
    start: period.start.toISOString(),
    end: period.end.toISOString(),
    label: period.label,
    timezone: period.timezone,
  };
}

/**
 * What a run right now would report on: for daily, every-3-days and weekly schedules the calendar days
 * their period mode gives for today; for cron schedules the span since their latest run.
 */
export function currentPeriod(schedule: SchedulePeriodInput, now: Date): ReportPeriod {
  return reportPeriodForRun(schedule, now);
}

export type PeriodRequest = {
  range: { from?: string | undefined; to?: string | undefined };
  /** Where `from` and `to` came from, for error fields, named as schema errors name it. */
  source: 'body' | 'querystring';
  maxDays: number;
  now: Date;
};

/** Whole local days `from`…`to` in the schedule's zone, or the current period when neither is given. */
export function requestedPeriod(schedule: SchedulePeriodInput, request: PeriodRequest): ReportPeriod {
  const { range, source, maxDays, now } = request;
  const field = (name: string) => `${source}.${name}`;
  if (range.from === undefined && range.to === undefined) {
    const period = currentPeriod(schedule, now);
    if (period.days > maxDays) {
      throw invalidField(
        field('to'),
        `the current period is ${period.days} days: choose from and to (at most ${maxDays} days)`,
      );
    }
    return period;
  }
  if (range.from === undefined) throw invalidField(field('from'), 'is required with to');
  if (range.to === undefined) throw invalidField(field('to'), 'is required with from');
  const period = withFieldPrefix(source, () =>
    periodFromLocalDates(range.from as string, range.to as string, schedule.timezone),
  );
  const today = localDateTime(now, schedule.timezone).slice(0, 10);
  if (period.firstDay > today) {
    throw invalidField(field('from'), `is in the future: today is ${today} in ${schedule.timezone}`);
  }
  if (period.days > maxDays) {
    throw invalidField(field('to'), `the period is ${period.days} days: at most ${maxDays}`);
  }
  return period;
}

/**
 * When a schedule next sends, as the scheduler plans it, or null while it is off: written with every change
 * so a reply is true at once, not only after the scheduler has synced.
 */
export function plannedNextRun(schedule: ScheduleTiming & { enabled: boolean }, now: Date): Date | null {
  return schedule.enabled ? nextRunAfter(schedule, now) : null;
}

export const nextRunReply = z.object({
  at: z.string().describe('ISO instant'),
  local: z.string().describe('YYYY-MM-DD HH:mm in the schedule time zone'),
  timezone: z.string(),
  period: periodReply.omit({ timezone: true }),
});

/** The schedule's next `count` runs after `after`, from the scheduler's own functions, with their periods. */
export function nextRunsJson(schedule: SchedulePeriodInput, after: Date, count: number) {
  return nextRuns(schedule, after, count).map((at): z.infer<typeof nextRunReply> => {
    const period = reportPeriodForRun(schedule, at);
    return {
      at: at.toISOString(),
      local: localDateTime(at, schedule.timezone),
      timezone: schedule.timezone,
      period: { start: period.start.toISOString(), end: period.end.toISOString(), label: period.label },
    };
  });
}

/** Runs `work`, naming the fields of its validation errors under `prefix` (`from` → `body.from`). */
export function withFieldPrefix<T>(prefix: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!isAppError(error) || error.code !== 'VALIDATION') throw error;
    const details = error.details.map((detail) => ({ ...detail, field: `${prefix}.${detail.field}` }));
    const message = details.map((detail) => `${detail.field}: ${detail.message}`).join('; ');
    throw new AppError('VALIDATION', message, { details, cause: error });
  }
}

/** `YYYY-MM-DD HH:mm`: the wall-clock time of an instant in a zone. */
export function localDateTime(instant: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
