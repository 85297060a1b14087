import { describe, expect, it } from 'vitest';
import { latestRunAtOrBefore, localSlot, nextRunAfter, nextRuns, type ScheduleTiming, weekdayOf } from './timing.js';

const ny = (timing: Partial<ScheduleTiming>): ScheduleTiming => ({
  frequency: 'daily',
  sendTime: '09:00',
  timezone: 'America/New_York',
  ...timing,
});
const manila = (timing: Partial<ScheduleTiming>): ScheduleTiming => ({
  ...ny(timing),
  timezone: 'Asia/Manila',
  ...timing,
});
const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe('nextRunAfter / nextRuns', () => {
  it.each<[string, ScheduleTiming, string, string[]]>([
    // 09:00 stays 09:00 local across the spring-forward (Mar 8) and fall-back (Nov 1) days.
    [
      'daily 09:00 across spring forward',
      ny({}),
      '2026-03-07T15:00:00Z',
      ['2026-03-08T13:00:00.000Z', '2026-03-09T13:00:00.000Z'],
    ],
    [
      'daily 09:00 across fall back',
      ny({}),
      '2026-10-31T14:00:00Z',
      ['2026-11-01T14:00:00.000Z', '2026-11-02T14:00:00.000Z'],
    ],
    // 02:30 does not exist on Mar 8: the first valid minute after it is 03:00 EDT.
    [
      'daily 02:30 in the gap',
      ny({ sendTime: '02:30' }),
      '2026-03-07T08:00:00Z',
      ['2026-03-08T07:00:00.000Z', '2026-03-09T06:30:00.000Z'],
    ],
    // 01:30 happens twice on Nov 1: it fires once, at the first (EDT) one.
    [
      'daily 01:30 repeated hour',
      ny({ sendTime: '01:30' }),
      '2026-10-31T12:00:00Z',
      ['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z'],
    ],
    [
      'daily across a month end',
      manila({}),
      '2026-01-31T23:00:00Z',
      ['2026-02-01T01:00:00.000Z', '2026-02-02T01:00:00.000Z'],
    ],
    // Every 3 days from the anchor, across February's end (not reset monthly like cron */3).
    [
      'every 3 days across month end',
      manila({ frequency: 'every_3_days', anchorDate: '2026-02-24' }),
      '2026-02-27T01:00:00Z',
      ['2026-03-02T01:00:00.000Z', '2026-03-05T01:00:00.000Z', '2026-03-08T01:00:00.000Z'],
    ],
    [
      'every 3 days starts at its anchor',
      manila({ frequency: 'every_3_days', anchorDate: '2026-03-10' }),
      '2026-03-01T00:00:00Z',
      ['2026-03-10T01:00:00.000Z'],
    ],
    [
      'weekly on its weekday across DST',
      ny({ frequency: 'weekly', weekday: 'monday' }),
      '2026-03-02T14:00:00Z',
      ['2026-03-09T13:00:00.000Z', '2026-03-16T13:00:00.000Z'],
    ],
    // Sunday is ISO weekday 7 (luxon and Postgres), not JavaScript's 0.
    [
      'weekly on Sundays, the weekday of the zone (Saturday in UTC)',
      manila({ frequency: 'weekly', weekday: 'sunday', sendTime: '07:00' }),
      '2026-03-02T00:00:00Z',
      ['2026-03-07T23:00:00.000Z', '2026-03-14T23:00:00.000Z'],
    ],
    [
      'weekly later the same day',
      manila({ frequency: 'weekly', weekday: 'wednesday', sendTime: '18:30' }),
      '2026-03-04T01:00:00Z',
      ['2026-03-04T10:30:00.000Z', '2026-03-11T10:30:00.000Z'],
    ],
    [
      'cron weekdays 09:00',
      ny({ frequency: 'cron', cronExpression: '0 9 * * 1-5' }),
      '2026-03-06T15:00:00Z',
      ['2026-03-09T13:00:00.000Z', '2026-03-10T13:00:00.000Z'],
    ],
  ])('%s', (_name, timing, after, expected) => {
    expect(iso(nextRuns(timing, new Date(after), expected.length))).toEqual(expected);
  });

  it('fires strictly after the given instant', () => {
    expect(nextRunAfter(manila({}), new Date('2026-03-02T01:00:00Z')).toISOString()).toBe('2026-03-03T01:00:00.000Z');
  });
});

describe('latestRunAtOrBefore', () => {
  it.each<[ScheduleTiming, string, string | null]>([
    [manila({}), '2026-03-02T00:59:00Z', '2026-03-01T01:00:00.000Z'],
    [manila({}), '2026-03-02T01:00:00Z', '2026-03-02T01:00:00.000Z'],
    [
      manila({ frequency: 'every_3_days', anchorDate: '2026-02-24' }),
      '2026-03-01T12:00:00Z',
      '2026-02-27T01:00:00.000Z',
    ],
    [manila({ frequency: 'every_3_days', anchorDate: '2026-03-10' }), '2026-03-01T12:00:00Z', null],
    [ny({ frequency: 'weekly', weekday: 'monday' }), '2026-03-15T12:00:00Z', '2026-03-09T13:00:00.000Z'],
    // A weekday has no first day: the schedule fired last week whenever it was made.
    [manila({ frequency: 'weekly', weekday: 'friday' }), '2026-03-06T00:59:00Z', '2026-02-27T01:00:00.000Z'],
    [ny({ frequency: 'cron', cronExpression: '0 9 * * 1-5' }), '2026-03-09T13:00:00Z', '2026-03-09T13:00:00.000Z'],
  ])('%j at %s → %s', (timing, at, expected) => {
    expect(latestRunAtOrBefore(timing, new Date(at))?.toISOString() ?? null).toBe(expected);
  });
});

describe('localSlot', () => {
  it.each([
    ['an ordinary day', '2026-12-03', '08:00', 'Asia/Manila', '2026-12-03T00:00:00.000Z'],
    [
      'a time skipped by spring-forward, to the first minute after',
      '2026-03-08',
      '02:30',
      'America/New_York',
      '2026-03-08T07:00:00.000Z',
    ],
    [
      'a time repeated by fall-back, at its first occurrence',
      '2026-11-01',
      '01:30',
      'America/New_York',
      '2026-11-01T05:30:00.000Z',
    ],
    [
      'a half-hour fall-back (Lord Howe), first occurrence',
      '2026-04-05',
      '01:45',
      'Australia/Lord_Howe',
      '2026-04-04T14:45:00.000Z',
    ],
    // Samoa's clocks went back an hour at 04:00 the day before: midnight is at -11:00.
    ['midnight the day after a fall-back (Apia)', '2011-04-03', '00:00', 'Pacific/Apia', '2011-04-03T11:00:00.000Z'],
    ['a zone a whole day ahead of UTC', '2026-12-03', '09:00', 'Pacific/Kiritimati', '2026-12-02T19:00:00.000Z'],
  ])('%s: %s %s %s → %s', (_, day, time, zone, expected) => {
    expect(localSlot(day, time, zone).toISOString()).toBe(expected);
  });

  it('resolves half-hour DST shifts (Australia/Lord_Howe)', () => {
    // Oct 4, 2026: clocks go 02:00 → 02:30 (+10:30 → +11:00): 02:15 does not exist.
    expect(localSlot('2026-10-04', '02:15', 'Australia/Lord_Howe').toISOString()).toBe('2026-10-03T15:30:00.000Z');
  });

  it('resolves a day the zone skipped whole (Samoa, Dec 30, 2011) to the first minute after it', () => {
    // Apia went from Dec 29 23:59 (-10:00) straight to Dec 31 00:00 (+14:00).
    expect(localSlot('2011-12-30', '09:00', 'Pacific/Apia').toISOString()).toBe('2011-12-30T10:00:00.000Z');
  });
});

describe('the supported range of instants', () => {
  const frequencies: Partial<ScheduleTiming>[] = [
    {},
    { frequency: 'weekly', weekday: 'monday' },
    { frequency: 'every_3_days', anchorDate: '2026-03-02' },
    { frequency: 'cron', cronExpression: '0 9 * * 1-5' },
  ];

  // Once an endless loop: before 1900 Manila keeps local mean time (-15:56), year 0 reads as "-000001".
  it.each(['0000-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '9999-12-31T23:59:59Z'])(
    'refuses to count from %s at once, in every frequency',
    (after) => {
      for (const timing of frequencies) {
        const started = performance.now();
        expect(() => nextRuns(manila(timing), new Date(after), 5)).toThrow('outside the range');
        expect(() => latestRunAtOrBefore(manila(timing), new Date(after))).toThrow('outside the range');
        expect(performance.now() - started).toBeLessThan(100);
      }
    },
  );

  it('lists runs up to the end of the accepted days (2199), and no further', () => {
    const runs = nextRuns(manila({}), new Date('2199-12-29T12:00:00Z'), 10);
    expect(iso(runs)).toEqual(['2199-12-30T01:00:00.000Z', '2199-12-31T01:00:00.000Z']);
  });

  it('lists at most 1000 runs at once (listing them all within its 1 s budget is timed only outside tests)', () => {
    expect(nextRuns(manila({}), new Date('2026-01-01T00:00:00Z'), 100)).toHaveLength(100);
    expect(() => nextRuns(manila({}), new Date('2026-01-01T00:00:00Z'), 1001)).toThrow(
      'count: must be a whole number from 1 to 1000',
    );
  });
});

describe('validation', () => {
  it.each<[Partial<ScheduleTiming>, string]>([
    [{ sendTime: '9:00' }, 'sendTime: expected HH:MM (00:00–23:59), got "9:00"'],
    [{ sendTime: '24:00' }, 'sendTime: expected HH:MM (00:00–23:59), got "24:00"'],
    [{ timezone: 'Mars/Base' }, 'timezone: unknown IANA time zone "Mars/Base"'],
    [{ frequency: 'every_3_days' }, 'anchorDate: is required for every_3_days schedules (YYYY-MM-DD)'],
    [{ frequency: 'every_3_days', anchorDate: '0000-01-01' }, 'anchorDate: must be between 1900-01-01 and 2299-12-31'],
    [{ frequency: 'every_3_days', anchorDate: '2026-02-30' }, 'anchorDate: expected a calendar date as YYYY-MM-DD'],
    [
      { frequency: 'weekly', anchorDate: '2026-03-02' },
      'weekday: is required for weekly schedules: one of monday, tuesday, wednesday, thursday, friday, saturday, sunday',
    ],
    [{ frequency: 'cron', cronExpression: '61 * * * *' }, 'cronExpression:'],
  ])('%j → %s', (timing, message) => {
    expect(() => nextRunAfter(ny(timing), new Date('2026-03-01T00:00:00Z'))).toThrow(message);
  });
});

describe('weekdayOf', () => {
  it.each([
    ['2026-03-02', 'monday'],
    ['2026-03-04', 'wednesday'],
    ['2026-03-08', 'sunday'],
    ['2024-02-29', 'thursday'],
    ['2199-12-31', 'tuesday'],
  ])('%s is a %s', (day, weekday) => {
    expect(weekdayOf(day)).toBe(weekday);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => weekdayOf('2026-02-30')).toThrow('date: expected a calendar date as YYYY-MM-DD, got "2026-02-30"');
  });
});
