import { describe, expect, it } from 'vitest';
import { describeSchedule } from './describe.js';
import type { ScheduleTiming } from './timing.js';

const manila = (timing: Partial<ScheduleTiming>): ScheduleTiming => ({
  frequency: 'daily',
  sendTime: '08:00',
  timezone: 'Asia/Manila',
  ...timing,
});
const cron = (cronExpression: string, timezone = 'Asia/Manila') =>
  manila({ frequency: 'cron', cronExpression, timezone });

describe('describeSchedule', () => {
  it.each<[string, ScheduleTiming]>([
    ['Daily at 08:00, Asia/Manila', manila({})],
    ['Daily at 00:05, America/New_York', manila({ sendTime: '00:05', timezone: 'America/New_York' })],
    [
      'Every 3 days from 2026-12-01 at 08:00, Asia/Manila',
      manila({ frequency: 'every_3_days', anchorDate: '2026-12-01' }),
    ],
    ['Every 3 days at 08:00, Asia/Manila', manila({ frequency: 'every_3_days', anchorDate: null })],
    ['Weekly on Monday at 08:00, Asia/Manila', manila({ frequency: 'weekly', weekday: 'monday' })],
    ['Weekly on Sunday at 18:30, Asia/Manila', manila({ frequency: 'weekly', weekday: 'sunday', sendTime: '18:30' })],
    ['Weekly at 08:00, Asia/Manila', manila({ frequency: 'weekly' })],
    ['At 08:00, Monday through Friday (Asia/Manila)', cron('0 8 * * 1-5')],
    // The send time is kept on cron schedules but not used: the words follow the expression.
    ['At 17:30 (Asia/Manila)', cron('30 17 * * *')],
    ['At 09:00 and 17:00 (Asia/Manila)', cron('0 9,17 * * *')],
    ['Every 15 minutes (Asia/Manila)', cron('*/15 * * * *')],
    ['At 09:00, only on Sunday (Europe/London)', cron('0 9 * * 0', 'Europe/London')],
    ['At 09:00, only on Sunday (Asia/Manila)', cron('0 9 * * 7')],
    ['At 09:00, only on Monday, Wednesday, and Friday (Asia/Manila)', cron('0 9 * * MON,WED,FRI')],
    ['At 09:00, on the last day of the month (Asia/Manila)', cron('0 9 L * *')],
    ['At 09:00, on the second Monday of the month (Asia/Manila)', cron('0 9 * * 1#2')],
    ['At 00:00, on day 29 of the month, only in February (Asia/Manila)', cron('0 0 29 2 *')],
    ['Cron "not a cron" (Asia/Manila)', cron('not a cron')],
  ])('"%s"', (words, timing) => {
    expect(describeSchedule(timing)).toBe(words);
  });
});
