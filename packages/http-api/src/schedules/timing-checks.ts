import { type ErrorDetail, isAppError } from '@reportmail/errors';
import { ACCEPTED_DATES, isValidTimeZone, localDateProblem, type PeriodMode } from '@reportmail/reports';
import { nextRunAfter, type ScheduleTiming, WEEKDAYS } from '@reportmail/schedules';

/** Cron schedules may fire at most every 15 minutes: each run builds a report and sends an email. */
export const MIN_CRON_GAP_MINUTES = 15;
/**
 * How far a cron expression's runs are sampled for its tightest gap: every matching day repeats the same
 * hour and minute grid, so a week of runs shows every gap inside a day and from one day to the next.
 * 200 runs are enough too: a day with more than 96 runs has a gap under 15 minutes anyway.
 */
const CRON_SAMPLE_RUNS = 200;
const CRON_SAMPLE_MS = 8 * 24 * 3_600_000;
/** A fixed start for the sample, far from any DST change, so the answer never depends on the clock. */
const SAMPLE_FROM = new Date('2026-01-05T00:00:00Z');
/** cron-parser's `H` picks a random minute or hour on every evaluation: runs would wander. */
const RANDOM_TOKEN = /^H(\(|\/|$)/i;
/** Stands in for an every_3_days anchor left out (it becomes the request's day): any day plans the same. */
const SAMPLE_ANCHOR = '2026-01-05';

/** Frequencies whose period mode counts calendar days (cron reports on the span since its previous run). */
const CALENDAR_FREQUENCIES: ScheduleTiming['frequency'][] = ['daily', 'every_3_days', 'weekly'];

/**
 * Why a schedule's timing cannot be used, as field problems (`sendTime`, `timezone`, `anchorDate`,
 * `weekday`, `cronExpression`); empty when the scheduler can plan it. The checks are the scheduler's own
 * functions (nextRunAfter), so the API never accepts a timing the scheduler would refuse. An every_3_days
 * timing may leave its anchor out: the API sets it to the day of the request (scheduleValues).
 */
export function timingProblems(timing: ScheduleTiming): ErrorDetail[] {
  if (!isValidTimeZone(timing.timezone)) {
    return [{ field: 'timezone', message: `unknown IANA time zone "${timing.timezone}" (e.g. Asia/Manila)` }];
  }
  const problems = [...misplacedFields(timing), ...anchorDateProblems(timing)];
  if (timing.frequency === 'cron') problems.push(...cronShapeProblems(timing.cronExpression));
  if (problems.length > 0) return problems;
  // Cron schedules keep a send time too (used if the frequency changes later): check it as daily's.
  const planned = plannable({ ...timing, frequency: 'daily', anchorDate: null, weekday: null, cronExpression: null });
  if (planned.length > 0 || timing.frequency === 'daily') return planned;
  const own = plannable({ ...timing, anchorDate: timing.anchorDate ?? SAMPLE_ANCHOR });
  if (own.length > 0 || timing.frequency !== 'cron') return own;
  return cronGapProblems(timing);
}

/**
 * A `to_date` period ends at the run: run at 00:00, its last day has not begun, so a daily report covers
 * nothing and the others a day short under a label that names it.
 */
export function periodModeProblems(schedule: ScheduleTiming & { periodMode: PeriodMode }): ErrorDetail[] {
  const { frequency, sendTime, periodMode } = schedule;
  if (periodMode !== 'to_date' || sendTime !== '00:00' || !CALENDAR_FREQUENCIES.includes(frequency)) return [];
  const message =
    'is 00:00 with periodMode "to_date": the period would end as its last day begins, so that day is empty ' +
    `(a daily report covers nothing). Send later in the day, or use periodMode "previous_days" to report the whole days before 00:00`;
  return [{ field: 'sendTime', message }];
}

function misplacedFields(timing: ScheduleTiming): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (timing.frequency === 'cron' && !timing.cronExpression) {
    problems.push({ field: 'cronExpression', message: 'is required for cron schedules, e.g. "0 9 * * 1-5"' });
  }
  if (timing.frequency !== 'cron' && timing.cronExpression) {
    problems.push({ field: 'cronExpression', message: 'is only used by cron schedules: leave it out or send null' });
  }
  if (timing.frequency === 'weekly' && !timing.weekday) {
    problems.push({ field: 'weekday', message: `is required for weekly schedules: one of ${WEEKDAYS.join(', ')}` });
  }
  if (timing.frequency !== 'weekly' && timing.weekday) {
    problems.push({ field: 'weekday', message: 'is only used by weekly schedules: leave it out or send null' });
  }
  return [...problems, ...misplacedAnchor(timing)];
}

function misplacedAnchor(timing: ScheduleTiming): ErrorDetail[] {
  if (!timing.anchorDate || timing.frequency === 'every_3_days') return [];
  if (timing.frequency === 'weekly') {
    const message = 'is not used by weekly schedules: name the run day in weekday instead (e.g. "monday")';
    return [{ field: 'anchorDate', message }];
  }
  return [{ field: 'anchorDate', message: 'is only used by every_3_days schedules: leave it out or send null' }];
}

function anchorDateProblems(timing: ScheduleTiming): ErrorDetail[] {
  const problem = timing.anchorDate ? localDateProblem(timing.anchorDate, ACCEPTED_DATES) : null;
  return problem ? [{ field: 'anchorDate', message: problem }] : [];
}

function cronShapeProblems(expression: string | null | undefined): ErrorDetail[] {
  if (!expression) return [];
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    const message = 'must have exactly 5 fields: minute hour day-of-month month day-of-week (no seconds, no @aliases)';
    return [{ field: 'cronExpression', message }];
  }
  if (fields.some((field) => field.split(',').some((token) => RANDOM_TOKEN.test(token)))) {
    return [{ field: 'cronExpression', message: 'must not use H (a random time): name the minutes and hours' }];
  }
  return [];
}

function plannable(timing: ScheduleTiming): ErrorDetail[] {
  return fieldProblems(() => nextRunAfter(timing, SAMPLE_FROM));
}

function cronGapProblems(timing: ScheduleTiming): ErrorDetail[] {
  const first = nextRunAfter(timing, SAMPLE_FROM);
  let previous = first;
  for (let run = 1; run < CRON_SAMPLE_RUNS; run += 1) {
    const next = nextRunAfter(timing, previous);
    if (next.getTime() - first.getTime() > CRON_SAMPLE_MS) return [];
    const gapMinutes = (next.getTime() - previous.getTime()) / 60_000;
    if (gapMinutes < MIN_CRON_GAP_MINUTES) {
      const message = `runs ${gapMinutes} minutes apart at times: runs must be at least ${MIN_CRON_GAP_MINUTES} minutes apart`;
      return [{ field: 'cronExpression', message }];
    }
    previous = next;
  }
  return [];
}

/** The field problems a validation error names; any other error is a bug and goes up. */
function fieldProblems(check: () => unknown): ErrorDetail[] {
  try {
    check();
    return [];
  } catch (error) {
    if (isAppError(error) && error.code === 'VALIDATION' && error.details.length > 0) return error.details;
    throw error;
  }
}
