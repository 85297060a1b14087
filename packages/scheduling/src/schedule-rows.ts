import { reportSchedule } from '@reportmail/db';
import type { SchedulePeriodInput, ScheduleTiming } from '@reportmail/schedules';

/**
 * The columns the scheduler reads. Recipients are left out on purpose: the scheduler never needs them,
 * so they can never reach its logs.
 */
export const scheduleColumns = {
  id: reportSchedule.id,
  enabled: reportSchedule.enabled,
  enabledAt: reportSchedule.enabledAt,
  createdAt: reportSchedule.createdAt,
  frequency: reportSchedule.frequency,
  sendTime: reportSchedule.sendTime,
  timezone: reportSchedule.timezone,
  cronExpression: reportSchedule.cronExpression,
  anchorDate: reportSchedule.anchorDate,
  weekday: reportSchedule.weekday,
  periodMode: reportSchedule.periodMode,
  nextRunAt: reportSchedule.nextRunAt,
};

export type ScheduleRow = {
  id: string;
  enabled: boolean;
  enabledAt: Date | null;
  createdAt: Date;
  frequency: ScheduleTiming['frequency'];
  sendTime: string;
  timezone: string;
  cronExpression: string | null;
  anchorDate: string | null;
  weekday: ScheduleTiming['weekday'];
  periodMode: SchedulePeriodInput['periodMode'];
  nextRunAt: Date | null;
};

/** Exactly the timing fields: encodeTiming refuses any other key. */
export function timingOf(schedule: ScheduleRow): ScheduleTiming {
  const { frequency, sendTime, timezone, anchorDate, weekday, cronExpression } = schedule;
  return { frequency, sendTime, timezone, anchorDate, weekday, cronExpression };
}

export function periodInputOf(schedule: ScheduleRow): SchedulePeriodInput {
  return { ...timingOf(schedule), periodMode: schedule.periodMode };
}

/** Catch-up never reaches back before the schedule was (last) switched on. */
export function activeSince(schedule: ScheduleRow): Date {
  return schedule.enabledAt ?? schedule.createdAt;
}
