import { reportSubject } from '@reportmail/emails';
import type { ReportPeriod } from '@reportmail/reports';
import { describeSchedule, nextRuns, reportPeriodForRun, type SchedulePeriodInput } from '@reportmail/schedules';
import { z } from 'zod';
import { instant, localDate } from '../routes/schemas.js';
import { currentPeriod, localDateTime, MAX_PREVIEW_DAYS, periodJson, periodReply } from './periods.js';
import { addTimingIssues, timingFields } from './schedule-body.js';

/** Runs a draft lists: enough for the editor, small enough to answer while someone types. */
export const MAX_DRAFT_RUNS = 10;

/** The timing fields of a schedule body, checked alike, with how many runs to list and from when. */
export function draftTimingBody(defaultTimezone: string) {
  return z
    .strictObject({
      ...timingFields(defaultTimezone),
      count: z.number().int().min(1).max(MAX_DRAFT_RUNS).default(5),
      after: instant
        .optional()
        .describe('ISO instant the answer is computed for, instead of now: runs after it, the period of a send then'),
    })
    .superRefine(addTimingIssues);
}

const previewRange = z
  .object({ from: localDate, to: localDate })
  .nullable()
  .describe(
    'The from/to the preview routes take for exactly this period; null when they cannot show it (a period ' +
      `that is not whole local days, starts after today, or is over ${MAX_PREVIEW_DAYS} days)`,
  );

export const draftTimingReply = z.object({
  description: z.string().describe('When it sends, in words'),
  runs: z.array(
    z.object({
      at: z.string().describe('ISO instant'),
      local: z.string().describe('YYYY-MM-DD HH:mm in the schedule time zone'),
      period: periodReply,
      subject: z.string().describe('The subject of this run’s report email'),
      preview: previewRange,
    }),
  ),
  sendNow: periodReply.describe('The period a send now (or a test) would report on'),
});

/**
 * What a timing means, from the scheduler's and the report worker's own functions: its words, its next
 * runs with the period and subject of each, and the period a send at `now` would cover.
 */
export function draftTimingJson(
  schedule: SchedulePeriodInput,
  now: Date,
  count: number,
): z.infer<typeof draftTimingReply> {
  const runs = nextRuns(schedule, now, count).map((at) => {
    const period = reportPeriodForRun(schedule, at);
    return {
      at: at.toISOString(),
      local: localDateTime(at, schedule.timezone),
      period: periodJson(period),
      subject: reportSubject(schedule.frequency, period.label),
      preview: previewRangeOf(period, now),
    };
  });
  return { description: describeSchedule(schedule), runs, sendNow: periodJson(currentPeriod(schedule, now)) };
}

/** Whole local days the preview routes accept (see requestedPeriod) give back exactly this period. */
function previewRangeOf(period: ReportPeriod, now: Date): { from: string; to: string } | null {
  const today = localDateTime(now, period.timezone).slice(0, 10);
  if (period.mode !== 'previous_days' || period.firstDay > today || period.days > MAX_PREVIEW_DAYS) return null;
  return { from: period.firstDay, to: period.lastDay };
}
