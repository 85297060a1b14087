import { isAppError } from '@reportmail/errors';
import type { SchedulePeriodInput } from '@reportmail/schedules';
import { describe, expect, it } from 'vitest';
import { localDateTime, nextRunsJson, type PeriodRequest, periodJson, requestedPeriod } from './periods.js';

const manila: SchedulePeriodInput = {
  frequency: 'daily',
  sendTime: '09:00',
  timezone: 'Asia/Manila',
  periodMode: 'previous_days',
};
const newYork = (sendTime: string): SchedulePeriodInput => ({ ...manila, sendTime, timezone: 'America/New_York' });
// 2026-03-03 10:00 in Manila.
const NOW = new Date('2026-03-03T02:00:00Z');

function refusal(schedule: SchedulePeriodInput, request: Partial<PeriodRequest>) {
  try {
    requestedPeriod(schedule, { range: {}, source: 'body', maxDays: 366, now: NOW, ...request });
  } catch (error) {
    if (isAppError(error)) return [error.httpStatus, error.details];
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('next runs', () => {
  it.each<[string, SchedulePeriodInput, string, string[][]]>([
    [
      'daily 02:30 in New York across the spring-forward gap (02:30 does not exist on Mar 8: 03:00 EDT)',
      newYork('02:30'),
      '2026-03-07T08:00:00Z',
      [
        [
          '2026-03-08T07:00:00.000Z',
          '2026-03-08 03:00',
          '2026-03-07T05:00:00.000Z',
          '2026-03-08T05:00:00.000Z',
          'Mar 7, 2026',
        ],
        [
          '2026-03-09T06:30:00.000Z',
          '2026-03-09 02:30',
          '2026-03-08T05:00:00.000Z',
          '2026-03-09T04:00:00.000Z',
          'Mar 8, 2026',
        ],
        [
          '2026-03-10T06:30:00.000Z',
          '2026-03-10 02:30',
          '2026-03-09T04:00:00.000Z',
          '2026-03-10T04:00:00.000Z',
          'Mar 9, 2026',
        ],
      ],
    ],
    [
      'daily 01:30 in New York across the fall-back repeat (fires once, at the first 01:30)',
      newYork('01:30'),
      '2026-10-31T12:00:00Z',
      [
        [
          '2026-11-01T05:30:00.000Z',
          '2026-11-01 01:30',
          '2026-10-31T04:00:00.000Z',
          '2026-11-01T04:00:00.000Z',
          'Oct 31, 2026',
        ],
        [
          '2026-11-02T06:30:00.000Z',
          '2026-11-02 01:30',
          '2026-11-01T04:00:00.000Z',
          '2026-11-02T05:00:00.000Z',
          'Nov 1, 2026',
        ],
      ],
    ],
    [
      'weekly on Mondays, to date, in Manila',
      { ...manila, frequency: 'weekly', weekday: 'monday', periodMode: 'to_date' },
      '2026-03-03T00:00:00Z',
      [
        [
          '2026-03-09T01:00:00.000Z',
          '2026-03-09 09:00',
          '2026-03-02T16:00:00.000Z',
          '2026-03-09T01:00:00.000Z',
          'Mar 3 – Mar 9, 2026 (to 09:00)',
        ],
      ],
    ],
    [
      'cron twice a day: each run reports on the span since the one before',
      { ...manila, frequency: 'cron', cronExpression: '0 9,17 * * *' },
      '2026-03-03T00:00:00Z',
      [
        [
          '2026-03-03T01:00:00.000Z',
          '2026-03-03 09:00',
          '2026-03-02T09:00:00.000Z',
          '2026-03-03T01:00:00.000Z',
          'Mar 2, 17:00 – Mar 3, 2026, 09:00',
        ],
        [
          '2026-03-03T09:00:00.000Z',
          '2026-03-03 17:00',
          '2026-03-03T01:00:00.000Z',
          '2026-03-03T09:00:00.000Z',
          'Mar 3, 09:00 – Mar 3, 2026, 17:00',
        ],
      ],
    ],
  ])('%s', (_name, schedule, after, expected) => {
    const runs = nextRunsJson(schedule, new Date(after), expected.length);
    expect(runs).toEqual(
      expected.map(([at, local, start, end, label]) => ({
        at,
        local,
        timezone: schedule.timezone,
        period: { start, end, label },
      })),
    );
  });
});

describe('the period a send or preview covers', () => {
  it('is, by default, what a run right now would report on', () => {
    const period = (schedule: SchedulePeriodInput) =>
      periodJson(requestedPeriod(schedule, { range: {}, source: 'body', maxDays: 366, now: NOW }));
    expect(period(manila)).toEqual({
      start: '2026-03-01T16:00:00.000Z',
      end: '2026-03-02T16:00:00.000Z',
      label: 'Mar 2, 2026',
      timezone: 'Asia/Manila',
    });
    expect(period({ ...manila, periodMode: 'to_date' })).toEqual({
      start: '2026-03-02T16:00:00.000Z',
      end: NOW.toISOString(),
      label: 'Mar 3, 2026 (to 10:00)',
      timezone: 'Asia/Manila',
    });
    expect(period({ ...manila, frequency: 'cron', cronExpression: '0 8 * * *' })).toEqual({
      start: '2026-03-03T00:00:00.000Z',
      end: NOW.toISOString(),
      label: 'Mar 3, 08:00 – Mar 3, 2026, 10:00',
      timezone: 'Asia/Manila',
    });
  });

  it('covers whole local days from–to in the schedule’s zone', () => {
    const period = requestedPeriod(manila, {
      range: { from: '2026-02-01', to: '2026-03-03' },
      source: 'querystring',
      maxDays: 92,
      now: NOW,
    });
    expect(periodJson(period)).toEqual({
      start: '2026-01-31T16:00:00.000Z',
      end: '2026-03-03T16:00:00.000Z',
      label: 'Feb 1 – Mar 3, 2026',
      timezone: 'Asia/Manila',
    });
  });

  it.each<[string, Partial<PeriodRequest>, { field: string; message: string }[]]>([
    ['from without to', { range: { from: '2026-03-01' } }, [{ field: 'body.to', message: 'is required with from' }]],
    ['to without from', { range: { to: '2026-03-01' } }, [{ field: 'body.from', message: 'is required with to' }]],
    [
      'a date that does not exist',
      { range: { from: '2026-02-30', to: '2026-03-01' } },
      [{ field: 'body.from', message: 'expected a calendar date as YYYY-MM-DD, got "2026-02-30"' }],
    ],
    [
      'to before from',
      { range: { from: '2026-03-02', to: '2026-03-01' }, source: 'querystring' },
      [{ field: 'querystring.to', message: 'must be on or after from (2026-03-02)' }],
    ],
    [
      'a period starting tomorrow (local)',
      { range: { from: '2026-03-04', to: '2026-03-04' } },
      [{ field: 'body.from', message: 'is in the future: today is 2026-03-03 in Asia/Manila' }],
    ],
    [
      '367 days',
      { range: { from: '2025-03-01', to: '2026-03-02' } },
      [{ field: 'body.to', message: 'the period is 367 days: at most 366' }],
    ],
    [
      'a preview of 93 days',
      { range: { from: '2025-12-01', to: '2026-03-03' }, source: 'querystring', maxDays: 92 },
      [{ field: 'querystring.to', message: 'the period is 93 days: at most 92' }],
    ],
  ])('refuses %s, naming the field', (_name, request, details) => {
    expect(refusal(manila, request)).toEqual([400, details]);
  });

  it('refuses a current period longer than allowed (a yearly cron schedule, two months in)', () => {
    const yearly: SchedulePeriodInput = { ...manila, frequency: 'cron', cronExpression: '0 0 1 1 *' };
    expect(refusal(yearly, { source: 'querystring', maxDays: 60 })).toEqual([
      400,
      [{ field: 'querystring.to', message: 'the current period is 62 days: choose from and to (at most 60 days)' }],
    ]);
  });
});

describe('localDateTime', () => {
  it('shows wall-clock time in the zone, midnight as 00', () => {
    expect(localDateTime(new Date('2026-03-02T16:00:00Z'), 'Asia/Manila')).toBe('2026-03-03 00:00');
    expect(localDateTime(new Date('2026-03-08T07:00:00Z'), 'America/New_York')).toBe('2026-03-08 03:00');
  });
});
