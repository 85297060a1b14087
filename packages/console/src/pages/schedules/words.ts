import type { EmptyPeriodPolicy, Frequency, PeriodMode, Weekday } from './schedule-form';

export const FREQUENCY_OPTIONS: { value: Frequency; label: string }[] = [
  { value: 'daily', label: 'Daily' },
  { value: 'every_3_days', label: 'Every 3 days' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'cron', label: 'Advanced (cron)' },
];

export const WEEKDAY_OPTIONS: { value: Weekday; short: string; label: string }[] = [
  { value: 'monday', short: 'Mon', label: 'Monday' },
  { value: 'tuesday', short: 'Tue', label: 'Tuesday' },
  { value: 'wednesday', short: 'Wed', label: 'Wednesday' },
  { value: 'thursday', short: 'Thu', label: 'Thursday' },
  { value: 'friday', short: 'Fri', label: 'Friday' },
  { value: 'saturday', short: 'Sat', label: 'Saturday' },
  { value: 'sunday', short: 'Sun', label: 'Sunday' },
];

/**
 * What each send reports on, as the report period is computed (packages/reports computeReportPeriod):
 * `previous_days` is the 1, 3 or 7 whole days before the send's day; `to_date` is as many days ending at
 * the send, today's up to the send time. Cron schedules ignore the mode: they cover the time since their
 * previous send.
 */
export function periodModeLabel(mode: PeriodMode, frequency: Exclude<Frequency, 'cron'>): string {
  const days = { daily: 1, every_3_days: 3, weekly: 7 }[frequency];
  if (mode === 'previous_days') return days === 1 ? 'The day before the send' : `The ${days} days before the send day`;
  return days === 1 ? 'Today up to the send time' : `Today up to the send time, and the ${days - 1} days before it`;
}

export const CRON_PERIOD = 'Advanced schedules report on the time since their previous send.';

export const EMPTY_PERIOD_OPTIONS: { value: EmptyPeriodPolicy; label: string; description: string }[] = [
  {
    value: 'send',
    label: 'Send the report anyway',
    description: 'The email shows zero totals and carries an empty workbook.',
  },
  {
    value: 'note',
    label: 'Send a short note instead',
    description: 'The email says no payments were received, without a workbook.',
  },
  {
    value: 'skip',
    label: 'Send nothing',
    description: 'The delivery log records the send as skipped.',
  },
];

export const TRIGGER_WORDS: Record<string, string> = {
  scheduled: 'scheduled',
  catch_up: 'catch-up',
  manual: 'manual',
  test: 'test',
};
