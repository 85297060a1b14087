import { computeReportPeriod, type PeriodMode, periodBetween, type ReportPeriod } from '@reportmail/reports';
import { latestRunAtOrBefore, type ScheduleTiming } from './timing.js';

export type SchedulePeriodInput = ScheduleTiming & { periodMode: PeriodMode };

/**
 * The period a run reports on, from its scheduled instant only (never from when the job runs):
 * the frequency's calendar days, or for cron schedules the span since the previous run.
 */
export function reportPeriodForRun(schedule: SchedulePeriodInput, scheduledAt: Date): ReportPeriod {
  if (schedule.frequency !== 'cron') {
    return computeReportPeriod({
      frequency: schedule.frequency,
      scheduledAt,
      timezone: schedule.timezone,
      periodMode: schedule.periodMode,
    });
  }
  const previousRun = latestRunAtOrBefore(schedule, new Date(scheduledAt.getTime() - 1_000));
  if (!previousRun)
    throw new Error(`Cron schedule "${schedule.cronExpression}" has no run before ${scheduledAt.toISOString()}`);
  return periodBetween(previousRun, scheduledAt, schedule.timezone);
}
