import { describe, expect, it } from 'vitest';
import { reportPeriodForRun, type SchedulePeriodInput } from './report-period.js';

const base: SchedulePeriodInput = {
  frequency: 'daily',
  sendTime: '09:00',
  timezone: 'Asia/Manila',
  periodMode: 'previous_days',
};

describe('reportPeriodForRun', () => {
  it.each<[string, Partial<SchedulePeriodInput>, string, string, string, string]>([
    ['daily', {}, '2026-03-03T01:00:00Z', '2026-03-01T16:00:00.000Z', '2026-03-02T16:00:00.000Z', 'Mar 2, 2026'],
    [
      'weekly to date',
      { frequency: 'weekly', weekday: 'monday', periodMode: 'to_date' },
      '2026-03-09T01:00:00Z',
      '2026-03-02T16:00:00.000Z',
      '2026-03-09T01:00:00.000Z',
      'Mar 3 – Mar 9, 2026 (to 09:00)',
    ],
    [
      'cron twice a day: the span since the previous run',
      { frequency: 'cron', cronExpression: '0 9,17 * * *' },
      '2026-03-02T09:00:00Z',
      '2026-03-02T01:00:00.000Z',
      '2026-03-02T09:00:00.000Z',
      'Mar 2, 09:00 – Mar 2, 2026, 17:00',
    ],
  ])('%s', (_name, overrides, scheduledAt, start, end, label) => {
    const period = reportPeriodForRun({ ...base, ...overrides }, new Date(scheduledAt));
    expect([period.start.toISOString(), period.end.toISOString(), period.label]).toEqual([start, end, label]);
  });
});
